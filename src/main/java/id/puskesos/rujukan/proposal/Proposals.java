package id.puskesos.rujukan.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.partner.RejectionCode;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * A national program's proposal (usulan) for a case's household: it waits in {@code proposal} for the batch of its
 * period, then for the ministry's decision list (penetapan) of that period. Enrolled, the household holds the
 * program in the household ledger as a recipient; rejected, the holding is released and routing's next alternative
 * takes over; not decided, the proposal goes into the next period's batch. No budget and no handover here.
 */
@Service
@Transactional
public class Proposals {

  /** Where a proposal stands in {@code proposal.status}. */
  public enum Status {
    PROPOSED, ENROLLED, REJECTED
  }

  /** What the decision list said for the case's proposal: the gateway in partner-referral.bpmn reads it. */
  public enum Outcome {
    ENROLLED, REJECTED, CARRIED_OVER
  }

  /** One proposal. */
  public record Proposal(long id, String referralNumber, String programCode, String householdKk, long residentId,
      String period, Status status, Long batchId, int cycles, String decisionReason, String decidedBy) {
  }

  static final String COLUMNS = """
      id, referral_number, program_code, household_kk, resident_id, period, status, batch_id, cycles, decision_reason,
      decided_by""";

  private final JdbcClient jdbc;
  private final CaseFile caseFile;
  private final Registry registry;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;
  private final HouseholdLedger ledger;
  private final Notifications notifications;
  private final ProposalSettings settings;
  private final Clock clock;

  public Proposals(JdbcClient jdbc, CaseFile caseFile, Registry registry, ProgramCatalogue catalogue, Budgets budgets,
      HouseholdLedger ledger, Notifications notifications, ProposalSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.caseFile = caseFile;
    this.registry = registry;
    this.catalogue = catalogue;
    this.budgets = budgets;
    this.ledger = ledger;
    this.notifications = notifications;
    this.settings = settings;
    this.clock = clock;
  }

  /** The case's proposal for the program, made now for the current period (once: a repeated call finds it). */
  public Proposal propose(String referralNumber, String programCode) {
    Optional<Proposal> existing = find(referralNumber, programCode);
    if (existing.isPresent()) {
      return existing.get();
    }
    Program program = catalogue.program(programCode);
    Resident resident = registry.get(caseFile.get(referralNumber).residentId());
    jdbc.sql("""
        INSERT INTO proposal (referral_number, program_code, household_kk, resident_id, period, status, cycles,
                              proposed_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)""")
        .params(referralNumber, programCode, resident.kkNumber(), resident.id(), budgets.currentPeriod(program),
            Status.PROPOSED.name(), OffsetDateTime.now(clock)).update();
    return find(referralNumber, programCode).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Proposal> find(String referralNumber, String programCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM proposal WHERE referral_number = ? AND program_code = ?")
        .params(referralNumber, programCode).query(Proposals::map).optional();
  }

  /**
   * When the proposal's decision is due: {@code rujukan.proposal.decision-due-after} after its period ends, at the
   * office's opening in Bandung.
   */
  public Date decisionDue(Proposal proposal) {
    Program program = catalogue.program(proposal.programCode());
    List<String> months = program.budgetPeriod().months(proposal.period());
    LocalDate end = YearMonth.parse(months.get(months.size() - 1)).atEndOfMonth();
    return Date.from(end.plus(settings.decisionDueAfter()).atTime(LocalTime.of(8, 0)).atZone(Dates.BANDUNG)
        .toInstant());
  }

  /** The decision list moved the case's proposal: records what it said on the case and in the household ledger. */
  public Outcome applyDecision(String referralNumber, String programCode) {
    Proposal p = find(referralNumber, programCode).orElseThrow();
    Program program = catalogue.program(programCode);
    // the operator who imported the decision list recorded it
    String actor = p.decidedBy() == null ? Actors.SYSTEM : p.decidedBy();
    switch (p.status()) {
      case ENROLLED -> {
        caseFile.setProgramStatus(referralNumber, programCode, ProgramStatus.ENROLLED,
            "Ditetapkan sebagai penerima periode " + p.period());
        ledger.setStatus(referralNumber, programCode, HouseholdLedger.Status.RECEIVING);
        caseFile.record(referralNumber, EventType.PROPOSAL_DECIDED, actor, "%s: keluarga ditetapkan sebagai penerima "
            + "periode %s; bantuan disalurkan lewat bank/pos ke kartu KKS".formatted(program.name(), p.period()),
            programCode);
        return Outcome.ENROLLED;
      }
      case REJECTED -> {
        String reason = "Usulan tidak ditetapkan periode %s: %s".formatted(p.period(),
            p.decisionReason() == null ? "tanpa alasan" : p.decisionReason());
        caseFile.recordDecision(referralNumber, programCode, ProgramStatus.REJECTED, RejectionCode.MINISTRY_REJECTED.name(), reason,
            null, null, actor);
        ledger.release(referralNumber, programCode, reason);
        caseFile.record(referralNumber, EventType.PROPOSAL_DECIDED, actor, program.name() + ": " + reason,
            programCode);
        return Outcome.REJECTED;
      }
      default -> {
        // the household holds the program for the new period now (one household, one aid per period)
        String held = ledger.hold(p.householdKk(), program, p.period(), referralNumber, HouseholdLedger.Status.PROPOSED)
            .map(h -> "; periode ini sudah dipegang keluarga melalui rujukan " + h.referralNumber()).orElse("");
        caseFile.record(referralNumber, EventType.PROPOSAL_DECIDED, actor, ("%s: belum diputuskan; usulan masuk batch "
            + "periode %s (siklus ke-%d)%s").formatted(program.name(), p.period(), p.cycles(), held));
        return Outcome.CARRIED_OVER;
      }
    }
  }

  /** The period passed without a decision: the back office and Dinas Sosial are reminded, the case says so. */
  public void remind(String referralNumber, String programCode) {
    Proposal p = find(referralNumber, programCode).orElseThrow();
    Program program = catalogue.program(programCode);
    String text = "Usulan %s rujukan %s periode %s belum ada keputusannya (daftar penetapan belum diimpor)"
        .formatted(program.name(), referralNumber, p.period());
    caseFile.record(referralNumber, EventType.PROPOSAL_DECIDED, Actors.SYSTEM, text);
    notifications.emailGroups(List.of(Groups.BACK_OFFICE, catalogue.partnerOf(program).group()),
        "Usulan belum diputuskan: " + program.name(), text, "proposal-late:" + p.id() + ":" + p.period(),
        referralNumber);
  }

  static Proposal map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    long batch = rs.getLong("batch_id");
    return new Proposal(rs.getLong("id"), rs.getString("referral_number"), rs.getString("program_code"),
        rs.getString("household_kk"), rs.getLong("resident_id"), rs.getString("period"),
        Status.valueOf(rs.getString("status")), rs.wasNull() ? null : batch, rs.getInt("cycles"),
        rs.getString("decision_reason"), rs.getString("decided_by"));
  }
}
