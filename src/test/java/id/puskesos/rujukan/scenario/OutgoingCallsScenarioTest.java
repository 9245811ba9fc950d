package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import id.puskesos.rujukan.notification.Channel;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.notification.OutboxDispatchSchedule;
import id.puskesos.rujukan.notification.OutboxDispatcher;
import id.puskesos.rujukan.sla.SlaWatchSchedule;

/**
 * Outgoing calls that hang: a WhatsApp gateway that accepts the connection and never answers (on the test
 * configuration's gateway address) fails the send within the read timeout, the message waits in the outbox for its
 * retry, and the service-level watch runs meanwhile on another thread of the scheduler's pool.
 */
class OutgoingCallsScenarioTest extends ScenarioTestSupport {

  private static final int GATEWAY_PORT = 18089;

  @Autowired
  private Notifications notifications;
  @Autowired
  private OutboxDispatcher dispatcher;
  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private ThreadPoolTaskScheduler scheduler;
  @Autowired
  private List<ScheduledTaskHolder> scheduled;
  @Autowired
  private JavaMailSenderImpl mail;
  @Value("${rujukan.notifications.whatsapp.read-timeout}")
  private Duration readTimeout;

  private final List<String> keys = new ArrayList<>();

  @AfterEach
  void removeTheTestMessages() {
    keys.forEach(key -> jdbc.sql("DELETE FROM notification_outbox WHERE dedup_key = ?").param(key).update());
  }

  @Test
  void aGatewayThatNeverAnswersFailsTheSendWithinTheReadTimeoutAndTheMessageWaitsForItsRetry() throws Exception {
    try (SilentGateway gateway = new SilentGateway(GATEWAY_PORT)) {
      String key = enqueue("Pesan uji gerbang diam");
      long due = dueWhatsAppMessages();

      long started = System.nanoTime();
      dispatcher.dispatch();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(gateway.connections()).isPositive();
      // every due WhatsApp message waited at most the read timeout (and a little for the rest of the round)
      assertThat(took).isGreaterThanOrEqualTo(readTimeout)
          .isLessThan(readTimeout.plusSeconds(1).multipliedBy(due).plusSeconds(3));
      assertThat(row(key, "status")).isEqualTo("PENDING");
      assertThat(row(key, "attempts")).isEqualTo("1");
      assertThat(row(key, "last_error")).containsIgnoringCase("timed out");
    }
  }

  @Test
  void aSendThatHangsDoesNotHoldBackTheServiceLevelWatch() throws Exception {
    Runnable outbox = scheduledMethod(OutboxDispatchSchedule.class);
    Runnable watch = scheduledMethod(SlaWatchSchedule.class);
    try (SilentGateway gateway = new SilentGateway(GATEWAY_PORT)) {
      String key = enqueue("Pesan uji gerbang macet 1");
      enqueue("Pesan uji gerbang macet 2");
      enqueue("Pesan uji gerbang macet 3");
      // other tests' WhatsApp messages still due hang too, each at most the read timeout
      long hangs = readTimeout.plusSeconds(1).multipliedBy(dueWhatsAppMessages()).plusSeconds(60).toSeconds();
      Run outboxRun = new Run(outbox);
      Run watchRun = new Run(watch);

      scheduler.schedule(outboxRun, Instant.now());
      await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connections() > 0);
      scheduler.schedule(watchRun, Instant.now());

      assertThat(watchRun.done.await(60, TimeUnit.SECONDS)).as("the watch ran").isTrue();
      assertThat(outboxRun.done.await(hangs, TimeUnit.SECONDS)).as("the send gave up").isTrue();
      assertThat(watchRun.failure.get()).isNull();
      // the watch began while the send still hung, on a thread of its own
      assertThat(watchRun.started.get()).isBefore(outboxRun.ended.get());
      assertThat(watchRun.thread.get()).isNotEqualTo(outboxRun.thread.get());
      assertThat(List.of(watchRun.thread.get(), outboxRun.thread.get()))
          .allMatch(thread -> thread.startsWith("rujukan-schedule-"));
      assertThat(row(key, "status")).isEqualTo("PENDING");
    }
  }

  @Test
  void theMailServerIsGivenUpOnWithinSeconds() {
    assertThat(mail.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
        .containsEntry("mail.smtp.timeout", "15000").containsEntry("mail.smtp.writetimeout", "15000");
  }

  private Runnable scheduledMethod(Class<?> type) {
    String name = type.getName() + ".run";
    return scheduled.stream().flatMap(holder -> holder.getScheduledTasks().stream()).map(ScheduledTask::getTask)
        .filter(task -> task.getRunnable().toString().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no scheduled " + name)).getRunnable();
  }

  private String enqueue(String text) {
    String key = "macet-" + System.nanoTime();
    keys.add(key);
    notifications.enqueue(Channel.WHATSAPP, "081234500009", "Puskesos", text, key, null);
    return key;
  }

  private long dueWhatsAppMessages() {
    return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE channel = 'WHATSAPP' AND status = 'PENDING' "
        + "AND next_attempt_at <= CURRENT_TIMESTAMP").query(Long.class).single();
  }

  private String row(String key, String column) {
    return jdbc.sql("SELECT " + column + " FROM notification_outbox WHERE dedup_key = ?").param(key)
        .query(String.class).single();
  }

  /** A scheduled method run on the application's scheduler, and when and where it ran. */
  private static final class Run implements Runnable {
    private final Runnable method;
    final AtomicReference<String> thread = new AtomicReference<>();
    final AtomicReference<Instant> started = new AtomicReference<>();
    final AtomicReference<Instant> ended = new AtomicReference<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final CountDownLatch done = new CountDownLatch(1);

    Run(Runnable method) {
      this.method = method;
    }

    @Override
    public void run() {
      thread.set(Thread.currentThread().getName());
      started.set(Instant.now());
      try {
        method.run();
      } catch (Throwable e) {
        failure.set(e);
      } finally {
        ended.set(Instant.now());
        done.countDown();
      }
    }
  }

  /** Accepts connections and never answers. */
  private static final class SilentGateway implements AutoCloseable {
    private final ServerSocket server = new ServerSocket();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentGateway(int port) throws IOException {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress("localhost", port));
      Thread acceptor = new Thread(() -> {
        try {
          while (!server.isClosed()) {
            accepted.add(server.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-gateway");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int connections() {
      return accepted.size();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
