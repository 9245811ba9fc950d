package id.puskesos.rujukan.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.ReferralProcess;

/**
 * Sends what the outbox holds. A message is claimed with a conditional update (one node sends it), sent, and marked;
 * one claimed but never marked (the node died mid-send) is claimed again after the lease, and its receiver
 * recognises the resend by its key. A failure is retried with growing back-off; after the last attempt the message
 * is FAILED: logged as an error, listed for the manager and, while the case runs, an incident on its process in
 * Cockpit; never dropped.
 */
@Component
public class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  /** The incident type of a notification that failed for good. */
  public static final String INCIDENT_TYPE = "notification";
  private static final int INCIDENT_ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final Map<Channel, NotificationSender> senders = new EnumMap<>(Channel.class);
  private final Clock clock;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration lease;

  public OutboxDispatcher(JdbcClient jdbc, RuntimeService runtimeService, List<NotificationSender> senders, Clock clock,
      @Value("${rujukan.notifications.max-attempts:6}") int maxAttempts,
      @Value("${rujukan.notifications.backoff:PT1M}") Duration backoff,
      @Value("${rujukan.notifications.lease:PT5M}") Duration lease) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.lease = lease;
  }

  /** Sends every message that is due; returns how many were sent. */
  public int dispatch() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<OutboxMessage> due = jdbc.sql("""
        SELECT id, channel, recipient, subject, body, document_id FROM notification_outbox
        WHERE (status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_at < ?)
        ORDER BY id""")
        .params(now, now.minus(lease))
        .query((rs, row) -> new OutboxMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
            (Long) rs.getObject("document_id", Long.class)))
        .list();
    int sent = 0;
    for (OutboxMessage message : due) {
      NotificationSender sender = senders.get(message.channel());
      if (sender == null || !sender.configured()) {
        jdbc.sql("UPDATE notification_outbox SET last_error = ? WHERE id = ? AND status = 'PENDING'")
            .params("Kanal " + message.channel() + " belum dikonfigurasi; pesan menunggu", message.id()).update();
        continue;
      }
      if (!claim(message.id(), now)) {
        continue;
      }
      try {
        sender.send(message);
        jdbc.sql("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
            .params(OffsetDateTime.now(clock), message.id()).update();
        sent++;
      } catch (Exception e) {
        failed(message, e);
      }
    }
    return sent;
  }

  /**
   * A failure for good is also an incident on the case's process, where Cockpit shows it, while the case runs. A job
   * of the case running at the same moment (a save point) makes the engine refuse the concurrent change: then the
   * incident is tried again shortly; a case that ended meanwhile gets none. The message is FAILED and listed either
   * way, and the other messages go on.
   */
  private void raiseIncident(OutboxMessage message, String error) {
    String number = jdbc.sql("SELECT referral_number FROM notification_outbox WHERE id = ?").param(message.id())
        .query(String.class).optional().orElse(null);
    if (number == null) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
            .processDefinitionKey(ReferralProcess.PROCESS_ID).active().list()
            // between two steps (a job about to run) no activity waits: the incident goes on the instance itself
            .forEach(instance -> runtimeService.createIncident(INCIDENT_TYPE,
                waitingExecution(instance.getId()).orElse(instance.getId()), "notification-" + message.id(),
                "Notifikasi #%d (%s) gagal dikirim: %s".formatted(message.id(), message.channel(), error)));
        return;
      } catch (OptimisticLockingException concurrent) {
        if (attempt == INCIDENT_ATTEMPTS || !pause(attempt)) {
          LOG.error("Notification #{}: no incident on case {} after {} tries (the case kept changing)", message.id(),
              number, attempt);
          return;
        }
      } catch (ProcessEngineException gone) {
        // the case ended or moved meanwhile: the message is FAILED and listed for the manager all the same
        LOG.error("Notification #{}: no incident on case {}: {}", message.id(), number, gone.getMessage());
        return;
      }
    }
  }

  /**
   * An execution of the instance that waits in an activity: an incident needs one, and the instance's own execution
   * has none while its work is in a scope below it (a call activity, a subprocess, parallel branches).
   */
  private Optional<String> waitingExecution(String processInstanceId) {
    return runtimeService.getActiveActivityIds(processInstanceId).stream().findFirst()
        .flatMap(activity -> runtimeService.createExecutionQuery().processInstanceId(processInstanceId)
            .activityId(activity).list().stream().findFirst()).map(Execution::getId);
  }

  /** Waits a little before trying again; false when interrupted. */
  private static boolean pause(int attempt) {
    try {
      Thread.sleep(200L * attempt);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean claim(long id, OffsetDateTime now) {
    return jdbc.sql("""
        UPDATE notification_outbox SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1
        WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_at < ?))""")
        .params(now, id, now, now.minus(lease)).update() == 1;
  }

  private void failed(OutboxMessage message, Exception e) {
    int attempts = jdbc.sql("SELECT attempts FROM notification_outbox WHERE id = ?").param(message.id())
        .query(Integer.class).single();
    String error = String.valueOf(e.getMessage());
    error = error.length() > 500 ? error.substring(0, 499) : error;
    if (attempts >= maxAttempts) {
      jdbc.sql("UPDATE notification_outbox SET status = 'FAILED', last_error = ? WHERE id = ?")
          .params(error, message.id()).update();
      LOG.error("Notification #{} ({}) failed after {} attempts: {}", message.id(), message.channel(), attempts, error);
      raiseIncident(message, error);
      return;
    }
    OffsetDateTime next = OffsetDateTime.now(clock).plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 10)));
    jdbc.sql("UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ? WHERE id = ?")
        .params(next, error, message.id()).update();
    LOG.warn("Notification #{} ({}) attempt {} failed, next at {}: {}", message.id(), message.channel(), attempts,
        next, error);
  }
}
