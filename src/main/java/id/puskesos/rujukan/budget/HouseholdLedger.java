package id.puskesos.rujukan.budget;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.catalogue.Program;

/**
 * The household ledger: per household (KK), program and period, what is proposed, waiting, reserved, confirmed and
 * handed over, from every case of every member, and what the national lists say the household already receives.
 * Every step that commits aid holds the program here first (routing, acceptance, a top-up serving the waiting list,
 * a redirect, a program the back office adds). The rules "a household holds a program at most once a period" and "programs of one
 * household group exclude each other" (a PKH household already counts as a Sembako household) are the primary key
 * of {@code household_aid_month}: one holder per household, slot and month, whatever runs at the same time. The
 * household's lock row is taken first, so two cases of one KK wait for each other and the second learns who holds
 * the program, instead of failing on the key.
 */
@Service
@Transactional
public class HouseholdLedger {

  /** Where a holding stands. */
  public enum Status {
    /** Routing chose the program; the partner has not decided. */
    PROPOSED,
    /** Accepted, waiting for the partner's budget. */
    WAITING,
    /** Accepted with the grant reserved (or a service accepted). */
    RESERVED,
    /** Handed over, in part or in full. */
    HANDED_OVER,
    /** On the national recipient list (imported). */
    RECEIVING,
    /** Given back: rejected, cancelled, withdrawn, not received. Holds no month. */
    RELEASED
  }

  /** Where a holding comes from. */
  public enum Source {
    CASE, IMPORT
  }

  /** Who holds a household's slot: a case (with its number) or the national list. */
  public record Holder(String householdKk, String programCode, String period, String referralNumber, Source source,
      Status status) {
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public HouseholdLedger(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Holds the program for the case's household in the period (moving the case's holding there if it held another
   * period), or answers who holds the household's slot in one of its months. Asking again for the same case and
   * program changes only the status.
   */
  public Optional<Holder> hold(String householdKk, Program program, String period, String referralNumber,
      Status status) {
    lockHousehold(householdKk);
    List<String> months = program.budgetPeriod().months(period);
    Optional<Long> held = jdbc.sql("SELECT id FROM household_aid WHERE referral_number = ? AND program_code = ?")
        .params(referralNumber, program.code()).query(Long.class).optional();
    Optional<Holder> blocker = blocker(householdKk, program.ledgerSlot(), months, held.orElse(-1L));
    if (blocker.isPresent()) {
      return blocker;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id;
    if (held.isPresent()) {
      id = held.get();
      jdbc.sql("""
          UPDATE household_aid SET household_kk = ?, period = ?, status = ?, updated_at = ?, note = NULL WHERE id = ?""")
          .params(householdKk, period, status.name(), now, id).update();
      jdbc.sql("DELETE FROM household_aid_month WHERE aid_id = ?").param(id).update();
    } else {
      jdbc.sql("""
          INSERT INTO household_aid (household_kk, program_code, period, referral_number, source, status, held_at,
                                     updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(householdKk, program.code(), period, referralNumber, Source.CASE.name(), status.name(), now, now)
          .update();
      id = jdbc.sql("SELECT id FROM household_aid WHERE referral_number = ? AND program_code = ?")
          .params(referralNumber, program.code()).query(Long.class).single();
    }
    for (String month : months) {
      jdbc.sql("INSERT INTO household_aid_month (household_kk, slot, aid_month, aid_id) VALUES (?, ?, ?, ?)")
          .params(householdKk, program.ledgerSlot(), month, id).update();
    }
    return Optional.empty();
  }

  /** Who would keep the household from holding the program in the period, if anyone (the case's own holding aside). */
  @Transactional(readOnly = true)
  public Optional<Holder> holderOf(String householdKk, Program program, String period, String referralNumber) {
    long own = jdbc.sql("SELECT id FROM household_aid WHERE referral_number = ? AND program_code = ?")
        .params(referralNumber, program.code()).query(Long.class).optional().orElse(-1L);
    return blocker(householdKk, program.ledgerSlot(), program.budgetPeriod().months(period), own);
  }

  /** Moves a holding on (accepted, handed over); nothing when the case does not hold the program. */
  public void setStatus(String referralNumber, String programCode, Status status) {
    jdbc.sql("""
        UPDATE household_aid SET status = ?, updated_at = ? WHERE referral_number = ? AND program_code = ? AND status <> ?""")
        .params(status.name(), OffsetDateTime.now(clock), referralNumber, programCode, Status.RELEASED.name())
        .update();
  }

  /** Gives the household's slot back: the program was rejected, cancelled, withdrawn or not received. */
  public void release(String referralNumber, String programCode, String note) {
    jdbc.sql("SELECT id FROM household_aid WHERE referral_number = ? AND program_code = ?")
        .params(referralNumber, programCode).query(Long.class).optional().ifPresent(id -> release(id, note));
  }

  /** Gives back everything the case holds that was not handed over: the case was closed or withdrawn. */
  public void releaseUndelivered(String referralNumber, String note) {
    jdbc.sql("SELECT id FROM household_aid WHERE referral_number = ? AND status NOT IN (?, ?)")
        .params(referralNumber, Status.HANDED_OVER.name(), Status.RELEASED.name()).query(Long.class).list()
        .forEach(id -> release(id, note));
  }

  /**
   * Records that the national list has the household as a recipient of the program in the period (imported). Its
   * months are held where no case of the household holds them already; a case that holds one keeps it.
   */
  public void imported(String householdKk, Program program, String period) {
    boolean known = jdbc.sql("""
        SELECT COUNT(*) FROM household_aid
        WHERE household_kk = ? AND program_code = ? AND period = ? AND source = ? AND status <> ?""")
        .params(householdKk, program.code(), period, Source.IMPORT.name(), Status.RELEASED.name())
        .query(Long.class).single() > 0;
    if (known) {
      return;
    }
    lockHousehold(householdKk);
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("""
        INSERT INTO household_aid (household_kk, program_code, period, source, status, held_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(householdKk, program.code(), period, Source.IMPORT.name(), Status.RECEIVING.name(), now, now).update();
    long id = jdbc.sql("""
        SELECT MAX(id) FROM household_aid WHERE household_kk = ? AND program_code = ? AND period = ? AND source = ?""")
        .params(householdKk, program.code(), period, Source.IMPORT.name()).query(Long.class).single();
    for (String month : program.budgetPeriod().months(period)) {
      jdbc.sql("""
          INSERT INTO household_aid_month (household_kk, slot, aid_month, aid_id)
          SELECT ?, ?, ?, ? FROM (VALUES (0)) AS one (x)
          WHERE NOT EXISTS (SELECT 1 FROM household_aid_month WHERE household_kk = ? AND slot = ? AND aid_month = ?)""")
          .params(householdKk, program.ledgerSlot(), month, id, householdKk, program.ledgerSlot(), month).update();
    }
  }

  /** What the household holds in a period's months, oldest first: for the case view and the tests. */
  @Transactional(readOnly = true)
  public List<Holder> holdings(String householdKk) {
    return jdbc.sql("""
        SELECT household_kk, program_code, period, referral_number, source, status FROM household_aid
        WHERE household_kk = ? AND status <> ? ORDER BY id""")
        .params(householdKk, Status.RELEASED.name()).query(HouseholdLedger::mapHolder).list();
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /**
   * Two cases of one household queue here, on the household's lock row, until the transaction ends: a check made
   * after it sees what every other case of the household committed. The row is created once, in a transaction of its
   * own (a concurrent creation of the same row is simply the other one winning).
   */
  public void lockHousehold(String householdKk) {
    if (lockRow(householdKk)) {
      return;
    }
    ownTransaction.executeWithoutResult(status -> {
      try {
        jdbc.sql("INSERT INTO household_lock (household_kk) VALUES (?)").param(householdKk).update();
      } catch (DuplicateKeyException created) {
        status.setRollbackOnly();
      }
    });
    if (!lockRow(householdKk)) {
      throw new IllegalStateException("household lock row missing");
    }
  }

  private boolean lockRow(String householdKk) {
    return jdbc.sql("SELECT household_kk FROM household_lock WHERE household_kk = ? FOR UPDATE").param(householdKk)
        .query(String.class).optional().isPresent();
  }

  private Optional<Holder> blocker(String householdKk, String slot, List<String> months, long ownId) {
    String in = String.join(",", months.stream().map(m -> "?").toList());
    Object[] params = new Object[months.size() + 3];
    params[0] = householdKk;
    params[1] = slot;
    for (int i = 0; i < months.size(); i++) {
      params[2 + i] = months.get(i);
    }
    params[params.length - 1] = ownId;
    return jdbc.sql("""
        SELECT a.household_kk, a.program_code, a.period, a.referral_number, a.source, a.status
        FROM household_aid_month m JOIN household_aid a ON a.id = m.aid_id
        WHERE m.household_kk = ? AND m.slot = ? AND m.aid_month IN (%s) AND m.aid_id <> ?
        ORDER BY m.aid_month""".formatted(in))
        .params(params).query(HouseholdLedger::mapHolder).list().stream().findFirst();
  }

  /** Gives a holding back by its id (an imported holding the national list no longer has). */
  public void release(long id, String note) {
    jdbc.sql("DELETE FROM household_aid_month WHERE aid_id = ?").param(id).update();
    jdbc.sql("UPDATE household_aid SET status = ?, updated_at = ?, note = ? WHERE id = ?")
        .params(Status.RELEASED.name(), OffsetDateTime.now(clock),
            note == null || note.length() <= 300 ? note : note.substring(0, 299) + "…", id)
        .update();
  }

  private static Holder mapHolder(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Holder(rs.getString("household_kk"), rs.getString("program_code"), rs.getString("period"),
        rs.getString("referral_number"), Source.valueOf(rs.getString("source")), Status.valueOf(rs.getString("status")));
  }
}
