package id.puskesos.rujukan.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.puskesos.rujukan.common.Dates;

/**
 * Indonesian working days and office hours in Bandung: Monday to Friday, except national holidays and collective
 * leave (cuti bersama) from the configured list per year. Service levels count in these days and hours.
 */
public class WorkingCalendar {

  private final Set<LocalDate> holidays = new HashSet<>();
  private final Map<Integer, Integer> daysOffPerYear = new java.util.HashMap<>();
  private final LocalTime opens;
  private final LocalTime closes;

  public WorkingCalendar(Map<Integer, ? extends Collection<LocalDate>> holidaysByYear, LocalTime opens,
      LocalTime closes) {
    holidaysByYear.forEach((year, days) -> {
      holidays.addAll(days);
      daysOffPerYear.put(year, days.size());
    });
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("office hours must open before they close: " + opens + "-" + closes);
    }
    this.opens = opens;
    this.closes = closes;
  }

  /** The same days off with other office hours (a Puskesos's own, {@code rujukan.calendar.puskesos}). */
  public WorkingCalendar withHours(LocalTime otherOpens, LocalTime otherCloses) {
    Map<Integer, List<LocalDate>> byYear = new java.util.HashMap<>();
    holidays.forEach(day -> byYear.computeIfAbsent(day.getYear(), y -> new java.util.ArrayList<>()).add(day));
    return new WorkingCalendar(byYear, otherOpens, otherCloses);
  }

  /** Whether the holiday list covers the year (outside it only weekends count as days off). */
  public boolean knowsYear(int year) {
    return daysOffPerYear.containsKey(year);
  }

  /** How many holidays and days of cuti bersama the list has for the year (a full year has some twenty-five). */
  public int daysOffListed(int year) {
    return daysOffPerYear.getOrDefault(year, 0);
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /**
   * The same time of day {@code days} working days after the start; with 0, the close of the start's working day.
   * A start outside office hours counts from the next opening.
   */
  public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
    ZonedDateTime from = intoOfficeHours(start);
    if (days == 0) {
      return from.with(closes);
    }
    LocalDate day = from.toLocalDate();
    for (int counted = 0; counted < days;) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day.atTime(from.toLocalTime()).atZone(from.getZone());
  }

  /** The moment {@code hours} office hours after the start. */
  public ZonedDateTime plusWorkingHours(ZonedDateTime start, int hours) {
    ZonedDateTime at = intoOfficeHours(start);
    Duration left = Duration.ofHours(hours);
    while (true) {
      Duration today = Duration.between(at.toLocalTime(), closes);
      if (left.compareTo(today) <= 0) {
        return at.plus(left);
      }
      left = left.minus(today);
      at = nextOpening(at.toLocalDate(), at);
    }
  }

  /** The start, or the next opening when it falls outside office hours or on a day off. */
  ZonedDateTime intoOfficeHours(ZonedDateTime start) {
    ZonedDateTime local = start.withZoneSameInstant(Dates.BANDUNG);
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && local.toLocalTime().isBefore(closes)) {
      return local.toLocalTime().isBefore(opens) ? local.with(opens) : local;
    }
    return nextOpening(day, local);
  }

  private ZonedDateTime nextOpening(LocalDate after, ZonedDateTime zoned) {
    LocalDate day = after.plusDays(1);
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day.atTime(opens).atZone(zoned.getZone());
  }
}
