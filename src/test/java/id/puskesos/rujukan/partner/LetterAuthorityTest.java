package id.puskesos.rujukan.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The verification code's form and the NIP setting's check at start-up. */
class LetterAuthorityTest {

  @Test
  void codesAreTwelveUnambiguousCharactersAndDoNotRepeat() {
    Set<String> drawn = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = VerificationCodes.next();
      assertThat(code).hasSize(12).matches("[2-9A-HJKMNP-Z]{12}").doesNotContain("0", "O", "1", "I", "L");
      drawn.add(code);
    }
    assertThat(drawn).hasSize(10_000);
    assertThat(VerificationCodes.ALPHABET).hasSize(31);
  }

  @Test
  void aTypedCodeIsReadWithoutCaseSpacesAndHyphensAndAnythingElseIsNoCode() {
    assertThat(VerificationCodes.canonical("abcd-efgh-jkmn")).contains("ABCDEFGHJKMN");
    assertThat(VerificationCodes.canonical(" ABCD EFGH JKMN ")).contains("ABCDEFGHJKMN");
    assertThat(VerificationCodes.printed("ABCDEFGHJKMN")).isEqualTo("ABCD-EFGH-JKMN");
    assertThat(VerificationCodes.canonical("ABCD-EFGH-JKM0")).as("0 is not in the alphabet").isEmpty();
    assertThat(VerificationCodes.canonical("ABCDEFGHJKM")).as("11 characters").isEmpty();
    assertThat(VerificationCodes.canonical("ABCDEFGHJKMNP")).as("13 characters").isEmpty();
    assertThat(VerificationCodes.canonical("' OR 1=1 --")).isEmpty();
    assertThat(VerificationCodes.canonical(null)).isEmpty();
    assertThat(VerificationCodes.canonical("A".repeat(100))).isEmpty();
  }

  @Test
  void aNipIsEighteenDigitsInTheBknLayout() {
    assertThat(LetterSettings.validNip("198503122010012003")).isTrue();
    assertThat(LetterSettings.validNip("196608011988031001")).as("Perka BKN 22/2007's example").isTrue();
    assertThat(LetterSettings.validNip("19850312201001200")).as("17 digits").isFalse();
    assertThat(LetterSettings.validNip("1985031220100120031")).as("19 digits").isFalse();
    assertThat(LetterSettings.validNip("198513122010012003")).as("month 13").isFalse();
    assertThat(LetterSettings.validNip("198503122010013003")).as("sex digit 3").isFalse();
    assertThat(LetterSettings.validNip("19850312 201001 2 003")).as("spaces").isFalse();
    assertThat(LetterSettings.printed("198503122010012003")).isEqualTo("19850312 201001 2 003");
  }

  @Test
  void aMistypedNipOrCheckAddressStopsTheStart() {
    assertThatThrownBy(() -> new LetterSettings(Map.of("koordinator", "19850312201001200"), null))
        .hasMessageContaining("rujukan.letter.signer-nips.koordinator").hasMessageContaining("18 angka");
    assertThatThrownBy(() -> new LetterSettings(Map.of(), "puskesos/verifikasi"))
        .hasMessageContaining("rujukan.letter.check-address");
    LetterSettings none = new LetterSettings(null, " ");
    assertThat(none.nipOf("koordinator")).isEmpty();
    assertThat(none.checkPage()).startsWith("/verifikasi/");
  }
}
