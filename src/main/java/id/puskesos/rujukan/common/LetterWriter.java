package id.puskesos.rujukan.common;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * Writes a one-column A4 letter of the Puskesos (letterhead, title, paragraphs, "label : value" rows, signature) top
 * down, starting a new page when one is full, so long values never fall off the page. Standard fonts only: text they
 * cannot encode (emoji, control characters) prints as {@code ?}.
 */
public final class LetterWriter implements Closeable {

  public static final float SIZE = 11;
  public static final float LEADING = 15;
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 72;
  private static final float RIGHT = PAGE.getWidth() - MARGIN;
  private static final float VALUE_X = MARGIN + 110;
  /** Where the date, title and name of the signatory start. */
  public static final float SIGNATURE_X = 340;

  private final PDDocument document = new PDDocument();
  // fonts per document: saving stamps object keys onto the font dictionary, so they must not be shared
  private final PDType1Font regular = new PDType1Font(FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
  private PDPageContentStream stream;
  private float y;

  public LetterWriter(String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor("Puskesos Lebak Siliwangi");
    info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Jakarta")));
    try {
      newPage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Puskesos letterhead and the letter's title and number. */
  public LetterWriter letterhead(String title, String number) throws IOException {
    centered(true, 13, "PUSAT KESEJAHTERAAN SOSIAL (PUSKESOS)");
    centered(true, 11, "KELURAHAN LEBAK SILIWANGI, KECAMATAN COBLONG, KOTA BANDUNG");
    rule();
    centered(true, 13, title);
    centered(false, SIZE, "Nomor: " + orDash(number));
    skip(LEADING);
    return this;
  }

  /** Date, title and name of the signatory, kept together on one page with room for the wet signature. */
  public void signature(LocalDate date, String role, String name) throws IOException {
    skip(LEADING);
    keep(LEADING * 9);
    wrapped(false, SIGNATURE_X, "Bandung, " + indonesian(date));
    wrapped(false, SIGNATURE_X, role);
    skip(LEADING * 4);
    wrapped(true, SIGNATURE_X, orDash(name));
  }

  public byte[] finish() {
    try {
      close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      document.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Dokumen PDF gagal dibuat", e);
    }
  }

  public static String indonesian(LocalDate date) {
    return Dates.written(date);
  }

  public static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private void newPage() throws IOException {
    close();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    y = PAGE.getHeight() - MARGIN;
  }

  public void keep(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  public void skip(float space) {
    y -= space;
  }

  public void rule() throws IOException {
    stream.setLineWidth(1.2f);
    stream.moveTo(MARGIN, y + LEADING / 2);
    stream.lineTo(RIGHT, y + LEADING / 2);
    stream.stroke();
    y -= LEADING / 2;
  }

  public void centered(boolean isBold, float size, String text) throws IOException {
    PDType1Font font = isBold ? bold : regular;
    keep(0);
    text = PdfText.showable(font, text);
    show(font, size, (PAGE.getWidth() - PdfText.width(font, size, text)) / 2, text);
    y -= size + 5;
  }

  /** A paragraph from the left margin. */
  public void paragraph(String text) throws IOException {
    wrapped(false, MARGIN, text);
  }

  public void wrapped(boolean isBold, float x, String text) throws IOException {
    PDType1Font font = isBold ? bold : regular;
    for (String line : PdfText.wrap(font, SIZE, PdfText.showable(font, text), RIGHT - x)) {
      keep(0);
      show(font, SIZE, x, line);
      y -= LEADING;
    }
  }

  /** A "label : value" row; the value wraps in its own column so the labels stay aligned. */
  public void field(String label, String value) throws IOException {
    keep(0);
    show(regular, SIZE, MARGIN, PdfText.showable(regular, label));
    show(regular, SIZE, VALUE_X - 10, ":");
    wrapped(false, VALUE_X, orDash(value));
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
