package id.puskesos.rujukan.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The working calendar in force, from the table ({@link DaysOff}), held in memory. Several nodes share the database:
 * when a due date is computed and the copy was last checked more than {@code rujukan.calendar.recheck} (30 s) ago,
 * one cheap query reads the calendar's revision, and a grown revision reloads the days. A change on this node
 * reloads at once ({@link #reload()}). So another node follows a change within 30 s.
 */
@Component
public class CurrentCalendar implements Supplier<WorkingCalendar> {

  private record Copy(WorkingCalendar calendar, long revision, long checkedAt) {
  }

  private final DaysOff daysOff;
  private final SlaSettings.Calendar settings;
  private final long recheckNanos;
  private volatile Copy copy;

  public CurrentCalendar(DaysOff daysOff, SlaSettings.Calendar settings,
      @Value("${rujukan.calendar.recheck:PT30S}") Duration recheck) {
    this.daysOff = daysOff;
    this.settings = settings;
    this.recheckNanos = recheck.toNanos();
  }

  /** The calendar, reloaded first when another node changed it (checked at most every 30 s). */
  @Override
  public WorkingCalendar get() {
    Copy current = copy;
    long now = System.nanoTime();
    if (current == null) {
      return reload();
    }
    if (now - current.checkedAt() > recheckNanos) {
      long revision = daysOff.revision();
      if (revision != current.revision()) {
        return reload();
      }
      copy = new Copy(current.calendar(), revision, now);
    }
    return current.calendar();
  }

  /** The calendar of a Puskesos's work: its own office hours where it sets them, the city's days off. */
  public WorkingCalendar of(String tenantId) {
    WorkingCalendar city = get();
    SlaSettings.Hours own = tenantId == null ? null : settings.puskesos().get(tenantId);
    return own == null ? city : city.withHours(own.opens(), own.closes());
  }

  /** Reads the days off again now (after a change on this node). */
  public synchronized WorkingCalendar reload() {
    long revision = daysOff.revision();
    WorkingCalendar calendar = calendarOf(daysOff.dates());
    copy = new Copy(calendar, revision, System.nanoTime());
    return calendar;
  }

  /** A change on this node is read as soon as it is committed. */
  @TransactionalEventListener(fallbackExecution = true)
  public void changed(CalendarChanges.Changed change) {
    reload();
  }

  /** A calendar with these days off and the configured office hours. */
  public WorkingCalendar calendarOf(Collection<LocalDate> days) {
    Map<Integer, Set<LocalDate>> byYear = days.stream()
        .collect(Collectors.groupingBy(LocalDate::getYear, Collectors.toSet()));
    return new WorkingCalendar(byYear, settings.opens(), settings.closes());
  }
}
