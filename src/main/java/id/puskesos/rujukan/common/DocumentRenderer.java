package id.puskesos.rujukan.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Every document the Puskesos issues (letters, the evaluation pack, the activity report) is a Thymeleaf template
 * under {@code templates/}: rendered as it is for the web page, and laid out as A4 PDF by openhtmltopdf with DejaVu
 * Sans embedded, so any name the registry holds prints as written. Thymeleaf escapes all text.
 */
@Component
public class DocumentRenderer {

  /** The font family the templates name first; the PDF has only this one. */
  public static final String FONT = "DejaVu Sans";

  /** What the PDF's document information says. */
  public record PdfInfo(String title, String author, String subject) {
  }

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final byte[] regular = font("DejaVuSans.ttf");
  private final byte[] bold = font("DejaVuSans-Bold.ttf");

  public DocumentRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentRenderer.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /** The template filled in, as an HTML page. */
  public String html(String template, Map<String, Object> model) {
    Context context = new Context();
    context.setVariables(model);
    context.setVariable("fmt", Formats.INSTANCE);
    return engine.process(template, context);
  }

  /** The same template laid out as a PDF (print media: the {@code @page} rules and print styles apply). */
  public byte[] pdf(String template, Map<String, Object> model, PdfInfo info) {
    String html = html(template, model);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
    builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "classpath:/templates/");
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      PDDocumentInformation information = document.getDocumentInformation();
      information.setTitle(info.title());
      information.setAuthor(info.author());
      information.setSubject(info.subject() == null || info.subject().isBlank() ? null : info.subject());
      information.setCreator("Rujukan");
      information.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Jakarta")));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Dokumen PDF gagal dibuat", e);
    }
  }

  private static byte[] font(String file) {
    try (InputStream in = DocumentRenderer.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Font " + file + " tidak ada di classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What templates call as {@code fmt}: the few formats text in documents needs. */
  public static final class Formats {
    static final Formats INSTANCE = new Formats();

    private Formats() {
    }

    /** "-" for a missing value. */
    public String dash(String value) {
      return value == null || value.isBlank() ? "-" : value;
    }

    /** "27 November 2026". */
    public String date(LocalDate date) {
      return Dates.written(date);
    }
  }
}
