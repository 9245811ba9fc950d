package id.puskesos.rujukan.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;

/** The outbox for managers: what failed for good, or waits, with the reason; recipients shown only in part. */
@RestController
public class NotificationController {

  public record Entry(long id, String channel, String recipient, String subject, String referralNumber,
      String status, int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
  }

  enum Status {
    PENDING, SENDING, SENT, FAILED
  }

  private final JdbcClient jdbc;
  private final Roles roles;

  public NotificationController(JdbcClient jdbc, Roles roles) {
    this.jdbc = jdbc;
    this.roles = roles;
  }

  @GetMapping("/api/notifications")
  public List<Entry> list(@RequestParam(defaultValue = "FAILED") String status) {
    roles.require("manajer dan koordinator", Groups.MANAJER, Groups.KOORDINATOR);
    Checks checks = new Checks();
    Status wanted = checks.oneOf(Status.class, "status", status, "Status");
    checks.throwIfAny();
    return jdbc.sql("""
        SELECT id, channel, recipient, subject, referral_number, status, attempts, last_error, created_at, sent_at
        FROM notification_outbox WHERE status = ? ORDER BY id DESC FETCH FIRST 200 ROWS ONLY""")
        .param(wanted.name())
        .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("channel"), masked(rs.getString("recipient")),
            rs.getString("subject"), rs.getString("referral_number"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("sent_at", OffsetDateTime.class)))
        .list();
  }

  /** "****7890" for a number, "k***@puskesos.example" for an address. */
  static String masked(String recipient) {
    int at = recipient.indexOf('@');
    if (at > 0) {
      return recipient.charAt(0) + "***" + recipient.substring(at);
    }
    return "****" + recipient.substring(Math.max(0, recipient.length() - 4));
  }
}
