package id.puskesos.rujukan.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The password policy the engine checks whenever a password is set (a user created, a password changed; REST API,
 * Admin webapp and Java alike): Camunda's own rules (no user data; length; lower case, upper case, digits, special
 * characters) with the lengths and counts configured here, and outside the demo profile also "not the demo
 * password". Camunda's default policy has the same rules with fixed values (10 characters, one of each kind); it
 * cannot be tuned except by giving the engine a policy of one's own, which this is.
 */
public class PasswordRules implements PasswordPolicy {

  /** The rule's placeholder, shown as it is by the Admin webapp, which has no translation for it. */
  static final String NOT_DEMO_PLACEHOLDER = "Tidak boleh kata sandi demo";

  @ConfigurationProperties("rujukan.security.password")
  public record Settings(Integer minLength, Integer minLowerCase, Integer minUpperCase, Integer minDigits,
      Integer minSpecial) {
    /** Below this no policy is accepted, whatever the configuration says. */
    static final int FLOOR = 8;

    public Settings {
      minLength = minLength == null ? 12 : minLength;
      minLowerCase = minLowerCase == null ? 1 : minLowerCase;
      minUpperCase = minUpperCase == null ? 1 : minUpperCase;
      minDigits = minDigits == null ? 1 : minDigits;
      minSpecial = minSpecial == null ? 1 : minSpecial;
      if (minLength < FLOOR) {
        throw new IllegalArgumentException("rujukan.security.password.min-length must be at least " + FLOOR);
      }
    }
  }

  private final List<PasswordPolicyRule> rules = new ArrayList<>();

  public PasswordRules(Settings settings, boolean demoPasswordAllowed) {
    rules.add(new PasswordPolicyUserDataRuleImpl());
    rules.add(new PasswordPolicyLengthRuleImpl(settings.minLength()));
    if (settings.minLowerCase() > 0) {
      rules.add(new PasswordPolicyLowerCaseRuleImpl(settings.minLowerCase()));
    }
    if (settings.minUpperCase() > 0) {
      rules.add(new PasswordPolicyUpperCaseRuleImpl(settings.minUpperCase()));
    }
    if (settings.minDigits() > 0) {
      rules.add(new PasswordPolicyDigitRuleImpl(settings.minDigits()));
    }
    if (settings.minSpecial() > 0) {
      rules.add(new PasswordPolicySpecialCharacterRuleImpl(settings.minSpecial()));
    }
    if (!demoPasswordAllowed) {
      rules.add(new NotTheDemoPassword());
    }
  }

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }

  /**
   * The policy in words, for a refused password: Camunda's refusal says only "Password does not match policy" and
   * does not name the rule.
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (PasswordPolicyRule rule : rules) {
      Map<String, String> p = rule.getParameters();
      switch (rule.getPlaceholder()) {
        case PasswordPolicyLengthRuleImpl.PLACEHOLDER -> parts.add("paling sedikit " + p.get("minLength")
            + " karakter");
        case PasswordPolicyLowerCaseRuleImpl.PLACEHOLDER -> parts.add(p.get("minLowerCase") + " huruf kecil");
        case PasswordPolicyUpperCaseRuleImpl.PLACEHOLDER -> parts.add(p.get("minUpperCase") + " huruf besar");
        case PasswordPolicyDigitRuleImpl.PLACEHOLDER -> parts.add(p.get("minDigit") + " angka");
        case PasswordPolicySpecialCharacterRuleImpl.PLACEHOLDER -> parts.add(p.get("minSpecial")
            + " karakter khusus");
        case PasswordPolicyUserDataRuleImpl.PLACEHOLDER -> parts.add("tidak memuat id, nama atau e-mail pengguna");
        case NOT_DEMO_PLACEHOLDER -> parts.add("bukan kata sandi demo");
        default -> parts.add(rule.getPlaceholder());
      }
    }
    return "Kata sandi tidak memenuhi kebijakan kata sandi: " + String.join(", ", parts) + ".";
  }

  /** Outside the demo profile, no user gets the demo users' password, not even until the next start. */
  static final class NotTheDemoPassword implements PasswordPolicyRule {

    @Override
    public String getPlaceholder() {
      return NOT_DEMO_PLACEHOLDER;
    }

    @Override
    public Map<String, String> getParameters() {
      return null;
    }

    @Override
    public boolean execute(String candidatePassword) {
      return !DemoData.PASSWORD.equals(candidatePassword);
    }

    @Override
    public boolean execute(String candidatePassword, User user) {
      return execute(candidatePassword);
    }
  }
}
