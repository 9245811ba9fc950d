package id.puskesos.rujukan.inbound;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sender's number as the registry keeps residents' numbers (national form {@code 08...}, as
 * {@code registry.ContactRules} stores them), and masked for logs: {@code 0812****7890}.
 */
public final class PhoneNumbers {

  private static final Pattern PHONE = Pattern.compile("^(\\+?62|0)(8\\d{7,12})$");

  private PhoneNumbers() {
  }

  /** {@code +62 812-3456-7890}, {@code 6281234567890} and {@code 081234567890} are one number; empty if none. */
  public static Optional<String> national(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = PHONE.matcher(value.trim().replaceAll("[\\s().-]", ""));
    return m.matches() ? Optional.of("0" + m.group(2)) : Optional.empty();
  }

  /** The first and last four digits only: {@code 081234567890} becomes {@code 0812****7890}. */
  public static String masked(String national) {
    if (national == null || national.length() < 10) {
      return "****";
    }
    return national.substring(0, 4) + "****" + national.substring(national.length() - 4);
  }
}
