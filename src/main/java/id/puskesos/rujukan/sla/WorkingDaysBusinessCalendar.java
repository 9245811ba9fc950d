package id.puskesos.rujukan.sla;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

import id.puskesos.rujukan.common.Dates;

/**
 * Camunda's due-date business calendar, with working days and hours: {@code 3WD} (three working days), {@code 4WH}
 * (four office hours). Anything else (an ISO-8601 duration such as {@code P30D}, a date) is resolved as Camunda
 * does. Task due dates and timer dates resolve through it, so Tasklist's due date and the timer agree.
 */
public class WorkingDaysBusinessCalendar extends DueDateBusinessCalendar {

  private static final Pattern WORKING = Pattern.compile("(\\d+)(WD|WH)");

  private final Supplier<WorkingCalendar> calendar;
  private final Function<String, WorkingCalendar> ofPuskesos;

  /** On a fixed calendar (tests, and the calendar before and after a change). */
  public WorkingDaysBusinessCalendar(WorkingCalendar calendar) {
    this(() -> calendar);
  }

  /** On the calendar in force at each computation. */
  public WorkingDaysBusinessCalendar(Supplier<WorkingCalendar> calendar) {
    this.calendar = calendar;
    this.ofPuskesos = tenantId -> calendar.get();
  }

  /** On the calendar in force at each computation, with each Puskesos's own office hours ({@link CurrentCalendar}). */
  public WorkingDaysBusinessCalendar(CurrentCalendar current) {
    this.calendar = current;
    this.ofPuskesos = current::of;
  }

  /** A due date of a Puskesos's work ({@code tenantId}, null for the city's), by its own office hours. */
  public Date resolveDuedate(String description, Date startDate, String tenantId) {
    return resolve(description, startDate, ofPuskesos.apply(tenantId));
  }

  /** Whether the description counts working days or office hours ({@code 3WD}, {@code 4WH}). */
  public static boolean countsWorkingTime(String description) {
    return description != null && WORKING.matcher(description.trim()).matches();
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, ClockUtil.getCurrentTime());
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    return resolveDuedate(description, task == null || task.getCreateTime() == null ? ClockUtil.getCurrentTime()
        : task.getCreateTime());
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    return resolve(description, startDate, calendar.get());
  }

  private Date resolve(String description, Date startDate, WorkingCalendar days) {
    Matcher working = WORKING.matcher(description.trim());
    if (!working.matches()) {
      return super.resolveDuedate(description, startDate);
    }
    ZonedDateTime start = startDate.toInstant().atZone(Dates.BANDUNG);
    int amount = Integer.parseInt(working.group(1));
    ZonedDateTime due = "WD".equals(working.group(2)) ? days.plusWorkingDays(start, amount)
        : days.plusWorkingHours(start, amount);
    return Date.from(due.toInstant());
  }
}
