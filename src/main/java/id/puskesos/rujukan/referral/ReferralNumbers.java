package id.puskesos.rujukan.referral;

import java.time.Clock;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out referral numbers, {@code RJK-3273021006-2026-000123}: per Puskesos (its kelurahan code) and year, unique
 * across nodes, in the order intakes take them, from a database sequence per Puskesos and year
 * ({@code referral_number_3273021006_2026}). Cases opened before the city's installation keep their numbers
 * ({@code RJK-2026-000123}). Taking a number locks nothing, so intakes never
 * wait for each other (a counter row locked until the intake commits made every intake in the system wait for the
 * one before it: docs/operations.md "Intake"). The price: an intake that fails after taking its number (a database
 * error, a node killed mid-intake) leaves that number unused; validation runs before, so bad input never does.
 */
@Component
public class ReferralNumbers {

  private static final Pattern TENANT = Pattern.compile("\\d{10}");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;
  /** The sequences this node has seen. */
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  public ReferralNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The Puskesos's next number; call inside the intake's transaction, after validation. */
  public String next(String tenantId) {
    if (!TENANT.matcher(tenantId).matches()) {
      throw new IllegalArgumentException("Kode kelurahan Puskesos harus 10 digit: " + tenantId);
    }
    int year = Year.now(clock).getValue();
    String sequence = sequence(tenantId, year);
    if (!ready.contains(sequence)) {
      ensureSequence(tenantId, year);
      ready.add(sequence);
    }
    long number = jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
    return format(tenantId, year, number);
  }

  public static String format(String tenantId, int year, long number) {
    return "RJK-%s-%d-%06d".formatted(tenantId, year, number);
  }

  /** A number of a case opened before the city's installation (no kelurahan code). */
  public static String format(int year, long number) {
    return "RJK-%d-%06d".formatted(year, number);
  }

  private static String sequence(String tenantId, int year) {
    return "referral_number_" + tenantId + "_" + year;
  }

  /**
   * The sequence is made at the Puskesos's first intake of the year, in a transaction of its own, starting after its
   * highest number of the year in the case file. Two nodes making it at once: one wins, the other finds it.
   */
  private void ensureSequence(String tenantId, int year) {
    String sequence = sequence(tenantId, year);
    if (exists(sequence)) {
      return;
    }
    String prefix = format(tenantId, year, 0).substring(0, "RJK-".length() + tenantId.length() + 6);
    try {
      separateTransaction.executeWithoutResult(status -> {
        long highest = jdbc.sql("""
            SELECT COALESCE(MAX(CAST(SUBSTRING(referral_number, ?) AS BIGINT)), 0) FROM referral
            WHERE referral_number LIKE ?""").params(prefix.length() + 1, prefix + "%")
            .query(Long.class).single();
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH " + (highest + 1)).update();
      });
    } catch (DataAccessException createdByAnotherNode) {
      if (!exists(sequence)) {
        throw createdByAnotherNode;
      }
    }
  }

  private boolean exists(String sequence) {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.sequences WHERE LOWER(sequence_name) = ?")
        .param(sequence).query(Long.class).single() > 0;
  }
}
