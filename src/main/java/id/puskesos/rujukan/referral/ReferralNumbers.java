package id.puskesos.rujukan.referral;

import java.time.Clock;
import java.time.Year;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out referral numbers, {@code RJK-2026-000123}: per year, gapless (a rolled-back intake gives its number
 * back), and one at a time across nodes because the year's counter row stays locked until the intake commits.
 */
@Component
public class ReferralNumbers {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;

  public ReferralNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number; call inside the intake's transaction. */
  public String next() {
    int year = Year.now(clock).getValue();
    ensureCounter(year);
    jdbc.sql("UPDATE referral_number_counter SET last_number = last_number + 1 WHERE counter_year = ?")
        .param(year).update();
    long number = jdbc.sql("SELECT last_number FROM referral_number_counter WHERE counter_year = ?")
        .param(year).query(Long.class).single();
    return format(year, number);
  }

  public static String format(int year, long number) {
    return "RJK-%d-%06d".formatted(year, number);
  }

  /** The year's counter row is created in its own transaction, so a race on New Year's first intake is harmless. */
  private void ensureCounter(int year) {
    Integer rows = jdbc.sql("SELECT COUNT(*) FROM referral_number_counter WHERE counter_year = ?")
        .param(year).query(Integer.class).single();
    if (rows > 0) {
      return;
    }
    try {
      separateTransaction.executeWithoutResult(status -> jdbc.sql(
          "INSERT INTO referral_number_counter (counter_year, last_number) VALUES (?, 0)").param(year).update());
    } catch (DuplicateKeyException createdByAnotherIntake) {
      // the row exists now; that is all we needed
    }
  }
}
