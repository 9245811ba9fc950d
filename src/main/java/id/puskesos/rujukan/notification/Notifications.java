package id.puskesos.rujukan.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * The one notification service. Messages are written to the outbox in the caller's transaction (so they exist
 * exactly when what caused them was committed) and sent by {@link OutboxDispatcher}. Staff are reached by the e-mail
 * of their engine user; residents by WhatsApp only with their consent for it.
 */
@Service
@Transactional
public class Notifications {

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final Registry registry;
  private final Consents consents;
  private final Clock clock;

  public Notifications(JdbcClient jdbc, IdentityService identityService, Registry registry, Consents consents,
      Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.registry = registry;
    this.consents = consents;
    this.clock = clock;
  }

  /** Queues one message; the same key and recipient again is the same message. Returns whether it was new. */
  public boolean enqueue(Channel channel, String recipient, String subject, String body, String dedupKey,
      String referralNumber) {
    return enqueue(channel, recipient, subject, body, dedupKey, referralNumber, null);
  }

  /** Queues one message with a stored document attached (e-mail only). */
  public boolean enqueue(Channel channel, String recipient, String subject, String body, String dedupKey,
      String referralNumber, Long documentId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return jdbc.sql("""
        INSERT INTO notification_outbox (channel, recipient, subject, body, dedup_key, referral_number, status,
                                         next_attempt_at, created_at, document_id)
        SELECT ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ? WHERE NOT EXISTS (
          SELECT 1 FROM notification_outbox WHERE dedup_key = ? AND recipient = ?)""")
        .params(channel.name(), recipient, cut(subject, 200), cut(body, 2000), dedupKey, referralNumber, now, now,
            documentId, dedupKey, recipient)
        .update() == 1;
  }

  /** E-mails every member of the groups who has an e-mail address; returns how many were queued. */
  public int emailGroups(List<String> groups, String subject, String body, String dedupKey, String referralNumber) {
    return emailGroups(groups, subject, body, dedupKey, referralNumber, null);
  }

  /** E-mails the groups' members with a stored document attached. */
  public int emailGroups(List<String> groups, String subject, String body, String dedupKey, String referralNumber,
      Long documentId) {
    int queued = 0;
    for (String group : groups) {
      for (User user : membersFor(group, referralNumber)) {
        if (user.getEmail() != null && !user.getEmail().isBlank()
            && enqueue(Channel.EMAIL, user.getEmail(), subject, body, dedupKey, referralNumber, documentId)) {
          queued++;
        }
      }
    }
    return queued;
  }

  /** "Puskesos Dago": the case's Puskesos, which the resident knows. */
  private String sender(String referralNumber) {
    return (referralNumber == null ? Optional.<String>empty() : jdbc.sql("""
        SELECT p.name FROM referral r JOIN puskesos p ON p.tenant_id = r.tenant_id WHERE r.referral_number = ?""")
        .param(referralNumber).query(String.class).optional()).map(name -> "Puskesos " + name).orElse("Puskesos");
  }

  /**
   * The group's members who work for the case's Puskesos: all of them when the group works city-wide (a partner, the
   * city SLRT: the group is a member of the Puskesos), else those of that Puskesos only; all of them for mail about
   * no case.
   */
  private List<User> membersFor(String group, String referralNumber) {
    String tenant = referralNumber == null ? null : jdbc.sql("SELECT tenant_id FROM referral WHERE referral_number = ?")
        .param(referralNumber).query(String.class).optional().orElse(null);
    if (tenant == null || identityService.createTenantQuery().tenantId(tenant).groupMember(group).count() > 0) {
      return identityService.createUserQuery().memberOfGroup(group).list();
    }
    return identityService.createUserQuery().memberOfGroup(group).memberOfTenant(tenant).list();
  }

  /** E-mails one user, when they have an address. */
  public boolean emailUser(String userId, String subject, String body, String dedupKey, String referralNumber) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user != null && user.getEmail() != null && !user.getEmail().isBlank()
        && enqueue(Channel.EMAIL, user.getEmail(), subject, body, dedupKey, referralNumber);
  }

  /** Sends the resident a WhatsApp message, only with their consent to be contacted so and a number to reach. */
  public boolean whatsAppResident(long residentId, String text, String dedupKey, String referralNumber) {
    Resident resident = registry.get(residentId);
    if (resident.phone() == null
        || !consents.given(residentId, Consents.CONTACT_WHATSAPP)) {
      return false;
    }
    return enqueue(Channel.WHATSAPP, resident.phone(), sender(referralNumber), text, dedupKey, referralNumber);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
