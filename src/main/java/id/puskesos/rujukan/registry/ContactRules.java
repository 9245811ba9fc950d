package id.puskesos.rujukan.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.puskesos.rujukan.common.Checks;

/** RT/RW and phone numbers as the registry keeps them, whoever enters them (intake, field visit, import). */
public final class ContactRules {

  private static final Pattern RT_RW = Pattern.compile("\\d{1,3}");
  private static final Pattern PHONE = Pattern.compile("(\\+62|62|0)(\\d{8,13})");

  private ContactRules() {
  }

  /** "3" and "003" are the same RT: kept as three digits. Null (with a message) when missing or malformed. */
  public static String rtRw(Checks checks, String field, String value, String label) {
    String v = checks.required(field, value, label);
    if (v != null && !RT_RW.matcher(v).matches()) {
      checks.add(field, label + " harus 1 sampai 3 digit angka");
      return null;
    }
    return v == null ? null : "%03d".formatted(Integer.parseInt(v));
  }

  /** Optional; kept in the national form 08xx so one resident has one number however it was typed. */
  public static String phone(Checks checks, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = PHONE.matcher(value.trim().replaceAll("[\\s-]", ""));
    if (!m.matches()) {
      checks.add(field, "Nomor HP harus diawali 0 atau +62 dan berisi 9 sampai 14 digit");
      return null;
    }
    return "0" + m.group(2);
  }
}
