package id.puskesos.rujukan.budget;
// Size: every budget movement (reserve, wait, serve, disburse, release, top up) keeps one lock order, per pool.

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * Programs' budgets per period and the commitments of accepted referrals against them. A reservation is one
 * conditional update that succeeds only while the allocation covers it and nobody is waiting ahead, so concurrent
 * acceptances never over-commit a budget (the table's check constraint is the last line of defence). What cannot be
 * covered waits on the program's list, ordered by urgency, then by desil (the poorer first; unknown last), then by
 * when it was accepted; a top-up serves the list in that order. Every commitment is also held in the
 * {@link HouseholdLedger}: one household, one grant of a program (group) per period.
 * <p>
 * A program's budget is one pool for the city, or one pool per Puskesos when its partner keeps it per kelurahan
 * ({@link Program#budgetScope()}): a case reserves from, and waits on the list of, its own Puskesos's pool then. A
 * reservation remembers the pool it drew from, so changing the scope later moves only what still waits. The
 * household ledger stays city-wide whatever the scope.
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

  /** A program's budget for one period in one pool: the city's ({@code puskesos} null) or one Puskesos's. */
  public record Budget(String programCode, String period, String puskesos, long allocated, long reserved,
      long disbursed) {
    public long available() {
      return allocated - reserved - disbursed;
    }
  }

  /**
   * A referral on a program's waiting list: its place in its pool's queue, and its case's Puskesos ({@code puskesos},
   * whose pool it waits for when the program is kept per kelurahan).
   */
  public record Waiting(int position, String referralNumber, long amount, boolean urgent, Integer desil,
      OffsetDateTime since, String puskesos) {
  }

  /**
   * A commitment of a referral to a program: {@code puskesos} the case's, {@code pool} the pool its reservation draws
   * from ({@link #CITY_POOL} or a tenant id; null while it waits).
   */
  public record Commitment(String referralNumber, String programCode, String period, String householdKk,
      long amount, long disbursed, CommitmentStatus status, String puskesos, String pool) {
    public long remaining() {
      return amount - disbursed;
    }
  }

  /** The key of the city's pool in {@code program_budget.pool} (a Puskesos's pool is keyed by its tenant id). */
  public static final String CITY_POOL = "KOTA";

  private final JdbcClient jdbc;
  private final HouseholdLedger ledger;
  private final ProgramCatalogue catalogue;
  private final Clock clock;

  public Budgets(JdbcClient jdbc, HouseholdLedger ledger, ProgramCatalogue catalogue, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.catalogue = catalogue;
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
          c.status() == CommitmentStatus.WAITING ? position(referralNumber, program) : 0, null);
    }
    String period = currentPeriod(program);
    Optional<HouseholdLedger.Holder> blocker = ledger.hold(householdKk, program, period, referralNumber,
        HouseholdLedger.Status.WAITING);
    if (blocker.isPresent()) {
      return new Request(false, period, amount, 0, blocker.get());
    }
    String tenant = caseTenant(referralNumber);
    String pool = pool(program, tenant);
    boolean reserved = reserve(program, pool, tenant, period, amount, referralNumber, urgent, desil);
    OffsetDateTime now = OffsetDateTime.now(clock);
    CommitmentStatus status = reserved ? CommitmentStatus.RESERVED : CommitmentStatus.WAITING;
    if (held.isPresent()) {
      jdbc.sql("""
          UPDATE budget_commitment SET period = ?, household_kk = ?, amount = ?, disbursed = 0, status = ?, urgent = ?,
                                       desil = ?, requested_at = ?, reserved_at = ?, closed_at = NULL, note = NULL,
                                       tenant_id = ?, pool = ?
          WHERE referral_number = ? AND program_code = ?""")
          .params(period, householdKk, amount, status.name(), urgent, desil, now, reserved ? now : null, tenant,
              reserved ? pool : null, referralNumber, program.code())
          .update();
    } else {
      jdbc.sql("""
          INSERT INTO budget_commitment (referral_number, program_code, period, household_kk, amount, status, urgent,
                                         desil, requested_at, reserved_at, tenant_id, pool)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(referralNumber, program.code(), period, householdKk, amount, status.name(), urgent, desil, now,
              reserved ? now : null, tenant, reserved ? pool : null)
          .update();
    }
    if (reserved) {
      ledger.setStatus(referralNumber, program.code(), HouseholdLedger.Status.RESERVED);
    }
    return new Request(reserved, period, amount, reserved ? 0 : position(referralNumber, program), null);
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
        WHERE program_code = ? AND period = ? AND pool = ?""")
        .params(amount + giveBack, amount, programCode, c.period(), drawnFrom(c)).update();
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
    jdbc.sql("""
        UPDATE program_budget SET disbursed = disbursed - ?, reserved = reserved + ?
        WHERE program_code = ? AND period = ? AND pool = ?""")
        .params(given, handOverAgain ? given : 0, programCode, c.period(), drawnFrom(c)).update();
    jdbc.sql("""
        UPDATE budget_commitment SET amount = ?, disbursed = 0, status = ?, closed_at = ?, note = ?
        WHERE referral_number = ? AND program_code = ?""")
        .params(handOverAgain ? given : c.amount(), (handOverAgain ? CommitmentStatus.RESERVED
            : CommitmentStatus.RELEASED).name(), handOverAgain ? null : OffsetDateTime.now(clock), truncate(reason),
            referralNumber, programCode)
        .update();
  }

  /** Adds to the city pool of a program kept city-wide; see {@link #topUp(Program, String, String, long, String, String)}. */
  public Served topUp(Program program, String period, long amount, String actor, String note) {
    return topUp(program, period, null, amount, actor, note);
  }

  /**
   * Adds to a program's allocation for a period in one pool (creating the budget): the city's ({@code puskesos}
   * null) for a program kept city-wide, the named Puskesos's for one kept per kelurahan. Then serves that pool's
   * waiting list in order while the budget covers the next in line. Returns the referrals served; the caller tells
   * their processes.
   */
  public Served topUp(Program program, String period, String puskesos, long amount, String actor, String note) {
    Checks checks = new Checks();
    checks.check(program.budgeted(), PROGRAM_CODE.name(), "Program layanan tidak memakai anggaran");
    checks.check(program.budgetPeriod().names(period), "period", "Periode %s bukan periode %s program ini (contoh: %s)"
        .formatted(period, program.budgetPeriod().label(), currentPeriod(program)));
    checks.check(amount > 0, "amount", "Tambahan anggaran harus lebih dari 0");
    boolean named = puskesos != null && !puskesos.isBlank();
    String tenant = named ? puskesos.trim() : null;
    if (named) {
      checks.check(jdbc.sql("SELECT COUNT(*) FROM puskesos WHERE tenant_id = ?").param(tenant).query(Integer.class)
          .single() == 1, PUSKESOS, "Puskesos dengan kode kelurahan %s tidak terdaftar".formatted(tenant));
      checks.check(program.perKelurahan(), PUSKESOS, ("Anggaran %s dikelola tingkat kota (satu untuk semua Puskesos); "
          + "jangan sebutkan Puskesos").formatted(program.name()));
    } else {
      checks.check(!program.perKelurahan(), PUSKESOS, ("Anggaran %s dikelola per kelurahan: sebutkan Puskesos (kode "
          + "kelurahan) yang anggarannya ditambah").formatted(program.name()));
    }
    checks.throwIfAny();
    String pool = tenant == null ? CITY_POOL : tenant;
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated = jdbc.sql(
            "UPDATE program_budget SET allocated = allocated + ? WHERE program_code = ? AND period = ? AND pool = ?")
        .params(amount, program.code(), period, pool).update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO program_budget (program_code, period, tenant_id, pool, allocated) VALUES (?, ?, ?, ?, ?)")
          .params(program.code(), period, tenant, pool, amount).update();
    }
    Budget budget = budget(program.code(), period, tenant).orElseThrow();
    jdbc.sql("""
        INSERT INTO program_budget_change (program_code, period, tenant_id, amount, allocated_after, changed_at,
                                           changed_by, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(program.code(), period, tenant, amount, budget.allocated(), now, actor, note).update();
    return period.equals(currentPeriod(program)) ? serveWaiting(program, period, tenant)
        : new Served(List.of(), List.of());
  }

  /**
   * Serves one pool's waiting list in order until the next in line does not fit: the city pool's (every case of the
   * program) or one Puskesos's (its cases). A case waiting from an earlier period is held in the ledger for this one
   * first; when its household now holds the program through another case, it is passed over (it stays on the list,
   * and the caller records why).
   */
  public Served serveWaiting(Program program, String period, String puskesos) {
    String pool = puskesos == null ? CITY_POOL : puskesos;
    List<Commitment> served = new ArrayList<>();
    List<HeldBack> heldBack = new ArrayList<>();
    for (Commitment next : queue(program, puskesos)) {
      Optional<HouseholdLedger.Holder> blocker = ledger.holderOf(next.householdKk(), program, period,
          next.referralNumber());
      if (blocker.isPresent()) {
        heldBack.add(new HeldBack(next, blocker.get()));
        continue;
      }
      if (!reserveForWaiting(program.code(), period, pool, next.amount())) {
        break;
      }
      blocker = ledger.hold(next.householdKk(), program, period, next.referralNumber(),
          HouseholdLedger.Status.RESERVED);
      if (blocker.isPresent()) {
        // another case of the household took the period while this one waited for the lock: give the budget back
        jdbc.sql("UPDATE program_budget SET reserved = reserved - ? WHERE program_code = ? AND period = ? AND pool = ?")
            .params(next.amount(), program.code(), period, pool).update();
        heldBack.add(new HeldBack(next, blocker.get()));
        continue;
      }
      jdbc.sql("""
          UPDATE budget_commitment SET status = ?, period = ?, reserved_at = ?, pool = ?
          WHERE referral_number = ? AND program_code = ?""")
          .params(CommitmentStatus.RESERVED.name(), period, OffsetDateTime.now(clock), pool, next.referralNumber(),
              next.programCode())
          .update();
      served.add(commitment(next.referralNumber(), next.programCode()).orElseThrow());
    }
    return new Served(served, heldBack);
  }

  /** The city pool of a program for a period. */
  @Transactional(readOnly = true)
  public Optional<Budget> budget(String programCode, String period) {
    return budget(programCode, period, null);
  }

  /** One pool of a program for a period: the city's ({@code puskesos} null) or one Puskesos's. */
  @Transactional(readOnly = true)
  public Optional<Budget> budget(String programCode, String period, String puskesos) {
    return jdbc.sql("SELECT " + BUDGET_COLUMNS + " FROM program_budget WHERE program_code = ? AND period = ? AND pool = ?")
        .params(programCode, period, puskesos == null ? CITY_POOL : puskesos).query(Budgets::mapBudget).optional();
  }

  /** Every pool of a program, the latest period first, the city pool before the Puskesos's. */
  @Transactional(readOnly = true)
  public List<Budget> budgets(String programCode) {
    return jdbc.sql("SELECT " + BUDGET_COLUMNS + " FROM program_budget WHERE program_code = ?"
            + " ORDER BY period DESC, CASE WHEN tenant_id IS NULL THEN 0 ELSE 1 END, tenant_id")
        .param(programCode).query(Budgets::mapBudget).list();
  }

  /**
   * Whether a new case of this Puskesos would have the program's grant reserved now: the pool it would draw from
   * covers the amount and nobody waits on that pool's list.
   */
  @Transactional(readOnly = true)
  public boolean coversNow(Program program, String referralNumber, long amount) {
    String tenant = caseTenant(referralNumber);
    String key = program.perKelurahan() ? tenant : null;
    return budget(program.code(), currentPeriod(program), key).map(b -> b.available() >= amount).orElse(false)
        && queue(program, key).isEmpty();
  }

  /**
   * Every referral waiting for the program's budget: one list for a program kept city-wide, one per Puskesos for a
   * program kept per kelurahan (ordered by Puskesos, each with its own positions).
   */
  @Transactional(readOnly = true)
  public List<Waiting> waitingList(String programCode) {
    boolean perKelurahan = catalogue.findProgram(programCode).map(Program::perKelurahan).orElse(false);
    List<Waiting> list = new ArrayList<>();
    Map<String, Integer> positions = new HashMap<>();
    jdbc.sql("SELECT referral_number, amount, urgent, desil, requested_at, tenant_id FROM budget_commitment"
            + " WHERE program_code = ? AND status = ? " + (perKelurahan ? QUEUE_ORDER.replace("ORDER BY ",
                "ORDER BY tenant_id, ") : QUEUE_ORDER))
        .params(programCode, CommitmentStatus.WAITING.name())
        .query(rs -> {
          String tenant = rs.getString("tenant_id");
          int position = positions.merge(perKelurahan ? tenant : CITY_POOL, 1, Integer::sum);
          list.add(new Waiting(position, rs.getString("referral_number"), rs.getLong("amount"),
              rs.getBoolean("urgent"), rs.getObject("desil", Integer.class),
              rs.getObject("requested_at", OffsetDateTime.class), tenant));
        });
    return list;
  }

  /** The referral's place on the list it waits on for the program; 0 when it does not wait. */
  @Transactional(readOnly = true)
  public int waitingPosition(String referralNumber, String programCode) {
    return catalogue.findProgram(programCode).map(p -> position(referralNumber, p)).orElse(0);
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
      referral_number, program_code, period, household_kk, amount, disbursed, status, tenant_id, pool""";
  private static final String BUDGET_COLUMNS = "program_code, period, tenant_id, allocated, reserved, disbursed";
  /** The field a request names the Puskesos in ({@code tenant.PuskesosDirectory.FIELD}). */
  private static final String PUSKESOS = "puskesos";
  /** A desil the registry does not know waits after every known one. */
  private static final int UNKNOWN_DESIL = 11;
  private static final String QUEUE_ORDER = "ORDER BY urgent DESC, COALESCE(desil, " + UNKNOWN_DESIL
      + "), requested_at, id";

  /**
   * A new acceptance reserves from its pool only while the pool covers it and nobody waits ahead of it on the same
   * list: nobody more urgent, and nobody as urgent and as poor or poorer (lower or equal desil), since those came
   * earlier. One conditional update of the pool's row, so two acceptances racing for its last money cannot both
   * succeed.
   */
  private boolean reserve(Program program, String pool, String tenant, String period, long amount,
      String referralNumber, boolean urgent, Integer desil) {
    int rank = desil == null ? UNKNOWN_DESIL : desil;
    List<Object> params = new ArrayList<>(List.of(amount, program.code(), period, pool, amount, program.code(),
        referralNumber));
    if (program.perKelurahan()) {
      params.add(tenant);
    }
    params.addAll(List.of(urgent, urgent, rank));
    return jdbc.sql("""
        UPDATE program_budget SET reserved = reserved + ?
        WHERE program_code = ? AND period = ? AND pool = ? AND allocated - reserved - disbursed >= ?
          AND NOT EXISTS (SELECT 1 FROM budget_commitment w
                          WHERE w.program_code = ? AND w.status = 'WAITING' AND w.referral_number <> ? %s
                            AND ((w.urgent = TRUE AND ? = FALSE)
                                 OR (w.urgent = ? AND COALESCE(w.desil, %d) <= ?)))""".formatted(
            program.perKelurahan() ? "AND w.tenant_id = ?" : "", UNKNOWN_DESIL))
        .params(params)
        .update() == 1;
  }

  private boolean reserveForWaiting(String programCode, String period, String pool, long amount) {
    return jdbc.sql("""
        UPDATE program_budget SET reserved = reserved + ?
        WHERE program_code = ? AND period = ? AND pool = ? AND allocated - reserved - disbursed >= ?""")
        .params(amount, programCode, period, pool, amount).update() == 1;
  }

  /** One pool's waiting list in order: every waiting case of the program, or those of one Puskesos. */
  private List<Commitment> queue(Program program, String puskesos) {
    boolean one = program.perKelurahan();
    return jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM budget_commitment WHERE program_code = ? AND status = ? "
            + (one ? "AND tenant_id = ? " : "") + QUEUE_ORDER)
        .params(one ? List.of(program.code(), CommitmentStatus.WAITING.name(), String.valueOf(puskesos))
            : List.of(program.code(), CommitmentStatus.WAITING.name()))
        .query(Budgets::mapCommitment).list();
  }

  private int position(String referralNumber, Program program) {
    List<Commitment> queue = queue(program, program.perKelurahan() ? caseTenant(referralNumber) : null);
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).referralNumber().equals(referralNumber)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The Puskesos of a case. */
  private String caseTenant(String referralNumber) {
    return jdbc.sql("SELECT tenant_id FROM referral WHERE referral_number = ?").param(referralNumber)
        .query(String.class).optional().orElseThrow(() -> new IllegalStateException(
            "no case " + referralNumber + " for a budget commitment"));
  }

  /** The pool a case of this Puskesos draws from: the city's, or its own when the program is kept per kelurahan. */
  private static String pool(Program program, String tenant) {
    return program.perKelurahan() ? tenant : CITY_POOL;
  }

  /** The pool a commitment's reservation drew from (reservations from before pools drew from the city's). */
  private static String drawnFrom(Commitment c) {
    return c.pool() == null ? CITY_POOL : c.pool();
  }

  private void release(Commitment c, String reason) {
    if (c.status() == CommitmentStatus.RESERVED) {
      jdbc.sql("UPDATE program_budget SET reserved = reserved - ? WHERE program_code = ? AND period = ? AND pool = ?")
          .params(c.remaining(), c.programCode(), c.period(), drawnFrom(c)).update();
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
    return new Budget(rs.getString("program_code"), rs.getString("period"), rs.getString("tenant_id"),
        rs.getLong("allocated"), rs.getLong("reserved"), rs.getLong("disbursed"));
  }

  private static Commitment mapCommitment(ResultSet rs, int row) throws SQLException {
    return new Commitment(rs.getString("referral_number"), rs.getString("program_code"), rs.getString("period"),
        rs.getString("household_kk"), rs.getLong("amount"), rs.getLong("disbursed"),
        CommitmentStatus.valueOf(rs.getString("status")), rs.getString("tenant_id"), rs.getString("pool"));
  }
}
