package id.puskesos.rujukan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

  @Test
  void titlesCaseAndPunctuationDoNotCount() {
    assertThat(NameKey.of("Hj. Siti Aminah, S.Pd.")).isEqualTo(NameKey.of("SITI AMINAH"));
    assertThat(NameKey.of("Drs. H. Asep  Suryana")).isEqualTo("asep suryana");
  }

  @Test
  void oldSpellingsAndDoubledLettersMeetTheNewOnes() {
    assertThat(NameKey.of("Soekarno")).isEqualTo(NameKey.of("Sukarno"));
    assertThat(NameKey.of("Djoko Tjahjono")).isEqualTo("joko cahjono");
    assertThat(NameKey.similar("Djoko Tjahjono", "Joko Cahyono")).isTrue();
    assertThat(NameKey.of("Muhammad")).isEqualTo(NameKey.of("Muhamad"));
  }

  @Test
  void similarNamesAreATypoApartNotJustSharingASurname() {
    assertThat(NameKey.similar("Siti Aminah", "Siti Aminha")).isTrue();
    assertThat(NameKey.similar("Euis Suryana", "Euis Suryana")).isTrue();
    assertThat(NameKey.similar("Asep Suryana", "Agus Suryana")).isFalse();
    assertThat(NameKey.similar("Hasan", "Husen")).isFalse();
    assertThat(NameKey.similar("", "Hasan")).isFalse();
  }
}
