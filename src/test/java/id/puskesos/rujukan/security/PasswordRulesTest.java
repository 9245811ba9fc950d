package id.puskesos.rujukan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** The password policy: Camunda's rules with the configured values, and outside the demo profile no demo password. */
class PasswordRulesTest {

  private static final PasswordRules.Settings DEFAULTS = new PasswordRules.Settings(null, null, null, null, null);

  @Test
  void theDefaultsAskForTwelveCharactersOfEveryKindAndNoUserData() {
    PasswordRules rules = new PasswordRules(DEFAULTS, false);
    UserEntity admin = new UserEntity("admin");
    admin.setFirstName("Administrator");

    assertThat(passes(rules, "123", admin)).isFalse();
    assertThat(passes(rules, "Lebak-Siliwan9", admin)).isTrue();
    assertThat(passes(rules, "Lebak-Silw-9", admin)).as("12 characters").isTrue();
    assertThat(passes(rules, "Lebak-Siw-9", admin)).as("11 characters").isFalse();
    assertThat(passes(rules, "lebak-siliwangi-9", admin)).as("no upper case").isFalse();
    assertThat(passes(rules, "Lebak-Siliwangi", admin)).as("no digit").isFalse();
    assertThat(passes(rules, "LebakSiliwangi9", admin)).as("no special character").isFalse();
    assertThat(passes(rules, "Admin-Siliwangi-9", admin)).as("the user's id").isFalse();
    assertThat(rules.describe()).isEqualTo("Kata sandi tidak memenuhi kebijakan kata sandi: tidak memuat id, nama "
        + "atau e-mail pengguna, paling sedikit 12 karakter, 1 huruf kecil, 1 huruf besar, 1 angka, 1 karakter "
        + "khusus, bukan kata sandi demo.");
  }

  @Test
  void outsideTheDemoProfileTheDemoPasswordIsARuleOfItsOwn() {
    PasswordRules.Settings weakest = new PasswordRules.Settings(8, 0, 0, 0, 0);
    PasswordRules production = new PasswordRules(weakest, false);

    PasswordPolicyRule notDemo = production.getRules().stream()
        .filter(rule -> rule.getPlaceholder().equals(PasswordRules.NOT_DEMO_PLACEHOLDER)).findFirst().orElseThrow();
    assertThat(notDemo.execute(DemoData.PASSWORD, null)).isFalse();
    assertThat(notDemo.execute("demodemo", null)).isTrue();
    assertThat(passes(production, DemoData.PASSWORD, null)).isFalse();
    assertThat(new PasswordRules(weakest, true).getRules()).extracting(PasswordPolicyRule::getPlaceholder)
        .doesNotContain(PasswordRules.NOT_DEMO_PLACEHOLDER);
  }

  @Test
  void aPolicyWeakerThanEightCharactersIsNotAccepted() {
    assertThatThrownBy(() -> new PasswordRules.Settings(6, null, null, null, null))
        .hasMessageContaining("at least 8");
  }

  private static boolean passes(PasswordRules rules, String password, UserEntity user) {
    return rules.getRules().stream().allMatch(rule -> rule.execute(password, user));
  }
}
