package id.puskesos.rujukan.sla;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * Changes to the working calendar: a day off added, changed or removed, logged with who and when, announced to the
 * audit trail ({@link Changed}), and the open due dates that depend on the day moved ({@link DueDateRecompute}), all
 * in one transaction. The caller has checked that the user is an administrator.
 */
@Service
@Transactional
public class CalendarChanges {

  /** A change to the calendar, for the audit trail: {@code SET} or {@code REMOVE}. */
  public record Changed(String actor, String action, LocalDate date, String detail) {
  }

  /** The day as it stands after the change (none after removal), and how many due dates moved. */
  public record Outcome(DaysOff.DayOff day, int tasksMoved, int timersMoved) {
  }

  private final DaysOff daysOff;
  private final CurrentCalendar current;
  private final DueDateRecompute recompute;
  private final ApplicationEventPublisher events;

  public CalendarChanges(DaysOff daysOff, CurrentCalendar current, DueDateRecompute recompute,
      ApplicationEventPublisher events) {
    this.daysOff = daysOff;
    this.current = current;
    this.recompute = recompute;
    this.events = events;
  }

  /** Adds the day off or changes it. */
  public Outcome put(String date, String kind, String name, String source, String actor) {
    Checks checks = new Checks();
    LocalDate day = checks.date("date", date, "Tanggal", true);
    DaysOff.Kind type = checks.oneOf(DaysOff.Kind.class, "kind", kind, "Jenis hari libur");
    String title = checks.required("name", name, "Nama hari libur");
    checks.check(title == null || title.length() <= 120, "name", "Nama hari libur paling banyak 120 karakter");
    checks.check(source == null || source.trim().length() <= 200, "source", "Sumber paling banyak 200 karakter");
    checks.check(day == null || day.getYear() >= 2000 && day.getYear() <= 2100, "date",
        "Tanggal harus antara tahun 2000 dan 2100");
    checks.throwIfAny();
    String from = source == null || source.isBlank() ? null : source.trim();
    Set<LocalDate> before = daysOff.dates();
    daysOff.put(day, type, title, from, actor);
    events.publishEvent(new Changed(actor, "SET", day, type + " " + title + (from == null ? "" : " (" + from + ")")));
    DueDateRecompute.Moved moved = moved(day, before);
    return new Outcome(daysOff.find(day).orElseThrow(), moved.tasks(), moved.timers());
  }

  /** Removes the day off (404 when it is none). */
  public Outcome remove(String date, String actor) {
    Checks checks = new Checks();
    LocalDate day = checks.date("date", date, "Tanggal", true);
    checks.throwIfAny();
    Set<LocalDate> before = daysOff.dates();
    if (!daysOff.remove(day, actor)) {
      throw new NotFoundException("Tanggal " + day + " bukan hari libur dalam kalender kerja");
    }
    events.publishEvent(new Changed(actor, "REMOVE", day, null));
    DueDateRecompute.Moved moved = moved(day, before);
    return new Outcome(null, moved.tasks(), moved.timers());
  }

  private DueDateRecompute.Moved moved(LocalDate day, Set<LocalDate> before) {
    Set<LocalDate> after = new HashSet<>(daysOff.dates());
    return recompute.recompute(day, current.calendarOf(before), current.calendarOf(after));
  }
}
