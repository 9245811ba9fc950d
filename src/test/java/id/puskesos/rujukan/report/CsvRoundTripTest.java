package id.puskesos.rujukan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** A report table written as CSV reads back cell for cell; only formula-like cells gain their apostrophe. */
class CsvRoundTripTest {

  private final CsvReport csv = new CsvReport();

  @Test
  void quotesCommasLineBreaksAndFormulasReadBackAsWritten() throws IOException {
    List<List<String>> rows = List.of(
        List.of("Rutilahu, \"tahap 2\"", "baris 1\nbaris 2", "crlf\r\nkedua"),
        List.of("=SUM(A1:A9)", "+62 812", "-1,5"),
        List.of("@cmd", "\tTAB", "\rCR"),
        List.of("-", "", "Nuñez, Dwi \u1E62aleh"),
        List.of("-12", "+3", "Biasa saja"));
    Report.Table table = new Report.Table("uji", "Uji", List.of("Satu", "Dua, tiga", "\"Empat\""), rows, null);

    byte[] bytes = csv.render(table);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");

    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
      List<CSVRecord> records = parser.getRecords();
      assertThat(records).hasSize(6);
      assertThat(records.get(0).toList()).containsExactly("Satu", "Dua, tiga", "\"Empat\"");
      assertThat(records.get(1).toList()).containsExactly("Rutilahu, \"tahap 2\"", "baris 1\nbaris 2",
          "crlf\r\nkedua");
      assertThat(records.get(2).toList()).containsExactly("'=SUM(A1:A9)", "'+62 812", "-1,5");
      assertThat(records.get(3).toList()).containsExactly("'@cmd", "'\tTAB", "'\rCR");
      assertThat(records.get(4).toList()).containsExactly("-", "", "Nuñez, Dwi \u1E62aleh");
      assertThat(records.get(5).toList()).containsExactly("-12", "+3", "Biasa saja");
    }
  }
}
