package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.report.ReportFormat.cell;
import static id.puskesos.rujukan.report.ReportFormat.columnCount;
import static id.puskesos.rujukan.report.ReportFormat.columns;
import static id.puskesos.rujukan.report.ReportFormat.rows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Renders one {@link Report.Table} as CSV by Commons CSV (RFC 4180: comma separated, CRLF, quoted where needed),
 * UTF-8 with a byte order mark so that Excel reads Indonesian text correctly. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe (CSV injection), except plain numbers such as "-12" or "-1,5".
 */
@Component
public class CsvReport {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;
  /** A number as written in a cell ("-12", "+3", "-1,5", "-1.234,5", "-7%"): safe although it starts with a sign. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)*%?");
  private static final Pattern UNSAFE_FILE_CHARS = Pattern.compile("[^a-z0-9-]");

  public byte[] render(Report.Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(BOM);
    int columnCount = columnCount(table);
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
      printer.printRecord(fields(columns(table), columnCount));
      for (List<String> row : rows(table)) {
        printer.printRecord(fields(row, columnCount));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@code <id>.csv}. Ids are {@code [a-z0-9-]+} by contract; anything else (after lower-casing) is replaced by
   * '-' so the name is always safe in a Content-Disposition header or a zip entry.
   */
  public String fileName(Report.Table table) {
    String id = table.id() == null ? ""
        : UNSAFE_FILE_CHARS.matcher(table.id().toLowerCase(Locale.ROOT)).replaceAll("-");
    return (id.isEmpty() ? "tabel" : id) + ".csv";
  }

  /** Every line has the same number of fields: short rows are padded with empty ones. */
  private static List<String> fields(List<String> cells, int columnCount) {
    List<String> fields = new ArrayList<>(columnCount);
    for (int c = 0; c < columnCount; c++) {
      fields.add(neutralised(cell(cells, c)));
    }
    return fields;
  }

  /**
   * A leading = + - @ (or tab / CR) would make a spreadsheet evaluate the cell; the apostrophe keeps it text. A lone
   * "-" (the tables' "none") cannot be a formula and stays as it is.
   */
  static String neutralised(String value) {
    if (value.isEmpty() || value.equals("-")) {
      return value;
    }
    char first = value.charAt(0);
    boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return risky && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
  }
}
