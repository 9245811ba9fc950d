package id.puskesos.rujukan.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The 2027 days off that V18__working_calendar.sql puts in the table, against the SKB 3 Menteri for 2027 (No.
 * 1205/2026, 3/2026, 2/2026): 18 national holidays and 8 days of cuti bersama.
 */
class Calendar2027Test {

  private static final Pattern ROW = Pattern.compile("\\(DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|CUTI_BERSAMA)', "
      + "'([^']+)'");

  private record Row(LocalDate date, String kind, String name) {
  }

  @Test
  void theYearHasEighteenHolidaysAndEightDaysOfCutiBersama() throws IOException {
    List<Row> year = rows(2027);

    assertThat(year).hasSize(26);
    assertThat(year).filteredOn(row -> row.kind().equals("HOLIDAY")).hasSize(18);
    assertThat(year).filteredOn(row -> row.kind().equals("CUTI_BERSAMA")).hasSize(8);
    assertThat(year).extracting(Row::date).doesNotHaveDuplicates();
  }

  @Test
  void knownDaysAreThere() throws IOException {
    List<Row> year = rows(2027);

    assertThat(year).contains(new Row(LocalDate.of(2027, 2, 6), "HOLIDAY", "Tahun Baru Imlek 2578 Kongzili"),
        new Row(LocalDate.of(2027, 3, 26), "HOLIDAY", "Wafat Yesus Kristus"),
        new Row(LocalDate.of(2027, 8, 17), "HOLIDAY", "Proklamasi Kemerdekaan Republik Indonesia"));
    assertThat(year).extracting(Row::date).contains(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 3, 11),
        LocalDate.of(2027, 3, 9), LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 15));
  }

  @Test
  void idulFitriWithItsCutiBersamaStopsTheClockForAWeek() throws IOException {
    WorkingCalendar calendar = new WorkingCalendar(java.util.Map.of(2027, rows(2027).stream().map(Row::date)
        .toList()), java.time.LocalTime.of(8, 0), java.time.LocalTime.of(16, 0));

    // Friday 5 March 2027, 10:00: Nyepi on Monday, cuti bersama and Idul Fitri to Monday the 15th
    assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 3, 5).atTime(10, 0)
        .atZone(id.puskesos.rujukan.common.Dates.BANDUNG), 1).toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 16));
  }

  private static List<Row> rows(int year) throws IOException {
    try (InputStream in = Calendar2027Test.class.getResourceAsStream("/db/migration/V18__working_calendar.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher matcher = ROW.matcher(sql);
      List<Row> rows = new java.util.ArrayList<>();
      while (matcher.find()) {
        LocalDate date = LocalDate.parse(matcher.group(1));
        if (date.getYear() == year) {
          rows.add(new Row(date, matcher.group(2), matcher.group(3)));
        }
      }
      return rows;
    }
  }
}
