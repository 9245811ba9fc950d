package id.puskesos.rujukan.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What {@link HtmlReport}, {@link PdfReport} and {@link CsvReport} must agree on, so the three forms match. */
final class ReportFormat {

  /** A cell as the Puskesos prints a number: "1.234", "-12", "61,7", "12,5%", "Rp 1.500.000". */
  private static final Pattern NUMERIC =
      Pattern.compile("(?:Rp\\.?\\s?)?[+\\-\u2212]?\\d+(?:\\.\\d{3})*(?:,\\d+)?\\s?%?");

  private ReportFormat() {
  }

  static boolean numeric(String cell) {
    return cell != null && NUMERIC.matcher(cell.strip()).matches();
  }

  /**
   * A column is numeric when every non-empty body cell is ("-" meaning "none" does not count against it). Numeric
   * columns, header included, are aligned right in the HTML and the PDF; deciding per column rather than per cell
   * keeps a "-" in line with the figures and a stray number in a text column ("-1,5" in a note) on the left.
   */
  static boolean numericColumn(Report.Table table, int column) {
    boolean any = false;
    for (List<String> row : rows(table)) {
      String cell = cell(row, column).strip();
      if (cell.isEmpty() || cell.equals("-") || cell.equals("\u2013")) {
        continue;
      }
      if (!numeric(cell)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** Indonesian style, at most one decimal: 1234 -> "1.234", 61.66 -> "61,7", -12 -> "-12". */
  static String number(double value) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.#", symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    return format.format(rounded.signum() == 0 ? BigDecimal.ZERO : rounded);
  }

  /** "1.234 kasus", "61,7%", or "\u2013" when there is no value. */
  static String value(Double value, String unit) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "\u2013";
    }
    String number = number(value);
    if (unit == null || unit.isBlank()) {
      return number;
    }
    return unit.strip().equals("%") ? number + "%" : number + " " + unit.strip();
  }

  /** Null, negative or not-a-number values get no bar (their label stays). */
  static boolean drawable(Double value) {
    return value != null && !value.isNaN() && !value.isInfinite() && value >= 0;
  }

  static Double chartValue(Report.Chart chart, int row) {
    List<Double> values = chart.values();
    return values == null || row >= values.size() ? null : values.get(row);
  }

  /** The full scale: the chart's max when set and positive, else the largest drawable value (0 when none). */
  static double scale(Report.Chart chart, int rowCount) {
    if (chart.max() != null && chart.max() > 0 && !chart.max().isInfinite()) {
      return chart.max();
    }
    double largest = 0;
    for (int i = 0; i < rowCount; i++) {
      Double value = chartValue(chart, i);
      if (drawable(value)) {
        largest = Math.max(largest, value);
      }
    }
    return largest;
  }

  /** The bar's share of the full length, 0..1 (values above the scale are drawn full length). */
  static double fraction(double value, double scale) {
    return scale <= 0 ? 0 : Math.min(1, value / scale);
  }

  static List<List<String>> rows(Report.Table table) {
    return table.rows() == null ? List.of() : table.rows();
  }

  static List<String> columns(Report.Table table) {
    return table.columns() == null ? List.of() : table.columns();
  }

  /** Columns of the widest of header and rows, so a ragged row loses nothing. */
  static int columnCount(Report.Table table) {
    int count = columns(table).size();
    for (List<String> row : rows(table)) {
      count = Math.max(count, row == null ? 0 : row.size());
    }
    return count;
  }

  static String cell(List<String> row, int column) {
    if (row == null || column < 0 || column >= row.size()) {
      return "";
    }
    return text(row.get(column));
  }

  static String label(Report.Table table, int row) {
    return cell(rows(table).get(row), table.chart().labelColumn());
  }

  static String text(String value) {
    return value == null ? "" : value;
  }
}
