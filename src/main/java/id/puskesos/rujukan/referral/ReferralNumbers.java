package id.puskesos.rujukan.referral;

import java.time.Clock;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out referral numbers, {@code RJK-2026-000123}: per year, unique across nodes, in the order intakes take them,
 * from a database sequence per year ({@code referral_number_2026}). Taking a number locks nothing, so intakes never
 * wait for each other (a counter row locked until the intake commits made every intake in the system wait for the
 * one before it: docs/operations.md "Intake"). The price: an intake that fails after taking its number (a database
 * error, a node killed mid-intake) leaves that number unused; validation runs before, so bad input never does.
 */
@Component
public class ReferralNumbers {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;
  /** The years whose sequence this node has seen. */
  private final Set<Integer> ready = ConcurrentHashMap.newKeySet();

  public ReferralNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number; call inside the intake's transaction, after validation. */
  public String next() {
    int year = Year.now(clock).getValue();
    if (!ready.contains(year)) {
      ensureSequence(year);
      ready.add(year);
    }
    long number = jdbc.sql("SELECT nextval('" + sequence(year) + "')").query(Long.class).single();
    return format(year, number);
  }

  public static String format(int year, long number) {
    return "RJK-%d-%06d".formatted(year, number);
  }

  private static String sequence(int year) {
    return "referral_number_" + year;
  }

  /**
   * The year's sequence is made at its first intake, in a transaction of its own, starting after the year's highest
   * number in the case file (numbers from the counter the sequences replace, V25). Two nodes making it at once:
   * one wins, the other finds it.
   */
  private void ensureSequence(int year) {
    if (exists(year)) {
      return;
    }
    try {
      separateTransaction.executeWithoutResult(status -> {
        long highest = jdbc.sql("""
            SELECT COALESCE(MAX(CAST(SUBSTRING(referral_number, 10) AS BIGINT)), 0) FROM referral
            WHERE referral_number LIKE ?""").param(format(year, 0).substring(0, 9) + "%")
            .query(Long.class).single();
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + sequence(year) + " START WITH " + (highest + 1)).update();
      });
    } catch (DataAccessException createdByAnotherNode) {
      if (!exists(year)) {
        throw createdByAnotherNode;
      }
    }
  }

  private boolean exists(int year) {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.sequences WHERE LOWER(sequence_name) = ?")
        .param(sequence(year)).query(Long.class).single() > 0;
  }
}
