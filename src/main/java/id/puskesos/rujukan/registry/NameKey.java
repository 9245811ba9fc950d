package id.puskesos.rujukan.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names as the duplicate check compares them: lower case, no accents, no titles (H., Hj., Drs., S.Pd. ...), old
 * spellings made new (oe -> u, dj -> j, tj -> c, nj -> ny, sj -> sy, ch -> kh), doubled letters single.
 * "Hj. Siti Aminah, S.Pd." and "SITI AMINAH" get the same key; so do "Soekarno" and "Sukarno".
 */
public final class NameKey {

  private static final Set<String> TITLES = Set.of("h", "hj", "haji", "hajah", "hajjah", "drs", "dra", "dr", "ir",
      "prof", "spd", "se", "sh", "skom", "st", "sag", "ssos", "amd", "mm", "mpd", "sked", "bapak", "ibu", "bpk");
  private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}");

  private NameKey() {
  }

  public static String of(String fullName) {
    if (fullName == null) {
      return "";
    }
    String name = MARKS.matcher(Normalizer.normalize(fullName, Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    // "S.Pd." and "A.Md." are one title each: drop dots within a word before splitting
    name = name.replace(".", "").replace(",", " ");
    name = NOT_LETTER.matcher(name).replaceAll(" ");
    StringBuilder key = new StringBuilder();
    for (String word : name.trim().split("\\s+")) {
      if (word.isEmpty() || TITLES.contains(word)) {
        continue;
      }
      if (key.length() > 0) {
        key.append(' ');
      }
      key.append(modernSpelling(word));
    }
    return squeeze(key.toString());
  }

  /** Whether two names are probably the same person's: equal keys, or keys at most a typo or two apart. */
  public static boolean similar(String a, String b) {
    String ka = of(a);
    String kb = of(b);
    if (ka.isEmpty() || kb.isEmpty()) {
      return false;
    }
    int allowed = Math.max(1, Math.min(ka.length(), kb.length()) / 6);
    return ka.equals(kb) || distance(ka, kb) <= allowed;
  }

  private static String modernSpelling(String word) {
    return word.replace("oe", "u").replace("dj", "j").replace("tj", "c").replace("nj", "ny").replace("sj", "sy")
        .replace("ch", "kh");
  }

  private static String squeeze(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (i == 0 || text.charAt(i) != text.charAt(i - 1)) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  /** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one (typing slips). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
