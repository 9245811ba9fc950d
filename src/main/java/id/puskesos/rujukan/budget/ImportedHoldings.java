package id.puskesos.rujukan.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.catalogue.Program;

/**
 * The household ledger's holdings from the national recipient lists, written a DTKS/DTSEN import batch at a time:
 * {@link HouseholdLedger#imported} for many households with a few statements instead of a few per household, and
 * their end when a newer extract no longer lists the household.
 */
@Service
@Transactional
public class ImportedHoldings {

  /** One imported membership: the national list has the household as a recipient of the program in the period. */
  public record Imported(String householdKk, Program program, String period) {
  }

  private final HouseholdLedger ledger;
  private final JdbcTemplate jdbcTemplate;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public ImportedHoldings(HouseholdLedger ledger, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
      Clock clock) {
    this.ledger = ledger;
    this.jdbcTemplate = jdbcTemplate;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Records the memberships as {@link HouseholdLedger#imported} does, a batch at once: what the ledger already knows
   * is found with one query (the same file again writes nothing), the new households are locked together, the new
   * holdings are written in batches. A month a case of the household holds already stays the case's.
   */
  public void imported(List<Imported> memberships) {
    if (memberships.isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>();
    jdbcTemplate.query(connection -> withKks(connection, """
        SELECT a.household_kk, a.program_code, a.period FROM UNNEST(?) AS batch(kk)
        JOIN household_aid a ON a.household_kk = batch.kk WHERE a.source = 'IMPORT' AND a.status <> 'RELEASED'""",
        memberships), rs -> {
          known.add(key(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
    Map<String, Imported> fresh = new LinkedHashMap<>();
    memberships.forEach(m -> fresh.putIfAbsent(key(m.householdKk(), m.program().code(), m.period()), m));
    fresh.keySet().removeAll(known);
    if (fresh.isEmpty()) {
      return;
    }
    List<Imported> added = List.copyOf(fresh.values());
    lockHouseholds(added);
    Timestamp now = Timestamp.from(OffsetDateTime.now(clock).toInstant());
    jdbcTemplate.batchUpdate("""
        INSERT INTO household_aid (household_kk, program_code, period, source, status, held_at, updated_at)
        VALUES (?, ?, ?, 'IMPORT', 'RECEIVING', ?, ?)""", added.stream()
        .map(m -> new Object[] {m.householdKk(), m.program().code(), m.period(), now, now}).toList());
    Map<String, Long> ids = new HashMap<>();
    jdbcTemplate.query(connection -> withKks(connection, """
        SELECT a.household_kk, a.program_code, a.period, MAX(a.id) FROM UNNEST(?) AS batch(kk)
        JOIN household_aid a ON a.household_kk = batch.kk WHERE a.source = 'IMPORT' AND a.status <> 'RELEASED'
        GROUP BY a.household_kk, a.program_code, a.period""", added), rs -> {
          ids.put(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
        });
    List<Object[]> months = new ArrayList<>();
    fresh.forEach((key, m) -> m.program().budgetPeriod().months(m.period()).forEach(month -> months.add(
        new Object[] {m.householdKk(), m.program().ledgerSlot(), month, ids.get(key), m.householdKk(),
            m.program().ledgerSlot(), month})));
    jdbcTemplate.batchUpdate("""
        INSERT INTO household_aid_month (household_kk, slot, aid_month, aid_id)
        SELECT ?, ?, ?, ? FROM (VALUES (0)) AS one (x)
        WHERE NOT EXISTS (SELECT 1 FROM household_aid_month WHERE household_kk = ? AND slot = ? AND aid_month = ?)""",
        months);
  }

  /**
   * The national list no longer has the household as a recipient of the program from {@code fromMonth}
   * ({@code 2027-01}) on: its imported holdings that reach that month are given back. Older periods stay: the
   * household did receive the program then.
   */
  public void ended(String householdKk, Program program, String fromMonth, String note) {
    jdbcTemplate.query("""
        SELECT id, period FROM household_aid
        WHERE household_kk = ? AND program_code = ? AND source = 'IMPORT' AND status <> 'RELEASED'""",
        (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)), householdKk, program.code()).stream()
        .filter(held -> program.budgetPeriod().months(held.getValue()).get(program.budgetPeriod().months() - 1).compareTo(fromMonth) >= 0)
        .forEach(held -> ledger.release(held.getKey(), note));
  }

  /**
   * {@link HouseholdLedger#lockHousehold} for many households: their missing lock rows are created in one statement
   * (in a transaction of its own; if a case created one meanwhile, one by one), then locked in one statement
   * ({@code = ANY}: H2 finds nothing for an {@code IN} over {@code UNNEST}, and the lock table is small).
   */
  private void lockHouseholds(List<Imported> memberships) {
    boolean created = Boolean.TRUE.equals(ownTransaction.execute(status -> {
      try {
        jdbcTemplate.update(connection -> withKks(connection, """
            INSERT INTO household_lock (household_kk) SELECT batch.kk FROM UNNEST(?) AS batch(kk)
            WHERE NOT EXISTS (SELECT 1 FROM household_lock l WHERE l.household_kk = batch.kk)""", memberships));
        return true;
      } catch (DuplicateKeyException raced) {
        status.setRollbackOnly();
        return false;
      }
    }));
    if (!created) {
      memberships.stream().map(Imported::householdKk).distinct().forEach(ledger::lockHousehold);
      return;
    }
    jdbcTemplate.query(connection -> withKks(connection, """
        SELECT household_kk FROM household_lock WHERE household_kk = ANY(?) FOR UPDATE""", memberships),
        rs -> { });
  }

  /** The statement with the memberships' distinct KK numbers as its one array parameter. */
  private static PreparedStatement withKks(Connection connection, String sql, List<Imported> memberships)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setArray(1, connection.createArrayOf("VARCHAR",
        memberships.stream().map(Imported::householdKk).distinct().toArray(String[]::new)));
    return statement;
  }

  private static String key(String householdKk, String programCode, String period) {
    return householdKk + "|" + programCode + "|" + period;
  }
}
