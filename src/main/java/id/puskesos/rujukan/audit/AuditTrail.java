package id.puskesos.rujukan.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.PersonalData;

/**
 * The audit trail ({@code audit_event}): refused requests and failed logins ({@link AuditFilter}), changes to who may
 * do what and to the deployed models ({@link EngineChangesAudit}). What a request names is kept with identity and
 * phone numbers masked and secrets left out; a password never reaches it.
 */
@Component
public class AuditTrail {

  /** One entry; {@code actor} and {@code clientAddress} are null for nobody signed in and the engine's own work. */
  public record Event(long id, OffsetDateTime at, String actor, String clientAddress, String action, String target,
      Integer status, String detail) {
  }

  /** Ten digits and more in a row: a NIK or KK number (16), a phone number. */
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{10,}");
  /** Query parameters whose value is a secret. */
  private static final Pattern SECRET = Pattern.compile("(?i)([^&=]*(pass|sandi|secret|token|credential)[^&=]*)="
      + "[^&]*");

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds an entry, now, in the caller's transaction if there is one. */
  public void record(String actor, String clientAddress, String action, String target, Integer status,
      String detail) {
    jdbc.sql("""
        INSERT INTO audit_event (occurred_at, actor, client_address, action, target, status, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(OffsetDateTime.now(clock), cut(actor, 128), cut(clientAddress, 64), action,
            cut(masked(target), 500), status, cut(masked(detail), 1000))
        .update();
  }

  /**
   * Entries from the start of {@code from} to the end of {@code to} (days in Bandung), newest first, of one action
   * and one actor if given, at most {@code limit}.
   */
  public List<Event> read(LocalDate from, LocalDate to, String action, String actor, int limit) {
    StringBuilder sql = new StringBuilder("""
        SELECT id, occurred_at, actor, client_address, action, target, status, detail FROM audit_event
        WHERE occurred_at >= :start AND occurred_at < :end""");
    if (action != null) {
      sql.append(" AND action = :action");
    }
    if (actor != null) {
      sql.append(" AND actor = :actor");
    }
    sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
    JdbcClient.StatementSpec query = jdbc.sql(sql.toString())
        .param("start", from.atStartOfDay(Dates.BANDUNG).toOffsetDateTime())
        .param("end", to.plusDays(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime());
    if (action != null) {
      query = query.param("action", action);
    }
    if (actor != null) {
      query = query.param("actor", actor);
    }
    return query.query((rs, row) -> new Event(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("actor"), rs.getString("client_address"), rs.getString("action"), rs.getString("target"),
        (Integer) rs.getObject("status"), rs.getString("detail"))).list();
  }

  /** Removes the entries older than the cut-off; the number removed. */
  public int removeOlderThan(OffsetDateTime cutoff) {
    return jdbc.sql("DELETE FROM audit_event WHERE occurred_at < ?").param(cutoff).update();
  }

  /** Secrets in query parameters out, identity and phone numbers masked ({@code 3273**********01}). */
  static String masked(String text) {
    if (text == null) {
      return null;
    }
    String noSecrets = SECRET.matcher(text).replaceAll("$1=***");
    Matcher numbers = LONG_NUMBER.matcher(noSecrets);
    StringBuilder out = new StringBuilder();
    while (numbers.find()) {
      numbers.appendReplacement(out, Matcher.quoteReplacement(PersonalData.maskNik(numbers.group())));
    }
    numbers.appendTail(out);
    return out.toString();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
