package id.puskesos.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referral numbers from the year's sequence, on an in-memory H2 of each test's own (migrated as production is):
 * unique under concurrent intakes and across nodes, continuing after the numbers the year already has, and taken
 * without waiting for another intake's open transaction.
 */
class ReferralNumbersTest {

  private static final Clock CLOCK = Clock.systemDefaultZone();
  private static int databases;

  private JdbcClient jdbc;
  private TransactionTemplate transaction;
  private ExecutorService pool;

  private static final String LEBAK_SILIWANGI = "3273021006";

  @BeforeEach
  void migrate() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:referral-numbers-" + (++databases) + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=2000");
    Flyway.configure().dataSource(h2).load().migrate();
    jdbc = JdbcClient.create(h2);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private ReferralNumbers node() {
    return new ReferralNumbers(jdbc, CLOCK, transaction.getTransactionManager());
  }

  private int serial(String number) {
    return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
  }

  @Test
  void concurrentIntakesOnTwoNodesGetDistinctConsecutiveNumbers() throws Exception {
    List<ReferralNumbers> nodes = List.of(node(), node());
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ReferralNumbers numbers = nodes.get(i % 2);
      futures.add(pool.submit(() -> transaction.execute(status -> numbers.next(LEBAK_SILIWANGI))));
    }
    Set<Integer> serials = new HashSet<>();
    for (Future<String> future : futures) {
      String number = future.get();
      assertThat(number).startsWith("RJK-" + LEBAK_SILIWANGI + "-" + Year.now(CLOCK) + "-");
      serials.add(serial(number));
    }

    assertThat(serials).hasSize(200);
    assertThat(serials.stream().mapToInt(Integer::intValue).min().orElseThrow()).isEqualTo(1);
    assertThat(serials.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(200);
  }

  @Test
  void theYearContinuesAfterTheNumbersItAlreadyHas() {
    int year = Year.now(CLOCK).getValue();
    jdbc.sql("INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, created_at,"
        + " updated_at) VALUES ('3273014507850001', '3273010101080002', 'Siti', DATE '1985-07-05', 'F', 'Jl. A', '003',"
        + " '007', 'Lebak Siliwangi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)").update();
    long resident = jdbc.sql("SELECT id FROM resident").query(Long.class).single();
    for (String number : List.of(ReferralNumbers.format(LEBAK_SILIWANGI, year, 41),
        ReferralNumbers.format(LEBAK_SILIWANGI, year - 1, 900), ReferralNumbers.format(year, 700))) {
      jdbc.sql("INSERT INTO referral (referral_number, tenant_id, resident_id, channel, urgent, status, stage,"
          + " received_at, received_by) VALUES (?, ?, ?, 'WALK_IN', FALSE, 'CLOSED', 'CLOSED', CURRENT_TIMESTAMP,"
          + " 'fo')").params(number, LEBAK_SILIWANGI, resident).update();
    }

    String next = transaction.execute(status -> node().next(LEBAK_SILIWANGI));
    assertThat(next).isEqualTo(ReferralNumbers.format(LEBAK_SILIWANGI, year, 42));
  }

  @Test
  void eachPuskesosCountsItsOwnCases() {
    jdbc.sql("INSERT INTO puskesos (tenant_id, name, kecamatan, created_at, created_by) VALUES ('3273021005', 'Dago',"
        + " 'Coblong', CURRENT_TIMESTAMP, 'test')").update();
    ReferralNumbers numbers = node();
    int year = Year.now(CLOCK).getValue();
    transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));
    transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));

    String dago = transaction.execute(status -> numbers.next("3273021005"));
    String lebakSiliwangi = transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));

    assertThat(dago).isEqualTo(ReferralNumbers.format("3273021005", year, 1));
    assertThat(lebakSiliwangi).isEqualTo(ReferralNumbers.format(LEBAK_SILIWANGI, year, 3));
    assertThatThrownBy(() -> numbers.next("32730210")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntakeTakesItsNumberWhileAnotherIntakesTransactionIsStillOpen() throws Exception {
    ReferralNumbers numbers = node();
    transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> slow = pool.submit(() -> transaction.execute(status -> {
      String number = numbers.next(LEBAK_SILIWANGI);
      taken.countDown();
      await(release);
      return number;
    }));
    assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    String fast = transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    release.countDown();

    assertThat(waitedMillis).as("the second intake did not wait for the first to commit").isLessThan(1_000);
    assertThat(serial(fast)).isEqualTo(serial(slow.get()) + 1);
  }

  @Test
  void aRolledBackIntakesNumberIsNotHandedOutAgain() {
    ReferralNumbers numbers = node();
    String first = transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));
    transaction.executeWithoutResult(status -> {
      numbers.next(LEBAK_SILIWANGI);
      status.setRollbackOnly();
    });

    String after = transaction.execute(status -> numbers.next(LEBAK_SILIWANGI));
    assertThat(serial(after)).isEqualTo(serial(first) + 2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
