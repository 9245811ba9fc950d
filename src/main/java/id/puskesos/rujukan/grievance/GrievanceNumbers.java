package id.puskesos.rujukan.grievance;

import java.time.Clock;
import java.time.Year;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out grievance numbers, {@code ADU-2026-000001}: per year and gapless. The year's counter row is locked from
 * the increment until the opening commits, so an opening that fails gives its number back and two openings wait for
 * each other (grievances are few: the wait is nothing; referral numbers take the other trade-off, V25).
 */
@Component
public class GrievanceNumbers {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;

  public GrievanceNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number; call inside the opening's transaction, after validation. */
  public String next() {
    int year = Year.now(clock).getValue();
    if (increment(year) == 0) {
      createCounter(year);
      increment(year);
    }
    long number = jdbc.sql("SELECT last_number FROM grievance_number_counter WHERE counter_year = ?").param(year)
        .query(Long.class).single();
    return format(year, number);
  }

  public static String format(int year, long number) {
    return "ADU-%d-%06d".formatted(year, number);
  }

  private int increment(int year) {
    return jdbc.sql("UPDATE grievance_number_counter SET last_number = last_number + 1 WHERE counter_year = ?")
        .param(year).update();
  }

  /** The year's row, made at its first grievance; two nodes making it at once: one wins, the other finds it. */
  private void createCounter(int year) {
    try {
      separateTransaction.executeWithoutResult(status -> jdbc.sql(
          "INSERT INTO grievance_number_counter (counter_year, last_number) VALUES (?, 0)").param(year).update());
    } catch (DataIntegrityViolationException createdByAnotherNode) {
      // the other node's row is there now
    }
  }
}
