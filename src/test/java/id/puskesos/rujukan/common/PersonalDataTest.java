package id.puskesos.rujukan.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

  @Test
  void nikKeepsOnlyRegionAndLastTwoDigits() {
    assertThat(PersonalData.maskNik("3273014507850001")).isEqualTo("3273**********01");
  }

  @Test
  void shortOrMissingNikRevealsNothing() {
    assertThat(PersonalData.maskNik("12345")).isEqualTo("****");
    assertThat(PersonalData.maskNik(null)).isEqualTo("****");
  }
}
