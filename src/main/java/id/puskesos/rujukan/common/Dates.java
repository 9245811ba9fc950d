package id.puskesos.rujukan.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Days as the Puskesos counts and writes them: the day in Bandung (WIB), whatever zone the server or the database
 * runs in, written day first ("25 Desember 2026", "25/12/2026"). The one formatter for dates the server writes
 * for staff: timeline texts, task forms, letters and reports.
 */
public final class Dates {

  /** Bandung's time zone (WIB): "today" for dates on forms and in rules is the day here. */
  public static final ZoneId BANDUNG = ZoneId.of("Asia/Jakarta");

  private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
      "Agustus", "September", "Oktober", "November", "Desember"};
  private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private Dates() {
  }

  /** Today in Bandung, even if the clock was made for another zone (at 00:30 WIB UTC's date is still yesterday). */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(BANDUNG));
  }

  /** The day in Bandung on which the instant fell; PostgreSQL hands timestamps back in UTC. */
  public static LocalDate dayOf(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(BANDUNG).toLocalDate();
  }

  /** "25 Desember 2026"; "-" for no date. */
  public static String written(LocalDate date) {
    return date == null ? "-" : date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
  }

  /** "25 Desember 2026" for the day in Bandung on which the instant fell. */
  public static String written(OffsetDateTime at) {
    return written(dayOf(at));
  }

  /** "Desember 2026". */
  public static String written(YearMonth month) {
    return MONTHS[month.getMonthValue() - 1] + " " + month.getYear();
  }

  /** "25/12/2026", "02/12/2026": as staff type a date, for messages that show what the server understood. */
  public static String numeric(LocalDate date) {
    return date == null ? "-" : NUMERIC.format(date);
  }
}
