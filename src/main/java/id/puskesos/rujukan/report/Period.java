package id.puskesos.rujukan.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import id.puskesos.rujukan.common.Dates;

/** A reporting period: whole days in Bandung, from the first to the last day (inclusive). */
public record Period(LocalDate from, LocalDate to) {

  private static final String[] QUARTERS = {"I", "II", "III", "IV"};

  public Period {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("a period needs a first day on or before its last day");
    }
  }

  public static Period quarterOf(LocalDate day) {
    LocalDate first = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
    return new Period(first, first.plusMonths(3).minusDays(1));
  }

  /** The last complete quarter before the day: on 1 October, July to September. */
  public static Period quarterBefore(LocalDate day) {
    return quarterOf(quarterOf(day).from().minusDays(1));
  }

  public static Period month(YearMonth month) {
    return new Period(month.atDay(1), month.atEndOfMonth());
  }

  /** The first instant of the period in Bandung. */
  public OffsetDateTime start() {
    return from.atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
  }

  /** The first instant after the period. */
  public OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
  }

  public boolean contains(OffsetDateTime at) {
    return at != null && !at.isBefore(start()) && at.isBefore(end());
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public boolean isQuarter() {
    return equals(quarterOf(from));
  }

  public boolean isMonth() {
    return equals(month(YearMonth.from(from)));
  }

  /** The period of the same kind just before: the quarter or month before, else as many days before. */
  public Period previous() {
    if (isQuarter()) {
      return quarterOf(from.minusDays(1));
    }
    if (isMonth()) {
      return month(YearMonth.from(from).minusMonths(1));
    }
    return new Period(from.minusDays(days()), from.minusDays(1));
  }

  /** "Triwulan III 2026", "November 2026", or "1 Juli 2026 s.d. 15 Agustus 2026". */
  public String label() {
    if (isQuarter()) {
      return "Triwulan %s %d".formatted(QUARTERS[(from.getMonthValue() - 1) / 3], from.getYear());
    }
    if (isMonth()) {
      return Dates.written(YearMonth.from(from));
    }
    return day(from) + " s.d. " + day(to);
  }

  /** A short key for names of files and business keys: 2026-Q3, 2026-11 or 20260701-20260815. */
  public String key() {
    if (isQuarter()) {
      return "%d-Q%d".formatted(from.getYear(), (from.getMonthValue() - 1) / 3 + 1);
    }
    if (isMonth()) {
      return YearMonth.from(from).toString();
    }
    return from.toString().replace("-", "") + "-" + to.toString().replace("-", "");
  }

  public static String day(LocalDate date) {
    return Dates.written(date);
  }
}
