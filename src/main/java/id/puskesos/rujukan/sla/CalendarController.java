package id.puskesos.rujukan.sla;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * The working calendar: everyone signed in reads a year's days off, an administrator adds, changes or removes one.
 * A change moves the open due dates that depend on the day ({@link DueDateRecompute}).
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** A day off as the administrator sends it. */
  public record DayOffInput(String kind, String name, String source) {
  }

  /** A year's days off. */
  public record Year(int year, int daysOff, List<DaysOff.DayOff> days) {
  }

  private final DaysOff daysOff;
  private final CalendarChanges changes;
  private final Roles roles;
  private final Actors actors;

  public CalendarController(DaysOff daysOff, CalendarChanges changes, Roles roles, Actors actors) {
    this.daysOff = daysOff;
    this.changes = changes;
    this.roles = roles;
    this.actors = actors;
  }

  @GetMapping("/{year}")
  public Year year(@PathVariable String year) {
    if (!year.matches("\\d{4}")) {
      throw new InvalidInputException("year", "Tahun harus empat angka, misalnya 2027");
    }
    List<DaysOff.DayOff> days = daysOff.ofYear(Integer.parseInt(year));
    return new Year(Integer.parseInt(year), days.size(), days);
  }

  @PutMapping("/holidays/{date}")
  public CalendarChanges.Outcome put(@PathVariable String date, @RequestBody(required = false) DayOffInput body) {
    roles.require("administrator");
    DayOffInput input = body == null ? new DayOffInput(null, null, null) : body;
    return changes.put(date, input.kind(), input.name(), input.source(), actors.current());
  }

  @DeleteMapping("/holidays/{date}")
  public CalendarChanges.Outcome remove(@PathVariable String date) {
    roles.require("administrator");
    return changes.remove(date, actors.current());
  }
}
