package id.puskesos.rujukan.process;

import java.util.ArrayList;
import java.util.List;

/** Reads the string literals of Java source, outside comments: the scans for names written outside their constants. */
final class JavaLiterals {

  /** A literal's text, its line (from 1) and the offset of its opening quote in the source. */
  record Literal(String value, int line, int start) {
  }

  private JavaLiterals() {
  }

  /** The string literals of Java source (text blocks stripped of their margin), outside comments. */
  static List<Literal> of(String source) {
    List<Literal> literals = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != '\'') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = end + 1;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? source.length() : end;
        literals.add(new Literal(source.substring(i + 3, end).stripIndent().strip(), line, i));
        line += count(source, i, end);
        i = end + 3;
      } else if (c == '"') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        literals.add(new Literal(source.substring(i + 1, Math.min(end, source.length())), line, i));
        i = end + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int i = from; i < to && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
