package id.puskesos.rujukan.report;

import java.util.List;

/**
 * A report as the Puskesos reads it, independent of its form: the evaluation pack and the monthly activity report
 * are built as one of these and rendered as an HTML page ({@link HtmlReport}), a PDF ({@link PdfReport}) and one CSV
 * file per table ({@link CsvReport}), so the three always show the same figures.
 *
 * @param title the report's title ("Bahan evaluasi partisipatif")
 * @param subtitle the period and organisation ("Triwulan III 2026 · Puskesos Lebak Siliwangi")
 * @param generatedAt when and by whom, as printed ("Disusun 1 Oktober 2026 07:00 WIB oleh sistem (jadwal)", or
 *     "... atas permintaan Koordinator Puskesos")
 * @param sections in reading order
 */
public record Report(String title, String subtitle, String generatedAt, List<Section> sections) {

  /** A headed part of the report: paragraphs, then tables. */
  public record Section(String title, List<String> paragraphs, List<Table> tables) {
  }

  /**
   * A table; its id names its CSV file ({@code <id>.csv}) and must be unique in the report ({@code [a-z0-9-]+}).
   * Cells are text as printed (numbers already formatted the Indonesian way). With a chart, a horizontal bar chart
   * is drawn from the rows: the label from {@code chart.labelColumn}, the bar length from {@code chart.values}.
   */
  public record Table(String id, String title, List<String> columns, List<List<String>> rows, Chart chart) {
  }

  /**
   * A horizontal bar chart of a table.
   *
   * @param labelColumn the column whose cells label the bars
   * @param values one number per row, in row order (the bar lengths; null or negative draws no bar)
   * @param unit what the numbers count, shown after the largest value ("kasus", "%", "jam")
   * @param max the full scale (100 for percentages); null scales to the largest value
   */
  public record Chart(int labelColumn, List<Double> values, String unit, Double max) {
  }
}
