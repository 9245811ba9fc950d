package id.puskesos.rujukan.partner;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification code printed on a letter: 12 characters drawn with {@link SecureRandom} from 31 that cannot be
 * mistaken for each other when read off paper or typed (no 0/O, 1/I/L), about 59 bits. It is printed in three groups
 * ({@code ABCD-EFGH-JKMN}); what a partner types is read without regard to case, spaces and hyphens.
 */
public final class VerificationCodes {

  /** Digits 2-9 and the letters without I, L and O. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  public static final int LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCodes() {
  }

  /** A new code, as stored. */
  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as stored, from what was typed; empty when it cannot be a code (wrong length or character). */
  public static Optional<String> canonical(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(code);
  }

  /** The code as printed: {@code ABCD-EFGH-JKMN}. */
  public static String printed(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }
}
