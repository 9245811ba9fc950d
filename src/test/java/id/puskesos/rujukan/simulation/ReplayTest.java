package id.puskesos.rujukan.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayTest {

  @Test
  void aNameIsMaskedToTheInitialsOfItsWords() {
    assertThat(Replay.mask("Siti  Wahyuni")).isEqualTo("S*** W***");
    assertThat(Replay.mask("Asep")).isEqualTo("A***");
    assertThat(Replay.mask(null)).isEmpty();
  }
}
