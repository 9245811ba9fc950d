package id.puskesos.rujukan.inbound;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.notification.Channel;
import id.puskesos.rujukan.notification.Notifications;

/**
 * A resident's WhatsApp message, as the gateway passed it on (docs/resident-inbound.md): a status request
 * ({@link StatusRequests}), a YA/TIDAK to the receipt question ({@link ReceiptQuestions}) or a complaint about the
 * service ({@link Complaints}); anything else gets the
 * "tidak cocok" reply. Each message is one row of {@code resident_inbound_log} with the sender masked, never its
 * text; the reply goes through the outbox to the sender's number only, keyed by that row.
 */
@Service
@Transactional
public class ResidentInbound {

  private static final String SUBJECT = "Puskesos Kota Bandung";

  private final StatusRequests statusRequests;
  private final ReceiptQuestions receiptQuestions;
  private final Complaints complaints;
  private final Notifications notifications;
  private final JdbcClient jdbc;
  private final Clock clock;

  public ResidentInbound(StatusRequests statusRequests, ReceiptQuestions receiptQuestions, Complaints complaints,
      Notifications notifications, JdbcClient jdbc, Clock clock) {
    this.complaints = complaints;
    this.statusRequests = statusRequests;
    this.receiptQuestions = receiptQuestions;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The sender's number in the national form {@code 08...}, or null when the text is not a phone number. */
  public static String sender(String from) {
    return PhoneNumbers.national(from).orElse(null);
  }

  /** Handles one message of a sender (national form) whose throttle let it through. */
  public void receive(String sender, String text) {
    InboundText read = InboundText.read(text);
    Reply reply = switch (read.kind()) {
      case STATUS -> statusRequests.answer(sender, read);
      case RECEIPT -> receiptQuestions.answer(sender, read.received());
      case GRIEVANCE -> complaints.open(sender, read.complaint());
      case OTHER -> new Reply(Reply.Outcome.NOT_MATCHED, Reply.NOT_MATCHED_TEXT, null);
    };
    answer(sender, read.kind(), reply);
  }

  /** A message held back by the sender's throttle: logged; told once ({@code tell}), then silence. */
  public void throttled(String sender, boolean tell) {
    answer(sender, InboundText.Kind.OTHER, new Reply(Reply.Outcome.THROTTLED, tell ? Reply.THROTTLED_TEXT : null,
        null));
  }

  private void answer(String sender, InboundText.Kind kind, Reply reply) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO resident_inbound_log (received_at, sender_masked, kind, outcome, referral_number)
        VALUES (?, ?, ?, ?, ?)""")
        .params(OffsetDateTime.now(clock), PhoneNumbers.masked(sender), kind.name(), reply.outcome().name(),
            reply.referralNumber())
        .update(key, "id");
    if (reply.text() != null) {
      notifications.enqueue(Channel.WHATSAPP, sender, SUBJECT, reply.text(), "inbound-reply:" + key.getKey(),
          reply.referralNumber());
    }
  }
}
