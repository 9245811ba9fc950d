package id.puskesos.rujukan.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The working calendar's table: national holidays and days of cuti bersama, one row a day, and the log of every
 * change, whose highest id is the calendar's revision (V18__working_calendar.sql). Callers bring the transaction.
 */
@Repository
public class DaysOff {

  /** What kind of day off: a national holiday, or collective leave (cuti bersama). */
  public enum Kind {
    HOLIDAY, CUTI_BERSAMA
  }

  /** One day off, with who set it and when. */
  public record DayOff(LocalDate date, Kind kind, String name, String source, String changedBy,
      OffsetDateTime changedAt) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public DaysOff(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The days off of a year, in date order. */
  public List<DayOff> ofYear(int year) {
    return jdbc.sql("""
        SELECT off_date, kind, name, source, changed_by, changed_at FROM calendar_day_off
        WHERE off_date >= ? AND off_date <= ? ORDER BY off_date""")
        .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .query((rs, row) -> new DayOff(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
        .list();
  }

  public Optional<DayOff> find(LocalDate date) {
    return ofYear(date.getYear()).stream().filter(day -> day.date().equals(date)).findFirst();
  }

  /** Every day off the table holds. */
  public Set<LocalDate> dates() {
    return jdbc.sql("SELECT off_date FROM calendar_day_off").query(LocalDate.class).list().stream()
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The calendar's revision: it grows with every change, on whichever node made it. */
  public long revision() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM calendar_change").query(Long.class).single();
  }

  public boolean hasYear(int year) {
    return jdbc.sql("SELECT COUNT(*) FROM calendar_day_off WHERE off_date >= ? AND off_date <= ?")
        .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Long.class).single() > 0;
  }

  /** Adds or changes the day; the change is logged. */
  public void put(LocalDate date, Kind kind, String name, String source, String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated = jdbc.sql("""
        UPDATE calendar_day_off SET kind = ?, name = ?, source = ?, changed_by = ?, changed_at = ? WHERE off_date = ?""")
        .params(kind.name(), name, source, actor, now, date).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO calendar_day_off (off_date, kind, name, source, changed_by, changed_at)
          VALUES (?, ?, ?, ?, ?, ?)""").params(date, kind.name(), name, source, actor, now).update();
    }
    log(date, "SET", kind, name, source, actor, now);
  }

  /** Removes the day; false when it was not a day off. The removal is logged. */
  public boolean remove(LocalDate date, String actor) {
    if (jdbc.sql("DELETE FROM calendar_day_off WHERE off_date = ?").param(date).update() == 0) {
      return false;
    }
    log(date, "REMOVE", null, null, null, actor, OffsetDateTime.now(clock));
    return true;
  }

  private void log(LocalDate date, String action, Kind kind, String name, String source, String actor,
      OffsetDateTime at) {
    jdbc.sql("""
        INSERT INTO calendar_change (off_date, action, kind, name, source, changed_by, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(date, action, kind == null ? null : kind.name(), name, source, actor, at).update();
  }
}
