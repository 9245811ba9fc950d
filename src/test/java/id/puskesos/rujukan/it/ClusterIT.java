package id.puskesos.rujukan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import id.puskesos.rujukan.scenario.CaseApi;

/**
 * Two application nodes (two JVMs) on one PostgreSQL database, as a city runs Rujukan behind a load balancer. The
 * database is migrated by the one documented step ({@code java -jar rujukan.jar migrate}); referrals come in through
 * both nodes while partners top up a budget and the outbox sends e-mails; one node is killed with SIGKILL in the
 * middle and started again. Then every resident has exactly one case waiting at its field verification, no job is
 * stuck or failed, every e-mail went out once, and the budget holds exactly the top-ups that were answered.
 */
class ClusterIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final int REFERRALS = 300;
  private static final int EMAILS = 200;
  private static final int TOP_UPS = 60;
  private static final String PROGRAM = "SALMAN_SEMBAKO";

  @TempDir
  static Path workDir;

  @Test
  void referralsSurviveTheKillOfOneNodeExactlyOnce() throws Exception {
    Assumptions.assumeTrue(postgresReachable() || "required".equals(System.getenv("RUJUKAN_CLUSTER_IT")),
        "PostgreSQL is not running on 127.0.0.1:5432 (CI starts it and requires this test)");
    String database = "rujukan_cluster_" + System.currentTimeMillis();
    admin("CREATE DATABASE " + database);
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), null, ServerSetup.PROTOCOL_SMTP));
    mail.start();
    List<PackagedApp> nodes = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(SERVER + database, "postgres", "")) {
      PackagedApp.Exit migrated = PackagedApp.exit(dir("migrate"), environment(database, "migrate"), List.of("migrate"));
      assertThat(migrated.code()).as(migrated.output()).isZero();
      assertThat(migrated.output()).contains("now at version " + latestMigration());
      assertThat(count(db, "SELECT COUNT(*) FROM act_ge_property WHERE name_ = 'schema.version'")).isOne();

      List<String> arguments = List.of("--spring.profiles.active=postgres,demo",
          "--spring.mail.host=localhost", "--spring.mail.port=" + mail.getSmtp().getPort(),
          "--rujukan.notifications.poll-interval=PT1S", "--rujukan.notifications.backoff=PT1S",
          // a dead node's claims on jobs and e-mails last 15 s here (5 minutes by default)
          "--rujukan.notifications.lease=PT15S");
      PackagedApp a = PackagedApp.start(dir("a"), environment(database, "node-a"), arguments);
      nodes.add(a);
      PackagedApp b = PackagedApp.start(dir("b"), environment(database, "node-b"), arguments);
      nodes.add(b);
      queueEmails(db);
      String period = YearMonth.now(ZoneId.of("Asia/Jakarta")).toString();
      long allocatedBefore = count(db, "SELECT allocated FROM program_budget WHERE program_code = '" + PROGRAM
          + "' AND period = '" + period + "'");

      // referrals and top-ups over both nodes; node A is killed a third of the way through
      AtomicReference<PackagedApp> nodeA = new AtomicReference<>(a);
      Map<String, List<String>> caseOf = new ConcurrentHashMap<>();
      AtomicInteger resubmitted = new AtomicInteger();
      AtomicInteger toppedUp = new AtomicInteger();
      CountDownLatch third = new CountDownLatch(REFERRALS / 3);
      long[] killedAt = new long[1];
      long[] heldByA = new long[1];
      ExecutorService clients = Executors.newFixedThreadPool(8);
      clients.submit(() -> {
        third.await();
        killedAt[0] = System.nanoTime();
        nodeA.get().kill();
        // the save-point jobs node A had claimed when it died: they wait for the lock to lapse, then others run them
        heldByA[0] = count(db, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ LIKE 'node-a:%'");
        return null;
      });
      for (int i = 0; i < REFERRALS; i++) {
        int n = i;
        clients.submit(() -> {
          Map<String, Object> intake = CaseApi.intake("FOOD");
          String body = JSON.writeValueAsString(intake);
          PackagedApp first = n % 2 == 0 ? nodeA.get() : b;
          String number = submit(first, body);
          if (number == null) {
            resubmitted.incrementAndGet(); // the load balancer's retry on the node that lives
            number = submit(b, body);
          }
          caseOf.computeIfAbsent(intake.get("nik").toString(), k -> new ArrayList<>()).add(number);
          if (n % (REFERRALS / TOP_UPS) == 0 && topUp(n % 4 == 0 ? nodeA.get() : b, period)) {
            toppedUp.incrementAndGet();
          }
          third.countDown();
          return null;
        });
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
      PackagedApp restarted = PackagedApp.start(dir("a2"), environment(database, "node-a"), arguments);
      nodes.add(restarted);

      // recovered: every case at its field verification, no job left at a save point, the outbox empty
      long deadline = System.currentTimeMillis() + 180_000;
      while (!(count(db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'task_homeVisit'") >= REFERRALS
          && count(db, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'message'") == 0
          && count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT'") == 0)) {
        assertThat(System.currentTimeMillis()).as("recovered within 3 minutes: %d at field verification, %d jobs at "
            + "save points, %d e-mails not sent", count(db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = "
            + "'task_homeVisit'"), count(db, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'message'"),
            count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT'")).isLessThan(deadline);
        Thread.sleep(500);
      }
      double recovery = (System.nanoTime() - killedAt[0]) / 1e9;

      assertThat(caseOf).hasSize(REFERRALS);
      assertThat(caseOf.values()).allSatisfy(numbers -> assertThat(numbers.stream().distinct()).hasSize(1));
      assertThat(count(db, "SELECT COUNT(*) FROM referral")).isEqualTo(REFERRALS);
      assertThat(count(db, """
          SELECT COUNT(*) FROM (SELECT resident_id FROM referral GROUP BY resident_id HAVING COUNT(*) > 1) d"""))
          .isZero();
      assertThat(count(db, "SELECT COUNT(DISTINCT proc_inst_id_) FROM act_ru_task WHERE task_def_key_ = 'task_homeVisit'"))
          .isEqualTo(REFERRALS);
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'task_homeVisit'"))
          .isEqualTo(REFERRALS);
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0")).isZero();

      Map<String, Integer> received = new HashMap<>();
      for (var message : mail.getReceivedMessages()) {
        received.merge(message.getMessageID(), 1, Integer::sum);
      }
      long duplicates = received.values().stream().filter(times -> times > 1).count();
      assertThat(received).as("every queued e-mail arrived").hasSize(EMAILS);
      assertThat(count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT'")).isEqualTo(EMAILS);

      long allocated = count(db, "SELECT allocated FROM program_budget WHERE program_code = '" + PROGRAM
          + "' AND period = '" + period + "'");
      long changes = count(db, "SELECT COUNT(*) FROM program_budget_change WHERE program_code = '" + PROGRAM
          + "' AND period = '" + period + "' AND note = 'uji klaster'");
      assertThat(changes).as("top-ups recorded").isGreaterThanOrEqualTo(toppedUp.get());
      assertThat(allocated).as("the budget holds exactly the recorded top-ups").isEqualTo(allocatedBefore + changes);

      // the save points ran, each case's once: the job log keeps failures only (docs/history.md), so the case file says
      long checked = count(db, "SELECT COUNT(DISTINCT referral_number) FROM referral_event WHERE event_type = "
          + "'STAGE_ENTERED' AND detail = 'Tahap: Verifikasi dan validasi'");
      long failed = count(db, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1");
      System.out.printf("cluster: %d referrals submitted (%d resubmitted to node B after the kill), %d cases, "
          + "%d at field verification, %d past their save point (%d save-point jobs held by A when it died: released by "
          + "A restarted, or run by B once their lock lapsed), failed attempts %d, incidents %d; "
          + "%d e-mails sent, %d received twice (same Message-ID); %d top-ups answered, %d recorded, budget %d -> %d; "
          + "recovered %.1f s after the kill%n", REFERRALS, resubmitted.get(), count(db, "SELECT COUNT(*) FROM referral"),
          count(db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'task_homeVisit'"), checked,
          heldByA[0], failed,
          count(db, "SELECT COUNT(*) FROM act_ru_incident"), EMAILS, duplicates, toppedUp.get(), changes,
          allocatedBefore, allocated, recovery);
      assertThat(checked).isEqualTo(REFERRALS);
      // a kill between the SMTP server's answer and the outbox update sends that one message again, with the same
      // Message-ID, so the receiving mail system drops it; at most the one message in flight on the killed node
      assertThat(duplicates).isLessThanOrEqualTo(1);
    } finally {
      for (PackagedApp node : nodes) {
        node.close();
      }
      mail.stop();
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** The case number, or null when the node did not answer (killed while or before it was asked). */
  private static String submit(PackagedApp node, String body) {
    try {
      var answer = node.postJson("fo", "/api/referrals", body);
      if (answer.statusCode() == 201 || answer.statusCode() == 200) {
        return JSON.readTree(answer.body()).get("referralNumber").asText();
      }
      throw new AssertionError("intake refused: " + answer.statusCode() + " " + answer.body());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static boolean topUp(PackagedApp node, String period) {
    try {
      return node.postJson("salman", "/api/programs/" + PROGRAM + "/budgets/" + period + "/top-ups",
          "{\"amount\": 1, \"note\": \"uji klaster\"}").statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void queueEmails(Connection db) throws Exception {
    try (var insert = db.prepareStatement("""
        INSERT INTO notification_outbox (channel, recipient, subject, body, dedup_key, status, next_attempt_at,
                                         created_at)
        VALUES ('EMAIL', ?, 'Uji klaster', 'Pesan uji', ?, 'PENDING', now(), now())""")) {
      for (int i = 0; i < EMAILS; i++) {
        insert.setString(1, "petugas" + i + "@puskesos.example");
        insert.setString(2, "cluster:" + i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Map<String, String> environment(String database, String node) {
    return Map.of("RUJUKAN_DB_URL", SERVER + database, "RUJUKAN_DB_USER", "postgres", "RUJUKAN_DB_PASSWORD", "",
        "RUJUKAN_NODE_NAME", node, "RUJUKAN_JOB_LOCK_TIME_MS", "15000", "RUJUKAN_DB_POOL_SIZE", "15");
  }

  private static Path dir(String name) throws IOException {
    return Files.createDirectories(workDir.resolve(name));
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void admin(String sql) throws Exception {
    try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement statement = server.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean postgresReachable() {
    try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The highest version among the project's migrations (SQL and Java), as Flyway prints it ({@code 14.4} for
   * {@code V14_4__...}): what one migration step must reach.
   */
  private static String latestMigration() throws java.io.IOException {
    java.util.Comparator<List<Integer>> byParts = (a, b) -> {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        int c = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
    List<Integer> latest = List.of(0);
    for (String dir : List.of("src/main/resources/db/migration", "src/main/java/db/migration")) {
      try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
        for (String name : files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[\\d_]+__.*")).toList()) {
          List<Integer> version = java.util.Arrays.stream(name.substring(1, name.indexOf("__")).split("_"))
              .map(Integer::valueOf).toList();
          latest = byParts.compare(version, latest) > 0 ? version : latest;
        }
      }
    }
    return String.join(".", latest.stream().map(String::valueOf).toList());
  }
}
