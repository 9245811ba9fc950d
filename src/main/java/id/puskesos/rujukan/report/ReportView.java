package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.report.ReportFormat.cell;
import static id.puskesos.rujukan.report.ReportFormat.columnCount;
import static id.puskesos.rujukan.report.ReportFormat.columns;
import static id.puskesos.rujukan.report.ReportFormat.rows;
import static id.puskesos.rujukan.report.ReportFormat.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link Report} mapped for {@code templates/reports/report.html}: which columns are numeric, the bar widths of the
 * charts, the CSV links. The template lays it out, for the page and for the PDF alike.
 */
final class ReportView {

  /** Links we print must not smuggle script in through the href (the page promises to run none). */
  private static final Pattern UNSAFE_HREF = Pattern.compile("^\\s*(?:javascript|vbscript|data)\\s*:",
      Pattern.CASE_INSENSITIVE);
  /** A bar at full scale takes this share of its track, leaving room for the value after it. */
  private static final double BAR_SHARE = 78;
  /** Chart labels longer than this are cut (the row's title keeps the whole label). */
  private static final int LABEL_CHARS = 30;

  record Page(String title, String pageTitle, String subtitle, String generatedAt, List<Section> sections) {
  }

  record Section(String title, List<String> paragraphs, List<Table> tables) {
  }

  /** {@code size} is the table's type size class: more columns, smaller type, so the table fits the page. */
  record Table(String id, String title, String csvHref, String csvName, List<Cell> header, List<List<Cell>> rows,
      int columnCount, String size, Chart chart) {
  }

  record Cell(String text, boolean numeric) {
  }

  record Chart(String name, List<Bar> bars) {
  }

  /** {@code width} is the bar's length in percent of its track, null for no bar. */
  record Bar(String label, String title, String value, String width) {
  }

  private ReportView() {
  }

  static Map<String, Object> model(Report report, Map<String, String> csvLinks, boolean pdf) {
    Map<String, String> links = csvLinks == null ? Map.of() : csvLinks;
    String title = text(report.title());
    String subtitle = text(report.subtitle());
    List<Section> sections = new ArrayList<>();
    for (Report.Section section : report.sections() == null ? List.<Report.Section>of() : report.sections()) {
      List<Table> tables = new ArrayList<>();
      for (Report.Table table : section.tables() == null ? List.<Report.Table>of() : section.tables()) {
        tables.add(table(table, links.get(table.id())));
      }
      sections.add(new Section(text(section.title()),
          section.paragraphs() == null ? List.of() : section.paragraphs(), tables));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("report", new Page(title, subtitle.isBlank() ? title : title + " \u2014 " + subtitle, subtitle,
        text(report.generatedAt()), sections));
    model.put("pdf", pdf);
    return model;
  }

  private static Table table(Report.Table table, String csvHref) {
    int columnCount = Math.max(1, columnCount(table));
    boolean[] numeric = new boolean[columnCount];
    List<Cell> header = new ArrayList<>();
    List<String> columns = columns(table);
    for (int c = 0; c < columnCount; c++) {
      numeric[c] = ReportFormat.numericColumn(table, c);
      header.add(new Cell(c < columns.size() ? text(columns.get(c)) : "", numeric[c]));
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (List<String> row : rows(table)) {
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        cells.add(new Cell(cell(row, c), numeric[c]));
      }
      rows.add(cells);
    }
    boolean link = csvHref != null && !csvHref.isBlank() && !UNSAFE_HREF.matcher(csvHref).find();
    String size = columnCount >= 8 ? "small" : columnCount >= 6 ? "medium" : "normal";
    Chart chart = table.chart() != null && !rows.isEmpty() ? chart(table) : null;
    return new Table(text(table.id()), text(table.title()), link ? csvHref : null, text(table.id()) + ".csv", header,
        rows, columnCount, size, chart);
  }

  /** A horizontal bar chart: label, bar, value (with unit) at the bar's end. */
  private static Chart chart(Report.Table table) {
    Report.Chart chart = table.chart();
    int rowCount = rows(table).size();
    double scale = ReportFormat.scale(chart, rowCount);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rowCount; i++) {
      String label = ReportFormat.label(table, i);
      Double value = ReportFormat.chartValue(chart, i);
      String shown = ReportFormat.value(value, chart.unit());
      String width = ReportFormat.drawable(value)
          ? String.format(Locale.ROOT, "%.1f", BAR_SHARE * ReportFormat.fraction(value, scale)) : null;
      bars.add(new Bar(shorten(label), label + ": " + shown, shown, width));
    }
    return new Chart("Grafik batang: " + text(table.title()), bars);
  }

  private static String shorten(String label) {
    String flat = label.replaceAll("\\s+", " ").strip();
    if (flat.codePointCount(0, flat.length()) <= LABEL_CHARS) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, LABEL_CHARS - 1)).stripTrailing() + "\u2026";
  }
}
