package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.common.Dates;

/**
 * The working calendar is data: an administrator adds a day off through the API and the open task whose window
 * holds it is due one working day later; removing it brings the due date back. Others may read but not change it,
 * and bad input is refused in Bahasa Indonesia.
 */
class CalendarScenarioTest extends ScenarioTestSupport {

  @Autowired
  private JdbcClient jdbc;

  @Test
  void aHolidayAddedInsideATasksWindowMovesItsDueDateByOneWorkingDayAndBackWhenRemoved() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    Date due = visit.getDueDate();
    LocalDate dueDay = day(due);
    String path = "/api/calendar/holidays/" + dueDay;

    ResponseEntity<JsonNode> added = api.put("admin", path,
        Map.of("kind", "HOLIDAY", "name", "Hari libur uji kalender", "source", "Uji skenario"));
    try {
      assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(added.getBody().get("tasksMoved").asInt()).isPositive();
      Date moved = taskService.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate();
      assertThat(day(moved)).isEqualTo(nextWorkingDay(dueDay));
      assertThat(moved.getTime() % 86_400_000L).isEqualTo(due.getTime() % 86_400_000L); // same time of day
      JsonNode year = api.get("fo", "/api/calendar/" + dueDay.getYear()).getBody();
      assertThat(year.toString()).contains("Hari libur uji kalender", "admin");
      assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CALENDAR_SET' AND actor = 'admin'")
          .query(Long.class).single()).isPositive();
    } finally {
      ResponseEntity<JsonNode> removed = api.delete("admin", path);
      assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    assertThat(taskService.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate()).isEqualTo(due);
  }

  @Test
  void aDueDateSetByHandStaysWhenTheCalendarChanges() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    Date byHand = new Date(visit.getDueDate().getTime() + 3_600_000L);
    visit.setDueDate(byHand);
    taskService.saveTask(visit);
    String path = "/api/calendar/holidays/" + day(byHand);
    try {
      assertThat(api.put("admin", path, Map.of("kind", "CUTI_BERSAMA", "name", "Cuti bersama uji"))
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(taskService.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate()).isEqualTo(byHand);
    } finally {
      api.delete("admin", path);
    }
  }

  @Test
  void onlyAnAdministratorChangesTheCalendar() {
    ResponseEntity<JsonNode> refused = api.put("koordinator", "/api/calendar/holidays/2027-07-01",
        Map.of("kind", "HOLIDAY", "name", "Libur"));
    ResponseEntity<JsonNode> removal = api.delete("fo", "/api/calendar/holidays/2027-01-01");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(removal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.get("fo", "/api/calendar/2027").getBody().get("daysOff").asInt()).isEqualTo(26);
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    ResponseEntity<JsonNode> badDate = api.put("admin", "/api/calendar/holidays/2027-13-40",
        Map.of("kind", "HOLIDAY", "name", "Libur"));
    ResponseEntity<JsonNode> noName = api.put("admin", "/api/calendar/holidays/2027-07-01", Map.of("kind", "HOLIDAY"));
    ResponseEntity<JsonNode> unknownKind = api.put("admin", "/api/calendar/holidays/2027-07-01",
        Map.of("kind", "LIBUR_DAERAH", "name", "Libur"));

    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody().get("detail").asText()).contains("Tanggal harus berformat TTTT-BB-HH");
    assertThat(noName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noName.getBody().get("detail").asText()).contains("Nama hari libur wajib diisi");
    assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownKind.getBody().get("detail").asText()).contains("Jenis hari libur tidak dikenal",
        "HOLIDAY, CUTI_BERSAMA");
    assertThat(api.get("admin", "/api/calendar/2027").getBody().toString()).doesNotContain("2027-07-01");
  }

  @Test
  void thePageIsServed() {
    assertThat(http.getForEntity("/calendar/", String.class).getBody()).contains("Kalender Kerja");
  }

  private static LocalDate day(Date date) {
    return date.toInstant().atZone(Dates.BANDUNG).toLocalDate();
  }

  /** The next weekday after the day that is not a day off (the test adds none of its own there). */
  private LocalDate nextWorkingDay(LocalDate day) {
    Set<LocalDate> off = new HashSet<>(jdbc.sql("SELECT off_date FROM calendar_day_off").query(LocalDate.class)
        .list());
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY
        || off.contains(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
