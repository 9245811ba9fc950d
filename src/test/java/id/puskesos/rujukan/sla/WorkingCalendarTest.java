package id.puskesos.rujukan.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.RujukanApplication;

/** Service-level arithmetic on the Indonesian calendar of 2026 (SKB 3 Menteri) and the turn of the year. */
class WorkingCalendarTest {

  private static final List<LocalDate> HOLIDAYS_2026 = List.of("2026-01-01", "2026-01-16", "2026-02-16",
      "2026-02-17", "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24",
      "2026-04-03", "2026-04-05", "2026-05-01", "2026-05-14", "2026-05-15", "2026-05-27", "2026-05-28", "2026-05-31",
      "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-24", "2026-12-25").stream()
      .map(LocalDate::parse).toList();

  private final WorkingCalendar calendar = new WorkingCalendar(Map.of(2026, HOLIDAYS_2026,
      2027, List.of(LocalDate.of(2027, 1, 1))), LocalTime.of(8, 0), LocalTime.of(16, 0));
  private final WorkingDaysBusinessCalendar camunda = new WorkingDaysBusinessCalendar(calendar);

  @Test
  void aPuskesosWithItsOwnOfficeHoursCountsHoursByThemOnTheSameDaysOff() {
    WorkingCalendar dago = calendar.withHours(LocalTime.of(7, 30), LocalTime.of(15, 30));
    ZonedDateTime mondayAfternoon = LocalDateTime.parse("2026-12-07T15:45").atZone(RujukanApplication.ZONE);

    // the city's office is open until 16:00: a quarter of an hour that day, the rest from 08:00 on Tuesday
    assertThat(calendar.plusWorkingHours(mondayAfternoon, 4).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse("2026-12-08T11:45"));
    // Dago's closed at 15:30: its four hours start at 07:30 on Tuesday
    assertThat(dago.plusWorkingHours(mondayAfternoon, 4).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse("2026-12-08T11:30"));
    // and Christmas is a day off for both
    assertThat(dago.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
  }

  @Test
  void threeWorkingDaysFromFridaySkipTheWeekend() {
    assertThat(due("3WD", "2026-11-27T10:00")).isEqualTo(at("2026-12-02T10:00"));
  }

  @Test
  void aNationalHolidayIsNotAWorkingDay() {
    assertThat(due("3WD", "2026-08-13T10:00")).isEqualTo(at("2026-08-19T10:00"));
  }

  @Test
  void idulFitriWithItsCutiBersamaStopsTheClockForAWeek() {
    assertThat(due("2WD", "2026-03-17T09:00")).isEqualTo(at("2026-03-26T09:00"));
  }

  @Test
  void christmasCutiBersamaAndTheTurnOfTheYearAreSkipped() {
    assertThat(due("3WD", "2026-12-23T14:00")).isEqualTo(at("2026-12-30T14:00"));
    assertThat(due("3WD", "2026-12-30T10:00")).isEqualTo(at("2027-01-05T10:00"));
  }

  @Test
  void theSameWorkingDayEndsAtClosingAndAfterHoursCountsFromTheNextOpening() {
    assertThat(due("0WD", "2026-11-27T10:00")).isEqualTo(at("2026-11-27T16:00"));
    assertThat(due("0WD", "2026-11-27T17:00")).isEqualTo(at("2026-11-30T16:00"));
    assertThat(due("1WD", "2026-11-28T11:00")).isEqualTo(at("2026-12-01T08:00"));
  }

  @Test
  void officeHoursCarryOverToTheNextWorkingDay() {
    assertThat(due("4WH", "2026-11-27T14:00")).isEqualTo(at("2026-11-30T10:00"));
    assertThat(due("4WH", "2026-11-28T10:00")).isEqualTo(at("2026-11-30T12:00"));
    assertThat(due("4WH", "2026-11-30T07:00")).isEqualTo(at("2026-11-30T12:00"));
    assertThat(due("10WH", "2026-12-23T15:00")).isEqualTo(at("2026-12-29T09:00"));
  }

  @Test
  void calendarDurationsAndDatesStayAsCamundaReadsThem() {
    assertThat(due("P30D", "2026-11-27T10:00")).isEqualTo(at("2026-12-27T10:00"));
    assertThat(camunda.resolveDuedate("2027-02-01T09:00:00", new Date()).toInstant())
        .isEqualTo(LocalDateTime.parse("2027-02-01T09:00:00").atZone(java.time.ZoneId.systemDefault()).toInstant());
  }

  @Test
  void theCalendarKnowsWhichYearsItsHolidayListCovers() {
    assertThat(calendar.knowsYear(2026)).isTrue();
    assertThat(calendar.knowsYear(2028)).isFalse();
    assertThat(calendar.daysOffListed(2026)).isEqualTo(25);
    assertThat(calendar.daysOffListed(2027)).isEqualTo(1);
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    assertThatThrownBy(() -> new WorkingCalendar(Map.of(), LocalTime.of(16, 0), LocalTime.of(8, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private ZonedDateTime due(String description, String startInBandung) {
    Date start = Date.from(LocalDateTime.parse(startInBandung).atZone(RujukanApplication.ZONE).toInstant());
    return camunda.resolveDuedate(description, start).toInstant().atZone(RujukanApplication.ZONE);
  }

  private static ZonedDateTime at(String inBandung) {
    return LocalDateTime.parse(inBandung).atZone(RujukanApplication.ZONE);
  }
}
