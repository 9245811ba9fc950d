package id.puskesos.rujukan.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** Text on a PDF page with the standard fonts: what they can print, how wide it is, and where lines break. */
public final class PdfText {

  private PdfText() {
  }

  /** Standard fonts only speak WinAnsi; anything else (emoji, CJK, control characters) would make showText throw. */
  public static String showable(PDType1Font font, String text) {
    StringBuilder out = new StringBuilder();
    (text == null ? "" : text).codePoints().forEach(cp -> {
      // a line break is just a separator on paper
      String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
      try {
        font.encode(ch);
        out.append(ch);
      } catch (IOException | IllegalArgumentException unsupported) {
        out.append('?');
      }
    });
    return out.toString().strip();
  }

  /** Breaks text into lines no wider than the width; a word wider than the width is cut. */
  public static List<String> wrap(PDType1Font font, float size, String text, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : text.split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, size, candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      line = word;
      while (width(font, size, line) > maxWidth && line.length() > 1) { // a word wider than the column is cut by characters
        int cut = 1;
        while (cut < line.length() && width(font, size, line.substring(0, cut + 1)) <= maxWidth) {
          cut++;
        }
        lines.add(line.substring(0, cut));
        line = line.substring(cut);
      }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  public static float width(PDType1Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }
}
