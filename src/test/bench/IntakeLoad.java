import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The intake benchmark's load tool (run by intake.sh, not part of the test suite). Interleaves rounds of two loads with
 * the same number of clients for the same time: the application's intake API (POST /api/referrals, each a new
 * resident, so each opens a case) and a bare Camunda engine in this JVM on the same database, starting a process of
 * five no-op Java delegate service tasks with full history. Prints each round's rate and latencies, then the medians
 * and the ratio the issue asks for (application / bare engine).
 *
 * <pre>java -cp CLASSPATH IntakeLoad.java BASE_URL JDBC_URL DB_USER CLIENTS ROUND_SECONDS ROUNDS [USERS]</pre>
 *
 * BASE_URL may name several nodes, comma separated (city.sh: two nodes behind no load balancer), taken in turn;
 * USERS (default {@code fo}) the front office users taking the intakes, comma separated, password {@code demo}, taken
 * in turn per node, so that several Puskesos take intakes at once.
 */
public class IntakeLoad {

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final AtomicInteger REPORTED = new AtomicInteger();
  private static final AtomicInteger TURN = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    String[] baseUrls = args[0].split(",");
    String jdbcUrl = args[1];
    String dbUser = args[2];
    int clients = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);

    ProcessEngine bare = bareEngine(jdbcUrl, dbUser, clients);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String[] users = args.length > 6 ? args[6].split(",") : new String[] {"fo"};
    IntPredicate app = i -> {
      int n = TURN.getAndIncrement();
      String auth = "Basic " + Base64.getEncoder().encodeToString(
          (users[(n / baseUrls.length) % users.length] + ":demo").getBytes(StandardCharsets.UTF_8));
      return intake(http, baseUrls[n % baseUrls.length], auth);
    };
    IntPredicate engine = i -> bare.getRuntimeService()
        .startProcessInstanceByKey("benchBare", "BARE-" + SERIAL.incrementAndGet()).getId() != null;

    run("warm-up app", app, clients, Math.min(10, seconds));
    run("warm-up bare", engine, clients, Math.min(10, seconds));
    List<Round> appRounds = new ArrayList<>();
    List<Round> bareRounds = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      appRounds.add(run("round " + r + " app ", app, clients, seconds));
      bareRounds.add(run("round " + r + " bare", engine, clients, seconds));
    }
    double appRate = median(appRounds.stream().map(Round::rate).toList());
    double bareRate = median(bareRounds.stream().map(Round::rate).toList());
    List<Long> appLatencies = new ArrayList<>();
    appRounds.forEach(round -> appLatencies.addAll(round.latencies()));
    Collections.sort(appLatencies);
    System.out.printf("%nmedian of %d rounds, %d clients: app %.1f intakes/s, bare engine %.1f starts/s, ratio %.2f%n",
        rounds, clients, appRate, bareRate, appRate / bareRate);
    System.out.printf("app latency over all rounds: p50 %d ms, p95 %d ms, max %d ms; errors %d%n",
        percentile(appLatencies, 50), percentile(appLatencies, 95), appLatencies.isEmpty() ? 0 : appLatencies.get(appLatencies.size() - 1),
        appRounds.stream().mapToInt(Round::errors).sum());
    bare.close();
  }

  /** A process engine as it comes, on the application's database: full history, no job executor, no schema change. */
  private static ProcessEngine bareEngine(String jdbcUrl, String user, int clients) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bench-bare");
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcUsername(user);
    configuration.setJdbcPassword("");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcMaxActiveConnections(clients + 2);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    // the ids the application's engine uses too (the Spring Boot starter's default)
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setBeans(Map.of("noop", (JavaDelegate) execution -> { }));
    ProcessEngine engine = configuration.buildProcessEngine();
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("benchBare").camundaHistoryTimeToLive(1)
        .startEvent();
    for (int i = 1; i <= 5; i++) {
      flow = flow.serviceTask("noop" + i).camundaDelegateExpression("${noop}");
    }
    BpmnModelInstance model = flow.endEvent().done();
    engine.getRepositoryService().createDeployment().name("bench-bare").enableDuplicateFiltering(false)
        .addModelInstance("bench-bare.bpmn", model).deploy();
    return engine;
  }

  private static boolean intake(HttpClient http, String baseUrl, String auth) {
    int n = SERIAL.incrementAndGet();
    // a well-formed NIK of Kecamatan Coblong (327301): birth date DDMMYY (women +40 on the day), then a serial
    int day = 1 + n % 28;
    int month = 1 + (n / 28) % 12;
    int year = 40 + (n / 336) % 60;
    int serial = 1 + (n / 20160) % 9999;
    boolean woman = n % 2 == 0;
    String nik = "327301%02d%02d%02d%04d".formatted(woman ? day + 40 : day, month, year, serial);
    String kk = "3273010101%02d%04d".formatted(year, 1 + n % 9999);
    String body = """
        {"nik": "%s", "kkNumber": "%s", "fullName": "Warga %s", "birthDate": "19%02d-%02d-%02d", "sex": "%s",
         "address": "Jl. Tamansari No. %d", "rt": "3", "rw": "7", "kelurahan": "Lebak Siliwangi",
         "phone": "081234567890", "channel": "WALK_IN", "needs": ["FOOD"],
         "description": "Tidak ada penghasilan bulan ini", "urgent": false}"""
        .formatted(nik, kk, letters(n), year, month, day, woman ? "F" : "M", n);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/referrals"))
        .header("Authorization", auth).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        if (REPORTED.incrementAndGet() <= 5) {
          System.err.println("intake answered " + response.statusCode() + ": " + response.body());
        }
        return false;
      }
      return true;
    } catch (Exception e) {
      System.err.println("intake failed: " + e);
      return false;
    }
  }

  /** A name may hold letters only: the serial in base 26. */
  private static String letters(int n) {
    StringBuilder name = new StringBuilder();
    for (int rest = n; rest > 0; rest /= 26) {
      name.append((char) ('a' + rest % 26));
    }
    return "Beban " + name;
  }

  private record Round(double rate, List<Long> latencies, int errors) {
  }

  private static Round run(String name, IntPredicate call, int clients, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          boolean ok;
          try {
            ok = call.test(0);
          } catch (RuntimeException e) {
            System.err.println(name + ": " + e);
            ok = false;
          }
          if (ok) {
            latencies.add((System.nanoTime() - t0) / 1_000_000);
          } else {
            errors.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Round round = new Round(sorted.size() / elapsed, sorted, errors.get());
    System.out.printf("%s: %5d in %4.1f s = %6.1f/s, p50 %4d ms, p95 %4d ms, max %5d ms, errors %d%n", name,
        sorted.size(), elapsed, round.rate(), percentile(sorted, 50), percentile(sorted, 95),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), round.errors());
    return round;
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
