package id.puskesos.rujukan.partner;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.springframework.stereotype.Component;

/**
 * Renders the "Surat Rekomendasi": the letter the resident takes to the program owner as the basis for
 * handing out the aid. It is issued when the coordinator makes the "penetapan layanan", so the owner
 * needs nothing from our system but this PDF.
 */
@Component
public class RecommendationLetter {

  public record Content(String letterNumber, String referralNumber, String residentName, String nikMasked,
      String address, String programName, String partnerName, String aidDescription, LocalDate date,
      String coordinatorName) {}

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 72;
  private static final float RIGHT = PAGE.getWidth() - MARGIN;
  private static final float VALUE_X = MARGIN + 110;
  private static final float SIGNATURE_X = 340;
  private static final float SIZE = 11;
  private static final float LEADING = 15;
  private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
      "Agustus", "September", "Oktober", "November", "Desember"};

  public byte[] render(Content content) {
    // Fonts per document: saving stamps object keys onto the font dictionary, so it must not be shared.
    PDType1Font regular = new PDType1Font(FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Surat Rekomendasi " + orDash(content.letterNumber()));
      info.setAuthor("Puskesos Lebak Siliwangi");
      info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Jakarta")));
      try (Writer out = new Writer(document)) {
        out.centered(bold, 13, "PUSAT KESEJAHTERAAN SOSIAL (PUSKESOS)");
        out.centered(bold, 11, "KELURAHAN LEBAK SILIWANGI, KECAMATAN COBLONG, KOTA BANDUNG");
        out.rule();
        out.centered(bold, 13, "SURAT REKOMENDASI");
        out.centered(regular, SIZE, "Nomor: " + orDash(content.letterNumber()));
        out.skip(LEADING);
        out.wrapped(regular, MARGIN, "Pusat Kesejahteraan Sosial (Puskesos) Kelurahan Lebak Siliwangi, setelah "
            + "melakukan verifikasi dan asesmen terhadap warga, dengan ini merekomendasikan warga berikut "
            + "sebagai penerima program:");
        out.skip(LEADING / 2);
        out.field(regular, "Nomor rujukan", orDash(content.referralNumber()));
        out.field(regular, "Nama", orDash(content.residentName()));
        out.field(regular, "NIK", orDash(content.nikMasked()));
        out.field(regular, "Alamat", orDash(content.address()));
        out.field(regular, "Program", orDash(content.programName()));
        out.field(regular, "Mitra", orDash(content.partnerName()));
        if (content.aidDescription() != null) {
          out.field(regular, "Bantuan", orDash(content.aidDescription()));
        }
        out.skip(LEADING / 2);
        out.wrapped(regular, MARGIN, "Surat ini dibawa warga kepada pengelola program sebagai dasar "
            + "penyaluran bantuan.");
        out.skip(LEADING);
        out.keep(LEADING * 9); // keep date, title, signature space and name together on one page
        out.wrapped(regular, SIGNATURE_X, "Bandung, " + indonesian(content.date()));
        out.wrapped(regular, SIGNATURE_X, "Koordinator Puskesos");
        out.skip(LEADING * 4); // room for the wet signature and stamp
        out.wrapped(bold, SIGNATURE_X, orDash(content.coordinatorName()));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Surat rekomendasi gagal dibuat", e);
    }
  }

  private static String indonesian(LocalDate date) {
    return date == null ? "-" : date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  /** Standard fonts only speak WinAnsi; anything else (emoji, CJK, control characters) would make showText throw. */
  private static String showable(PDType1Font font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      // a line break typed into an address is just a separator on paper
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

  /** Writes lines top-down and starts a new page when one is full, so long values never fall off the page. */
  private static final class Writer implements Closeable {
    private final PDDocument document;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PAGE.getHeight() - MARGIN;
    }

    void keep(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void skip(float space) {
      y -= space;
    }

    void rule() throws IOException {
      stream.setLineWidth(1.2f);
      stream.moveTo(MARGIN, y + LEADING / 2);
      stream.lineTo(RIGHT, y + LEADING / 2);
      stream.stroke();
      y -= LEADING / 2;
    }

    void centered(PDType1Font font, float size, String text) throws IOException {
      keep(0);
      text = showable(font, text);
      show(font, size, (PAGE.getWidth() - width(font, size, text)) / 2, text);
      y -= size + 5;
    }

    void wrapped(PDType1Font font, float x, String text) throws IOException {
      for (String line : wrap(font, showable(font, text), RIGHT - x)) {
        keep(0);
        show(font, SIZE, x, line);
        y -= LEADING;
      }
    }

    /** A "label : value" row; the value wraps in its own column so the labels stay aligned. */
    void field(PDType1Font font, String label, String value) throws IOException {
      keep(0);
      show(font, SIZE, MARGIN, label);
      show(font, SIZE, VALUE_X - 10, ":");
      wrapped(font, VALUE_X, value);
    }

    private void show(PDType1Font font, float size, float x, String text) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
    }

    @Override
    public void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }
  }

  private static List<String> wrap(PDType1Font font, String text, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : text.split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, SIZE, candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      line = word;
      while (width(font, SIZE, line) > maxWidth) { // a word longer than the column is cut by characters
        int cut = 1;
        while (cut < line.length() && width(font, SIZE, line.substring(0, cut + 1)) <= maxWidth) {
          cut++;
        }
        lines.add(line.substring(0, cut));
        line = line.substring(cut);
      }
    }
    lines.add(line);
    return lines;
  }

  private static float width(PDType1Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }
}
