package id.puskesos.rujukan.budget;
// Size: every budget movement (reserve, wait, serve, disburse, release, top up) keeps one lock order.

import static id.puskesos.rujukan.process.CaseVariables.AID_AMOUNT;
import static id.puskesos.rujukan.process.CaseVariables.GRANT_AMOUNT;
import static id.puskesos.rujukan.process.CaseVariables.PROGRAM_CODE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * Programs' budgets per period and the commitments of accepted referrals against them. A reservation is one
 * conditional update that succeeds only while the allocation covers it and nobody is waiting ahead, so concurrent
 * acceptances never over-commit a budget (the table's check constraint is the last line of defence). What cannot be
 * covered waits on the program's list, ordered by urgency, then by desil (the poorer first; unknown last), then by
 * when it was accepted; a top-up serves the list in that order. Every commitment is also held in the
 * {@link HouseholdLedger}: one household, one grant of a program (group) per period.
 */
@Service
@Transactional
public class Budgets {

  private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

  /**
   * The outcome of a request: reserved, or waiting at that place on the list; or neither, because the household
   * already holds the program (or its group) in the period through {@code heldBy}.
   */
  public record Request(boolean reserved, String period, long amount, int waitingPosition,
      HouseholdLedger.Holder heldBy) {
  }

  /** A top-up's work on the waiting list: the referrals served, and those the household ledger held back. */
  public record Served(List<Commitment> served, List<HeldBack> heldBack) {
  }

  /** A waiting referral a top-up could not serve because the household holds the program through another case. */
  public record HeldBack(Commitment commitment, HouseholdLedger.Holder holder) {
  }

  /** A program's budget for one period. */
  public record Budget(String programCode, String period, long allocated, long reserved, long disbursed) {
    public long available() {
      return allocated - reserved - disbursed;
    }
  }

  /** A referral on a program's waiting list. */
  public record Waiting(int position, String referralNumber, long amount, boolean urgent, Integer desil,
      OffsetDateTime since) {
  }

  /** A commitment of a referral to a program. */
  public record Commitment(String referralNumber, String programCode, String period, String householdKk,
      long amount, long disbursed, CommitmentStatus status) {
    public long remaining() {
      return amount - disbursed;
    }
  }

  private final JdbcClient jdbc;
  private final HouseholdLedger ledger;
  private final Clock clock;

  public Budgets(JdbcClient jdbc, HouseholdLedger ledger, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The period a program's budget is counted in today. */
  public String currentPeriod(Program program) {
    return program.budgetPeriod().of(LocalDate.now(clock));
  }

  /**
   * Reserves the grant for an accepted referral, or puts it on the program's waiting list, once the household ledger
   * holds the program for the household in the period. Asking again for the same referral and program returns what
   * is held (a retried job does not reserve twice). {@code desil}: the household's, null when unknown.
   */
  public Request request(String referralNumber, Program program, String householdKk, long amount, boolean urgent,
      Integer desil) {
    Checks checks = new Checks();
    checks.check(amount > 0, GRANT_AMOUNT.name(), "Nilai bantuan harus lebih dari 0");
    checks.throwIfAny();
    Optional<Commitment> held = commitment(referralNumber, program.code());
    if (held.isPresent() && held.get().status() != CommitmentStatus.RELEASED) {
      Commitment c = held.get();
      return new Request(c.status() != CommitmentStatus.WAITING, c.period(), c.amount(),
          c.status() == CommitmentStatus.WAITING ? position(referralNumber, program.code()) : 0, null);
    }
    String period = currentPeriod(program);
    Optional<HouseholdLedger.Holder> blocker = ledger.hold(householdKk, program, period, referralNumber,
        HouseholdLedger.Status.WAITING);
    if (blocker.isPresent()) {
      return new Request(false, period, amount, 0, blocker.get());
    }
    boolean reserved = reserve(program.code(), period, amount, referralNumber, urgent, desil);
    OffsetDateTime now = OffsetDateTime.now(clock);
    CommitmentStatus status = reserved ? CommitmentStatus.RESERVED : CommitmentStatus.WAITING;
    if (held.isPresent()) {
      jdbc.sql("""
          UPDATE budget_commitment SET period = ?, household_kk = ?, amount = ?, disbursed = 0, status = ?, urgent = ?,
                                       desil = ?, requested_at = ?, reserved_at = ?, closed_at = NULL, note = NULL
          WHERE referral_number = ? AND program_code = ?""")
          .params(period, householdKk, amount, status.name(), urgent, desil, now, reserved ? now : null,
              referralNumber, program.code())
          .update();
    } else {
      jdbc.sql("""
          INSERT INTO budget_commitment (referral_number, program_code, period, household_kk, amount, status, urgent,
                                         desil, requested_at, reserved_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(referralNumber, program.code(), period, householdKk, amount, status.name(), urgent, desil, now,
              reserved ? now : null)
          .update();
    }
    if (reserved) {
      ledger.setStatus(referralNumber, program.code(), HouseholdLedger.Status.RESERVED);
    }
    return new Request(reserved, period, amount, reserved ? 0 : position(referralNumber, program.code()), null);
  }

  /** Gives back what a referral holds of a program (reserved and not yet handed over), or takes it off the list. */
  public void release(String referralNumber, String programCode, String reason) {
    commitment(referralNumber, programCode).ifPresent(c -> release(c, reason));
  }

  /** Releases everything a referral holds: the case was closed or withdrawn. */
  public void releaseAll(String referralNumber, String reason) {
    jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM budget_commitment WHERE referral_number = ?")
        .param(referralNumber).query(Budgets::mapCommitment).list().forEach(c -> release(c, reason));
  }

  /**
   * Moves a handover from reserved to disbursed. The last handover releases what is left of the reservation.
   * Returns what is still reserved.
   */
  public long disburse(String referralNumber, String programCode, long amount, boolean last) {
    Commitment c = commitment(referralNumber, programCode).filter(x -> x.status() == CommitmentStatus.RESERVED)
        .orElseThrow(() -> new InvalidInputException(AID_AMOUNT.name(),
            "Tidak ada anggaran yang dicadangkan untuk rujukan ini pada program " + programCode));
    Checks checks = new Checks();
    checks.check(amount >= 0, AID_AMOUNT.name(), "Nilai bantuan tidak boleh negatif");
    checks.check(amount <= c.remaining(), AID_AMOUNT.name(), "Melebihi sisa yang dicadangkan (%s)".formatted(
        format(c.remaining())));
    checks.throwIfAny();
    long left = c.remaining() - amount;
    long giveBack = last ? left : 0;
    jdbc.sql("""
        UPDATE program_budget SET reserved = reserved - ?, disbursed = disbursed + ?
        WHERE program_code = ? AND period = ?""")
        .params(amount + giveBack, amount, programCode, c.period()).update();
    boolean done = last || left == 0;
    jdbc.sql("""
        UPDATE budget_commitment SET disbursed = disbursed + ?, status = ?, closed_at = ?
        WHERE referral_number = ? AND program_code = ?""")
        .params(amount, done ? CommitmentStatus.DISBURSED.name() : CommitmentStatus.RESERVED.name(),
            done ? OffsetDateTime.now(clock) : null, referralNumber, programCode)
        .update();
    ledger.setStatus(referralNumber, programCode, HouseholdLedger.Status.HANDED_OVER);
    return done ? 0 : left;
  }

  /** A service without a budget was delivered: the household's holding of it stands as handed over. */
  public void serviceDelivered(String referralNumber, String programCode) {
    ledger.setStatus(referralNumber, programCode, HouseholdLedger.Status.HANDED_OVER);
  }

  /**
   * A handover the resident never received, as the koordinator's check found: what was counted as disbursed is taken
   * back from the program's disbursed sum. Handed over again: it is reserved again for the case (the commitment now
   * owes what was handed over). Cancelled: it returns to the budget and the commitment is released. Nothing for a
   * program without a budget.
   */
  public void undoHandover(String referralNumber, String programCode, boolean handOverAgain, String reason) {
    Optional<Commitment> held = commitment(referralNumber, programCode);
    if (held.isEmpty() || held.get().disbursed() == 0) {
      return;
    }
    Commitment c = held.get();
    long given = c.disbursed();
    jdbc.sql("UPDATE program_budget SET disbursed = disbursed - ?, reserved = reserved + ? WHERE program_code = ? AND period = ?")
        .params(given, handOverAgain ? given : 0, programCode, c.period()).update();
    jdbc.sql("""
        UPDATE budget_commitment SET amount = ?, disbursed = 0, status = ?, closed_at = ?, note = ?
        WHERE referral_number = ? AND program_code = ?""")
        .params(handOverAgain ? given : c.amount(), (handOverAgain ? CommitmentStatus.RESERVED
            : CommitmentStatus.RELEASED).name(), handOverAgain ? null : OffsetDateTime.now(clock), truncate(reason),
            referralNumber, programCode)
        .update();
  }

  /**
   * Adds to a program's allocation for a period (creating the budget) and serves its waiting list in order while the
   * budget covers the next in line. Returns the referrals served; the caller tells their processes.
   */
  public Served topUp(Program program, String period, long amount, String actor, String note) {
    Checks checks = new Checks();
    checks.check(program.budgeted(), PROGRAM_CODE.name(), "Program layanan tidak memakai anggaran");
    checks.check(program.budgetPeriod().names(period), "period", "Periode %s bukan periode %s program ini (contoh: %s)"
        .formatted(period, program.budgetPeriod().label(), currentPeriod(program)));
    checks.check(amount > 0, "amount", "Tambahan anggaran harus lebih dari 0");
    checks.throwIfAny();
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated = jdbc.sql("UPDATE program_budget SET allocated = allocated + ? WHERE program_code = ? AND period = ?")
        .params(amount, program.code(), period).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO program_budget (program_code, period, allocated) VALUES (?, ?, ?)")
          .params(program.code(), period, amount).update();
    }
    Budget budget = budget(program.code(), period).orElseThrow();
    jdbc.sql("""
        INSERT INTO program_budget_change (program_code, period, amount, allocated_after, changed_at, changed_by, note)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(program.code(), period, amount, budget.allocated(), now, actor, note).update();
    return period.equals(currentPeriod(program)) ? serveWaiting(program, period) : new Served(List.of(), List.of());
  }

  /**
   * Serves the waiting list in order until the next in line does not fit. A case waiting from an earlier period is
   * held in the ledger for this one first; when its household now holds the program through another case, it is
   * passed over (it stays on the list, and the caller records why).
   */
  public Served serveWaiting(Program program, String period) {
    List<Commitment> served = new ArrayList<>();
    List<HeldBack> heldBack = new ArrayList<>();
    for (Commitment next : queue(program.code())) {
      Optional<HouseholdLedger.Holder> blocker = ledger.holderOf(next.householdKk(), program, period,
          next.referralNumber());
      if (blocker.isPresent()) {
        heldBack.add(new HeldBack(next, blocker.get()));
        continue;
      }
      if (!reserveForWaiting(program.code(), period, next.amount())) {
        break;
      }
      blocker = ledger.hold(next.householdKk(), program, period, next.referralNumber(),
          HouseholdLedger.Status.RESERVED);
      if (blocker.isPresent()) {
        // another case of the household took the period while this one waited for the lock: give the budget back
        jdbc.sql("UPDATE program_budget SET reserved = reserved - ? WHERE program_code = ? AND period = ?")
            .params(next.amount(), program.code(), period).update();
        heldBack.add(new HeldBack(next, blocker.get()));
        continue;
      }
      jdbc.sql("""
          UPDATE budget_commitment SET status = ?, period = ?, reserved_at = ? WHERE referral_number = ? AND program_code = ?""")
          .params(CommitmentStatus.RESERVED.name(), period, OffsetDateTime.now(clock), next.referralNumber(),
              next.programCode())
          .update();
      served.add(commitment(next.referralNumber(), next.programCode()).orElseThrow());
    }
    return new Served(served, heldBack);
  }

  @Transactional(readOnly = true)
  public Optional<Budget> budget(String programCode, String period) {
    return jdbc.sql("""
        SELECT program_code, period, allocated, reserved, disbursed FROM program_budget
        WHERE program_code = ? AND period = ?""")
        .params(programCode, period).query(Budgets::mapBudget).optional();
  }

  @Transactional(readOnly = true)
  public List<Budget> budgets(String programCode) {
    return jdbc.sql("""
        SELECT program_code, period, allocated, reserved, disbursed FROM program_budget
        WHERE program_code = ? ORDER BY period DESC""")
        .param(programCode).query(Budgets::mapBudget).list();
  }

  @Transactional(readOnly = true)
  public List<Waiting> waitingList(String programCode) {
    List<Waiting> list = new ArrayList<>();
    jdbc.sql("SELECT referral_number, amount, urgent, desil, requested_at FROM budget_commitment"
            + " WHERE program_code = ? AND status = ? " + QUEUE_ORDER)
        .params(programCode, CommitmentStatus.WAITING.name())
        .query(rs -> {
          list.add(new Waiting(list.size() + 1, rs.getString("referral_number"), rs.getLong("amount"),
              rs.getBoolean("urgent"), rs.getObject("desil", Integer.class),
              rs.getObject("requested_at", OffsetDateTime.class)));
        });
    return list;
  }

  @Transactional(readOnly = true)
  public Optional<Commitment> commitment(String referralNumber, String programCode) {
    return jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM budget_commitment WHERE referral_number = ? AND program_code = ?")
        .params(referralNumber, programCode).query(Budgets::mapCommitment).optional();
  }

  public static String format(long amount) {
    return "Rp" + NumberFormat.getIntegerInstance(INDONESIA).format(amount);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private static final String COMMITMENT_COLUMNS = """
      referral_number, program_code, period, household_kk, amount, disbursed, status""";
  /** A desil the registry does not know waits after every known one. */
  private static final int UNKNOWN_DESIL = 11;
  private static final String QUEUE_ORDER = "ORDER BY urgent DESC, COALESCE(desil, " + UNKNOWN_DESIL
      + "), requested_at, id";

  /**
   * A new acceptance reserves only while the budget covers it and nobody waits ahead of it: nobody more urgent, and
   * nobody as urgent and as poor or poorer (lower or equal desil), since those came earlier.
   */
  private boolean reserve(String programCode, String period, long amount, String referralNumber, boolean urgent,
      Integer desil) {
    int rank = desil == null ? UNKNOWN_DESIL : desil;
    return jdbc.sql("""
        UPDATE program_budget SET reserved = reserved + ?
        WHERE program_code = ? AND period = ? AND allocated - reserved - disbursed >= ?
          AND NOT EXISTS (SELECT 1 FROM budget_commitment w
                          WHERE w.program_code = ? AND w.status = 'WAITING' AND w.referral_number <> ?
                            AND ((w.urgent = TRUE AND ? = FALSE)
                                 OR (w.urgent = ? AND COALESCE(w.desil, %d) <= ?)))""".formatted(UNKNOWN_DESIL))
        .params(amount, programCode, period, amount, programCode, referralNumber, urgent, urgent, rank)
        .update() == 1;
  }

  private boolean reserveForWaiting(String programCode, String period, long amount) {
    return jdbc.sql("""
        UPDATE program_budget SET reserved = reserved + ?
        WHERE program_code = ? AND period = ? AND allocated - reserved - disbursed >= ?""")
        .params(amount, programCode, period, amount).update() == 1;
  }

  private List<Commitment> queue(String programCode) {
    return jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM budget_commitment WHERE program_code = ? AND status = ? "
            + QUEUE_ORDER)
        .params(programCode, CommitmentStatus.WAITING.name()).query(Budgets::mapCommitment).list();
  }

  private int position(String referralNumber, String programCode) {
    List<Commitment> queue = queue(programCode);
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).referralNumber().equals(referralNumber)) {
        return i + 1;
      }
    }
    return 0;
  }

  private void release(Commitment c, String reason) {
    if (c.status() == CommitmentStatus.RESERVED) {
      jdbc.sql("UPDATE program_budget SET reserved = reserved - ? WHERE program_code = ? AND period = ?")
          .params(c.remaining(), c.programCode(), c.period()).update();
    }
    if (c.status() == CommitmentStatus.RESERVED || c.status() == CommitmentStatus.WAITING) {
      // a partly handed-over grant keeps what was given: it counts as disbursed, not released
      CommitmentStatus end = c.disbursed() > 0 ? CommitmentStatus.DISBURSED : CommitmentStatus.RELEASED;
      jdbc.sql("""
          UPDATE budget_commitment SET status = ?, closed_at = ?, note = ? WHERE referral_number = ? AND program_code = ?""")
          .params(end.name(), OffsetDateTime.now(clock), truncate(reason), c.referralNumber(), c.programCode())
          .update();
      if (end == CommitmentStatus.RELEASED) {
        ledger.release(c.referralNumber(), c.programCode(), reason);
      }
    }
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }

  private static Budget mapBudget(ResultSet rs, int row) throws SQLException {
    return new Budget(rs.getString("program_code"), rs.getString("period"), rs.getLong("allocated"),
        rs.getLong("reserved"), rs.getLong("disbursed"));
  }

  private static Commitment mapCommitment(ResultSet rs, int row) throws SQLException {
    return new Commitment(rs.getString("referral_number"), rs.getString("program_code"), rs.getString("period"),
        rs.getString("household_kk"), rs.getLong("amount"), rs.getLong("disbursed"),
        CommitmentStatus.valueOf(rs.getString("status")));
  }
}
