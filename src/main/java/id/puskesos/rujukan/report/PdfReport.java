package id.puskesos.rujukan.report;
// Size: lays out every block of a report on PDF pages by hand; one renderer for all reports.

import static id.puskesos.rujukan.report.ReportFormat.cell;
import static id.puskesos.rujukan.report.ReportFormat.columnCount;
import static id.puskesos.rujukan.report.ReportFormat.columns;
import static id.puskesos.rujukan.report.ReportFormat.rows;
import static id.puskesos.rujukan.report.ReportFormat.text;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.PdfText;

/**
 * Renders a {@link Report} as an A4 PDF with the Standard 14 Helvetica fonts: header, sections, bar charts drawn as
 * filled rectangles, tables as aligned columns that wrap long cells and repeat their header row on every page, and
 * "Halaman N dari M" in the footer.
 */
@Component
public class PdfReport {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 50;
  private static final float LEFT = MARGIN;
  private static final float RIGHT = PAGE.getWidth() - MARGIN;
  private static final float WIDTH = RIGHT - LEFT;
  private static final float TOP = PAGE.getHeight() - MARGIN;
  private static final float BOTTOM = MARGIN;
  private static final float FOOTER_Y = 28;

  private static final float TITLE_SIZE = 16;
  private static final float SUBTITLE_SIZE = 11;
  private static final float SMALL_SIZE = 9;
  private static final float HEADING_SIZE = 13;
  private static final float TABLE_TITLE_SIZE = 10.5f;
  private static final float BODY_SIZE = 10.5f;
  private static final float BODY_LEADING = 14;

  /** Table font sizes, largest first: the first at which the table fits the width is used. */
  private static final float[] TABLE_SIZES = {10, 9, 8};
  private static final float CELL_PAD_X = 4;
  private static final float CELL_PAD_Y = 2.5f;

  private static final float CHART_SIZE = 9;
  private static final float CHART_ROW = 15;
  private static final float CHART_BAR = 9;
  private static final float[] BAR_COLOR = {0.18f, 0.43f, 0.71f};
  private static final float GRAY = 0.35f;

  public byte[] render(Report report) {
    // Fonts per document: saving stamps object keys onto the font dictionary, so it must not be shared.
    PDType1Font regular = new PDType1Font(FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(text(report.title()));
      if (report.subtitle() != null && !report.subtitle().isBlank()) {
        info.setSubject(report.subtitle());
      }
      info.setCreator("Rujukan");
      info.setCreationDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Jakarta")));

      try (Writer out = new Writer(document, regular, bold)) {
        out.header(report);
        for (Report.Section section : report.sections() == null ? List.<Report.Section>of() : report.sections()) {
          out.section(section);
        }
      }
      footers(document, regular, text(report.title()));

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Laporan PDF gagal dibuat", e);
    }
  }

  /** Second pass, once the page count is known. */
  private static void footers(PDDocument document, PDType1Font font, String title) throws IOException {
    int count = document.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream stream = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        String number = "Halaman " + (i + 1) + " dari " + count;
        float numberWidth = PdfText.width(font, 8, number);
        String left = fit(font, 8, PdfText.showable(font, title), WIDTH - numberWidth - 20);
        stream.setStrokingColor(0.6f);
        stream.setLineWidth(0.5f);
        stream.moveTo(LEFT, FOOTER_Y + 11);
        stream.lineTo(RIGHT, FOOTER_Y + 11);
        stream.stroke();
        stream.setNonStrokingColor(GRAY);
        show(stream, font, 8, LEFT, FOOTER_Y, left);
        show(stream, font, 8, RIGHT - numberWidth, FOOTER_Y, number);
      }
    }
  }

  /** Writes top-down and starts a new page when one is full, so nothing falls off a page. */
  private static final class Writer implements Closeable {
    private final PDDocument document;
    private final PDType1Font regular;
    private final PDType1Font bold;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document, PDType1Font regular, PDType1Font bold) throws IOException {
      this.document = document;
      this.regular = regular;
      this.bold = bold;
      newPage();
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = TOP;
    }

    /** Starts a new page unless {@code height} still fits; true when it did. */
    boolean keep(float height) throws IOException {
      if (y - height < BOTTOM && y < TOP) {
        newPage();
        return true;
      }
      return false;
    }

    void skip(float space) {
      y = Math.max(BOTTOM, y - space);
    }

    void header(Report report) throws IOException {
      lines(bold, TITLE_SIZE, TITLE_SIZE * 1.25f, text(report.title()), false);
      if (report.subtitle() != null && !report.subtitle().isBlank()) {
        lines(regular, SUBTITLE_SIZE, SUBTITLE_SIZE * 1.35f, report.subtitle(), false);
      }
      if (report.generatedAt() != null && !report.generatedAt().isBlank()) {
        stream.setNonStrokingColor(GRAY);
        lines(regular, SMALL_SIZE, SMALL_SIZE * 1.35f, report.generatedAt(), false);
        stream.setNonStrokingColor(0f);
      }
      skip(4);
      rule(1f, 0f);
      skip(10);
    }

    void section(Report.Section section) throws IOException {
      if (y < TOP) {
        skip(10);
      }
      // a heading never ends a page: keep it with (about) three lines of what follows
      keep(HEADING_SIZE * 1.4f + 6 + 3 * BODY_LEADING);
      lines(bold, HEADING_SIZE, HEADING_SIZE * 1.4f, text(section.title()), false);
      skip(4);
      for (String paragraph : section.paragraphs() == null ? List.<String>of() : section.paragraphs()) {
        lines(regular, BODY_SIZE, BODY_LEADING, paragraph, true);
        skip(5);
      }
      for (Report.Table table : section.tables() == null ? List.<Report.Table>of() : section.tables()) {
        table(table);
      }
    }

    /** Wrapped text at the left margin; with {@code keepBreaks} a typed line break starts a new line. */
    void lines(PDType1Font font, float size, float leading, String text, boolean keepBreaks) throws IOException {
      String[] parts = keepBreaks ? text(text).split("\\R") : new String[] {text(text)};
      for (String part : parts) {
        for (String line : PdfText.wrap(font, size, PdfText.showable(font, part), WIDTH)) {
          keep(leading);
          show(stream, font, size, LEFT, baseline(y, leading, size), line);
          y -= leading;
        }
      }
    }

    void rule(float lineWidth, float gray) throws IOException {
      rule(LEFT, RIGHT, lineWidth, gray);
    }

    void rule(float from, float to, float lineWidth, float gray) throws IOException {
      stream.setStrokingColor(gray);
      stream.setLineWidth(lineWidth);
      stream.moveTo(from, y);
      stream.lineTo(to, y);
      stream.stroke();
      stream.setStrokingColor(0f);
    }

    void table(Report.Table table) throws IOException {
      Layout layout = new Layout(table, regular, bold);
      float titleLeading = TABLE_TITLE_SIZE * 1.35f;
      List<String> title = PdfText.wrap(bold, TABLE_TITLE_SIZE, PdfText.showable(bold, text(table.title())), WIDTH);
      boolean chart = table.chart() != null && !rows(table).isEmpty();
      // keep the title with the chart (when it fits a page) or with the header and first row
      float after = chart ? Math.min(chartHeight(table), TOP - BOTTOM - 40)
          : layout.headerHeight() + layout.firstRowHeight();
      skip(6);
      keep(title.size() * titleLeading + 4 + after);
      for (String line : title) {
        keep(titleLeading);
        show(stream, bold, TABLE_TITLE_SIZE, LEFT, baseline(y, titleLeading, TABLE_TITLE_SIZE), line);
        y -= titleLeading;
      }
      skip(4);
      if (chart) {
        chart(table);
        skip(8);
      }
      layout.draw(this);
      skip(10);
    }

    private float chartHeight(Report.Table table) {
      return rows(table).size() * CHART_ROW + 4;
    }

    /** Horizontal bars: label, filled bar, value with unit at the bar's end, like the HTML. */
    void chart(Report.Table table) throws IOException {
      Report.Chart chart = table.chart();
      int rowCount = rows(table).size();
      double scale = ReportFormat.scale(chart, rowCount);
      List<String> labels = new ArrayList<>();
      List<String> values = new ArrayList<>();
      float labelWidth = 0;
      float valueWidth = 0;
      for (int i = 0; i < rowCount; i++) {
        labels.add(PdfText.showable(regular, ReportFormat.label(table, i)));
        values.add(PdfText.showable(regular, ReportFormat.value(ReportFormat.chartValue(chart, i), chart.unit())));
        labelWidth = Math.max(labelWidth, PdfText.width(regular, CHART_SIZE, labels.get(i)));
        valueWidth = Math.max(valueWidth, PdfText.width(regular, CHART_SIZE, values.get(i)));
      }
      labelWidth = Math.min(labelWidth, WIDTH * 0.35f);
      valueWidth = Math.min(valueWidth, WIDTH * 0.25f);
      float barX = LEFT + labelWidth + 8;
      float barMax = RIGHT - barX - 6 - valueWidth;

      if (chartHeight(table) <= TOP - BOTTOM) {
        keep(chartHeight(table)); // a chart that fits on a page is not split
      }
      skip(2);
      for (int i = 0; i < rowCount; i++) {
        keep(CHART_ROW);
        float textY = baseline(y, CHART_ROW, CHART_SIZE);
        show(stream, regular, CHART_SIZE, LEFT, textY, fit(regular, CHART_SIZE, labels.get(i), labelWidth));
        Double value = ReportFormat.chartValue(chart, i);
        float end = barX;
        if (ReportFormat.drawable(value)) {
          float barWidth = (float) (barMax * ReportFormat.fraction(value, scale));
          if (barWidth > 0) {
            stream.setNonStrokingColor(BAR_COLOR[0], BAR_COLOR[1], BAR_COLOR[2]);
            stream.addRect(barX, y - (CHART_ROW + CHART_BAR) / 2, barWidth, CHART_BAR);
            stream.fill();
            stream.setNonStrokingColor(0f);
          }
          end += barWidth;
        }
        show(stream, regular, CHART_SIZE, end + 4, textY, fit(regular, CHART_SIZE, values.get(i), RIGHT - end - 4));
        // the axis, one row at a time so it follows the chart onto the next page
        stream.setStrokingColor(0.45f);
        stream.setLineWidth(0.6f);
        stream.moveTo(barX, y);
        stream.lineTo(barX, y - CHART_ROW);
        stream.stroke();
        stream.setStrokingColor(0f);
        y -= CHART_ROW;
      }
    }

    @Override
    public void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }
  }

  /** A table measured for the page: font size, column widths, wrapped cells. */
  private static final class Layout {
    private final PDType1Font regular;
    private final PDType1Font bold;
    private final int columnCount;
    private final float size;
    private final float leading;
    private final float[] widths;
    private final boolean[] numericColumn;
    private final List<List<String>> header;
    private final List<String> headerCells;
    private final List<List<String>> body;

    Layout(Report.Table table, PDType1Font regular, PDType1Font bold) throws IOException {
      this.regular = regular;
      this.bold = bold;
      this.columnCount = Math.max(1, columnCount(table));
      List<String> columns = columns(table);
      headerCells = new ArrayList<>();
      numericColumn = new boolean[columnCount];
      for (int c = 0; c < columnCount; c++) {
        headerCells.add(PdfText.showable(bold, c < columns.size() ? text(columns.get(c)) : ""));
        numericColumn[c] = ReportFormat.numericColumn(table, c);
      }
      body = new ArrayList<>();
      for (List<String> row : rows(table)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
          cells.add(PdfText.showable(regular, cell(row, c)));
        }
        body.add(cells);
      }

      float chosen = TABLE_SIZES[TABLE_SIZES.length - 1];
      float[] natural = null;
      for (float candidate : TABLE_SIZES) {
        natural = natural(candidate);
        if (sum(natural) <= WIDTH) {
          chosen = candidate;
          break;
        }
      }
      size = chosen;
      leading = size * 1.25f;
      widths = sum(natural) <= WIDTH ? natural : distribute(natural, minimum(size), WIDTH);
      header = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        header.add(PdfText.wrap(bold, size, headerCells.get(c), widths[c] - 2 * CELL_PAD_X));
      }
    }

    /** Each column as wide as its widest cell on one line. */
    private float[] natural(float fontSize) throws IOException {
      float[] natural = new float[columnCount];
      for (int c = 0; c < columnCount; c++) {
        natural[c] = PdfText.width(bold, fontSize, headerCells.get(c));
        for (List<String> row : body) {
          natural[c] = Math.max(natural[c], PdfText.width(regular, fontSize, row.get(c)));
        }
        natural[c] += 2 * CELL_PAD_X + 0.5f;
      }
      return natural;
    }

    /** Each column as wide as its longest word, below which words would be cut. */
    private float[] minimum(float fontSize) throws IOException {
      float[] minimum = new float[columnCount];
      for (int c = 0; c < columnCount; c++) {
        minimum[c] = longestWord(bold, fontSize, headerCells.get(c));
        for (List<String> row : body) {
          minimum[c] = Math.max(minimum[c], longestWord(regular, fontSize, row.get(c)));
        }
        minimum[c] += 2 * CELL_PAD_X + 0.5f;
      }
      return minimum;
    }

    /**
     * Too wide for the page: columns narrower than an equal share keep their natural width; the rest share what is
     * left, each first getting its longest word (up to an equal share), then the remainder in proportion to need.
     */
    private static float[] distribute(float[] natural, float[] minimum, float available) {
      int n = natural.length;
      float[] widths = new float[n];
      boolean[] fixed = new boolean[n];
      float remaining = available;
      int open = n;
      boolean changed = true;
      while (changed && open > 0) {
        changed = false;
        float share = remaining / open;
        for (int c = 0; c < n; c++) {
          if (!fixed[c] && natural[c] <= share) {
            widths[c] = natural[c];
            fixed[c] = true;
            remaining -= natural[c];
            open--;
            changed = true;
          }
        }
      }
      if (open == 0) {
        return widths;
      }
      float share = remaining / open;
      float floors = 0;
      float need = 0;
      float[] floor = new float[n];
      for (int c = 0; c < n; c++) {
        if (!fixed[c]) {
          floor[c] = Math.min(minimum[c], share);
          floors += floor[c];
          need += natural[c] - floor[c];
        }
      }
      float extra = Math.max(0, remaining - floors);
      for (int c = 0; c < n; c++) {
        if (!fixed[c]) {
          widths[c] = floor[c] + (need <= 0 ? extra / open : extra * (natural[c] - floor[c]) / need);
        }
      }
      return widths;
    }

    float headerHeight() {
      return height(header);
    }

    float firstRowHeight() throws IOException {
      return body.isEmpty() ? leading + 2 * CELL_PAD_Y : height(wrapRow(body.get(0)));
    }

    private float height(List<List<String>> cells) {
      int lines = 1;
      for (List<String> cell : cells) {
        lines = Math.max(lines, cell.size());
      }
      return lines * leading + 2 * CELL_PAD_Y;
    }

    private List<List<String>> wrapRow(List<String> row) throws IOException {
      List<List<String>> cells = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        cells.add(PdfText.wrap(regular, size, row.get(c), widths[c] - 2 * CELL_PAD_X));
      }
      return cells;
    }

    private float tableRight() {
      return LEFT + sum(widths);
    }

    void draw(Writer out) throws IOException {
      out.keep(headerHeight() + firstRowHeight());
      drawHeader(out);
      if (body.isEmpty()) {
        out.keep(leading + 2 * CELL_PAD_Y);
        show(out.stream, regular, size, LEFT + CELL_PAD_X, baseline(out.y - CELL_PAD_Y, leading, size),
            fit(regular, size, ReportFormat.NO_DATA, sum(widths) - 2 * CELL_PAD_X));
        out.y -= leading + 2 * CELL_PAD_Y;
      }
      for (int r = 0; r < body.size(); r++) {
        List<List<String>> cells = wrapRow(body.get(r));
        float height = height(cells);
        boolean fitsHere = out.y - height >= BOTTOM;
        boolean fitsFreshPage = headerHeight() + height <= TOP - BOTTOM;
        if (!fitsHere && fitsFreshPage) {
          continuePage(out);
        }
        drawRow(out, cells, r == body.size() - 1);
      }
      out.rule(LEFT, tableRight(), 0.8f, 0f);
    }

    private void continuePage(Writer out) throws IOException {
      out.rule(LEFT, tableRight(), 0.8f, 0f);
      out.newPage();
      drawHeader(out);
    }

    private void drawHeader(Writer out) throws IOException {
      out.rule(LEFT, tableRight(), 0.8f, 0f);
      drawLines(out, header, 0, lines(header), bold);
      out.rule(LEFT, tableRight(), 0.8f, 0f);
    }

    /** A row, split over pages line by line only when it is taller than a page. */
    private void drawRow(Writer out, List<List<String>> cells, boolean last) throws IOException {
      int total = lines(cells);
      int from = 0;
      boolean fresh = false;
      while (from < total) {
        int room = (int) Math.floor((out.y - BOTTOM - 2 * CELL_PAD_Y) / leading);
        if (room < 1 && !fresh) {
          continuePage(out);
          fresh = true;
          continue;
        }
        room = Math.max(room, 1); // only when the header row alone fills a page
        int count = Math.min(room, total - from);
        drawLines(out, cells, from, count, regular);
        from += count;
        if (from < total) {
          continuePage(out);
          fresh = true;
        }
      }
      if (!last) {
        out.rule(LEFT, tableRight(), 0.3f, 0.7f);
      }
    }

    private void drawLines(Writer out, List<List<String>> cells, int from, int count, PDType1Font font)
        throws IOException {
      float x = LEFT;
      for (int c = 0; c < columnCount; c++) {
        List<String> lines = cells.get(c);
        boolean right = numericColumn[c];
        for (int i = from; i < Math.min(lines.size(), from + count); i++) {
          String line = lines.get(i);
          float lineX = right ? x + widths[c] - CELL_PAD_X - PdfText.width(font, size, line) : x + CELL_PAD_X;
          float top = out.y - CELL_PAD_Y - (i - from) * leading;
          show(out.stream, font, size, lineX, baseline(top, leading, size), line);
        }
        x += widths[c];
      }
      out.y -= count * leading + 2 * CELL_PAD_Y;
    }

    private static int lines(List<List<String>> cells) {
      int lines = 1;
      for (List<String> cell : cells) {
        lines = Math.max(lines, cell.size());
      }
      return lines;
    }
  }

  /** The baseline that centres a line of {@code size} in a line box of {@code leading} starting at {@code top}. */
  private static float baseline(float top, float leading, float size) {
    return top - leading / 2 - size * 0.35f;
  }

  private static void show(PDPageContentStream stream, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, y);
    stream.showText(text);
    stream.endText();
  }

  /** Cuts text to the width with an ellipsis (for single-line places: chart labels, footer). */
  private static String fit(PDType1Font font, float size, String text, float maxWidth) throws IOException {
    if (PdfText.width(font, size, text) <= maxWidth) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && PdfText.width(font, size, cut + "\u2026") > maxWidth) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut.isEmpty() ? "" : cut.stripTrailing() + "\u2026";
  }

  private static float longestWord(PDType1Font font, float size, String text) throws IOException {
    float longest = 0;
    for (String word : text.split(" +")) {
      longest = Math.max(longest, PdfText.width(font, size, word));
    }
    return longest;
  }

  private static float sum(float[] values) {
    float sum = 0;
    for (float value : values) {
      sum += value;
    }
    return sum;
  }
}
