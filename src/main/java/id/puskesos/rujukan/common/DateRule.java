package id.puskesos.rujukan.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The bounds a date a person enters must keep: not before the step of the case it follows, not in the future where
 * that makes no sense, today counted in Bandung. The first bound broken is recorded in the {@link Checks} under the
 * field, with a message that names the field and shows the date as the server understood it, day first, so a date
 * a browser misread cannot pass unseen: "Tanggal penyerahan (20/11/2026) sebelum pengaduan diterima (25/11/2026)".
 * A missing or malformed date ({@link Checks#date} reported it already) is left alone.
 *
 * <pre>
 * LocalDate visit = checks.date("visitDate", value, "Tanggal kunjungan", true);
 * DateRule.of(checks, "visitDate", "Tanggal kunjungan", visit)
 *     .notBefore("pengaduan diterima", referral.receivedAt())
 *     .notInFuture(clock);
 * </pre>
 */
public final class DateRule {

  private final Checks checks;
  private final String field;
  private final String label;
  private final LocalDate date;
  private boolean broken;

  private DateRule(Checks checks, String field, String label, LocalDate date) {
    this.checks = checks;
    this.field = field;
    this.label = label;
    this.date = date;
  }

  /** The rules of one field: its name in the answer, its label as the form shows it, the date as parsed. */
  public static DateRule of(Checks checks, String field, String label, LocalDate date) {
    return new DateRule(checks, field, label, date);
  }

  /**
   * Not before the day a step of the case took place ("pengaduan diterima", "layanan ditetapkan"). A step not
   * taken (no day) sets no bound.
   */
  public DateRule notBefore(String step, LocalDate day) {
    return settled() ? this : rule(day == null || !date.isBefore(day),
        "%s (%s) sebelum %s (%s)".formatted(label, Dates.numeric(date), step, Dates.numeric(day)));
  }

  /** Not before the day in Bandung on which a step of the case took place. */
  public DateRule notBefore(String step, OffsetDateTime at) {
    return notBefore(step, Dates.dayOf(at));
  }

  /** Not before a fixed earliest day (a birth date in 1900). */
  public DateRule notBefore(LocalDate earliest) {
    return settled() ? this : rule(!date.isBefore(earliest),
        "%s (%s) tidak boleh sebelum %s".formatted(label, Dates.numeric(date), Dates.numeric(earliest)));
  }

  /** Not after today in Bandung: what happened (a visit, a handover, a meeting). */
  public DateRule notInFuture(Clock clock) {
    return notInFuture(Dates.today(clock));
  }

  public DateRule notInFuture(LocalDate today) {
    return settled() ? this : rule(!date.isAfter(today),
        "%s (%s) tidak boleh di masa depan; hari ini %s".formatted(label, Dates.numeric(date), Dates.numeric(today)));
  }

  /** Not before today in Bandung: what is still to come (a due date). */
  public DateRule notInPast(LocalDate today) {
    return settled() ? this : rule(!date.isBefore(today),
        "%s (%s) sudah lewat; hari ini %s".formatted(label, Dates.numeric(date), Dates.numeric(today)));
  }

  /** Not after a limit, named for the message ("satu tahun setelah rapat"). */
  public DateRule notAfter(String limitName, LocalDate limit) {
    return settled() ? this : rule(limit == null || !date.isAfter(limit),
        "%s (%s) melewati %s (%s)".formatted(label, Dates.numeric(date), limitName, Dates.numeric(limit)));
  }

  /** The date, or null when it was missing, malformed or broke a bound. */
  public LocalDate valid() {
    return broken ? null : date;
  }

  /** Nothing more to say: no date to judge, or a bound already broken (one message per field). */
  private boolean settled() {
    return date == null || broken;
  }

  private DateRule rule(boolean holds, String message) {
    if (!holds) {
      checks.add(field, message);
      broken = true;
    }
    return this;
  }
}
