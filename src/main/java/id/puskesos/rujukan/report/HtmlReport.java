package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.report.ReportFormat.cell;
import static id.puskesos.rujukan.report.ReportFormat.columnCount;
import static id.puskesos.rujukan.report.ReportFormat.columns;
import static id.puskesos.rujukan.report.ReportFormat.rows;
import static id.puskesos.rujukan.report.ReportFormat.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Renders a {@link Report} as one standalone HTML page: inline CSS only, no scripts, no external resources, so it
 * can be saved, mailed or printed as is. Charts are inline SVG drawn before their table. Every text of the report is
 * escaped, in content and in attributes alike.
 */
@Component
public class HtmlReport {

  private static final String CSS = """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font-family: "Segoe UI", Roboto, Helvetica, Arial,
        sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
      header { border-bottom: 2px solid #1a1a1a; margin-bottom: 1.5rem; padding-bottom: .75rem; }
      h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.25; }
      .subtitle { font-size: 1.1rem; margin: 0; }
      .generated { color: #555; font-size: .9rem; margin: .25rem 0 0; }
      h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
      h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
      p { margin: .5rem 0; white-space: pre-line; }
      .block { margin: 1rem 0 1.75rem; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: .9rem; }
      th, td { border-bottom: 1px solid #d0d0d0; padding: .3rem .5rem; text-align: left; vertical-align: top;
        white-space: pre-line; overflow-wrap: anywhere; }
      thead th { border-bottom: 2px solid #1a1a1a; font-weight: 600; }
      tbody tr:nth-child(even) { background: #f6f6f6; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.empty { color: #555; font-style: italic; text-align: center; }
      .download { margin: .25rem 0 .5rem; font-size: .9rem; }
      .download a { color: #0b57a4; }
      svg.chart { display: block; width: 100%; max-width: 46rem; height: auto; margin: .5rem 0 1rem; }
      svg.chart text { font-family: Helvetica, Arial, sans-serif; font-size: 13px; fill: #1a1a1a; }
      svg.chart .bar { fill: #2f6db5; }
      svg.chart .axis { stroke: #777; stroke-width: 1; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10.5pt; }
        .download { display: none; }
        .scroll { overflow: visible; }
        h2, h3 { break-after: avoid; page-break-after: avoid; }
        svg.chart, tr { break-inside: avoid; page-break-inside: avoid; }
        thead { display: table-header-group; }
        tbody tr:nth-child(even) { background: none; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  /** Links we print must not smuggle script in through the href (the page promises to run none). */
  private static final Pattern UNSAFE_HREF = Pattern.compile("^\\s*(?:javascript|vbscript|data)\\s*:",
      Pattern.CASE_INSENSITIVE);

  // chart geometry, in SVG user units (the SVG scales to the page width)
  private static final int CHART_WIDTH = 720;
  private static final int LABEL_WIDTH = 220;
  private static final int VALUE_ROOM = 130;
  private static final int BAR_X = LABEL_WIDTH + 10;
  private static final int BAR_MAX = CHART_WIDTH - BAR_X - VALUE_ROOM;
  private static final int ROW_HEIGHT = 26;
  private static final int BAR_HEIGHT = 16;
  private static final int PADDING = 6;
  private static final int LABEL_CHARS = 30;

  public String render(Report report, Map<String, String> csvLinks) {
    Map<String, String> links = csvLinks == null ? Map.of() : csvLinks;
    StringBuilder html = new StringBuilder(16_384);
    String title = text(report.title());
    String subtitle = text(report.subtitle());
    html.append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(subtitle.isBlank() ? title : title + " \u2014 " + subtitle))
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

    html.append("<header>\n<h1>").append(escape(title)).append("</h1>\n");
    if (!subtitle.isBlank()) {
      html.append("<p class=\"subtitle\">").append(escape(subtitle)).append("</p>\n");
    }
    if (report.generatedAt() != null && !report.generatedAt().isBlank()) {
      html.append("<p class=\"generated\">").append(escape(report.generatedAt())).append("</p>\n");
    }
    html.append("</header>\n<main>\n");

    List<Report.Section> sections = report.sections() == null ? List.of() : report.sections();
    for (Report.Section section : sections) {
      html.append("<section>\n<h2>").append(escape(section.title())).append("</h2>\n");
      for (String paragraph : section.paragraphs() == null ? List.<String>of() : section.paragraphs()) {
        html.append("<p>").append(escape(paragraph)).append("</p>\n");
      }
      for (Report.Table table : section.tables() == null ? List.<Report.Table>of() : section.tables()) {
        table(html, table, links.get(table.id()));
      }
      html.append("</section>\n");
    }
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private void table(StringBuilder html, Report.Table table, String csvHref) {
    String id = escape(text(table.id()));
    html.append("<div class=\"block\" id=\"tabel-").append(id).append("\">\n");
    html.append("<h3 id=\"judul-").append(id).append("\">").append(escape(table.title())).append("</h3>\n");
    if (csvHref != null && !csvHref.isBlank() && !UNSAFE_HREF.matcher(csvHref).find()) {
      html.append("<p class=\"download\"><a href=\"").append(escape(csvHref)).append("\" download=\"")
          .append(escape(text(table.id()) + ".csv")).append("\">Unduh CSV</a></p>\n");
    }
    if (table.chart() != null && !rows(table).isEmpty()) {
      chart(html, table);
    }

    int columnCount = Math.max(1, columnCount(table));
    boolean[] numericColumn = new boolean[columnCount];
    for (int c = 0; c < columnCount; c++) {
      numericColumn[c] = ReportFormat.numericColumn(table, c);
    }
    html.append("<div class=\"scroll\">\n<table aria-labelledby=\"judul-").append(id).append("\">\n<thead>\n<tr>");
    List<String> columns = columns(table);
    for (int c = 0; c < columnCount; c++) {
      html.append(numericColumn[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
          .append(escape(c < columns.size() ? columns.get(c) : "")).append("</th>");
    }
    html.append("</tr>\n</thead>\n<tbody>\n");
    if (rows(table).isEmpty()) {
      html.append("<tr><td class=\"empty\" colspan=\"").append(columnCount).append("\">")
          .append(ReportFormat.NO_DATA).append("</td></tr>\n");
    }
    for (List<String> row : rows(table)) {
      html.append("<tr>");
      for (int c = 0; c < columnCount; c++) {
        String value = cell(row, c);
        html.append(numericColumn[c] ? "<td class=\"num\">" : "<td>").append(escape(value))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n</div>\n");
  }

  /** A horizontal bar chart: label on the left, bar, value (with unit) at the bar's end. */
  private void chart(StringBuilder html, Report.Table table) {
    Report.Chart chart = table.chart();
    int rowCount = rows(table).size();
    double scale = ReportFormat.scale(chart, rowCount);
    int height = rowCount * ROW_HEIGHT + 2 * PADDING;
    String name = escape("Grafik batang: " + text(table.title()));
    html.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
        .append(name).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
        .append("\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(height)
        .append("\" preserveAspectRatio=\"xMinYMin meet\">\n<title>").append(name).append("</title>\n");
    html.append("<line class=\"axis\" x1=\"").append(BAR_X).append("\" y1=\"").append(PADDING)
        .append("\" x2=\"").append(BAR_X).append("\" y2=\"").append(height - PADDING).append("\"/>\n");
    for (int i = 0; i < rowCount; i++) {
      String label = ReportFormat.label(table, i);
      Double value = ReportFormat.chartValue(chart, i);
      String shown = ReportFormat.value(value, chart.unit());
      int top = PADDING + i * ROW_HEIGHT;
      double textY = top + ROW_HEIGHT / 2.0 + 4.5;
      html.append("<g class=\"row\"><title>").append(escape(label + ": " + shown)).append("</title>");
      html.append("<text class=\"label\" x=\"").append(PADDING).append("\" y=\"").append(num(textY))
          .append("\">").append(escape(shorten(label))).append("</text>");
      double end = BAR_X;
      if (ReportFormat.drawable(value)) {
        double width = BAR_MAX * ReportFormat.fraction(value, scale);
        html.append("<rect class=\"bar\" x=\"").append(BAR_X).append("\" y=\"")
            .append(num(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)).append("\" width=\"").append(num(width))
            .append("\" height=\"").append(BAR_HEIGHT).append("\"/>");
        end += width;
      }
      html.append("<text class=\"value\" x=\"").append(num(end + 6)).append("\" y=\"").append(num(textY))
          .append("\">").append(escape(shown)).append("</text></g>\n");
    }
    html.append("</svg>\n");
  }

  /** SVG text does not wrap: long labels are cut (the row's title carries the whole label). */
  private static String shorten(String label) {
    String flat = label.replaceAll("\\s+", " ").strip();
    if (flat.codePointCount(0, flat.length()) <= LABEL_CHARS) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, LABEL_CHARS - 1)).stripTrailing() + "\u2026";
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Escapes text for HTML content and double- or single-quoted attributes alike. */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // C0 controls other than tab/LF/CR are not allowed in HTML (nor in SVG/XML)
          if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
