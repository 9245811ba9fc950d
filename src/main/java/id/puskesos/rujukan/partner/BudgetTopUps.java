package id.puskesos.rujukan.partner;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.process.PartnerReferralProcess;
import id.puskesos.rujukan.referral.CaseFile;

/**
 * A partner adds budget to a program: the waiting list is served in order, and each case served goes on to its
 * handover. A case whose household meanwhile holds the program for the period through another
 * case is passed over, and its timeline says through which. All in one transaction: a case the budget reaches is reserved and its process
 * moved on together, or neither.
 */
@Service
@Transactional
public class BudgetTopUps {

  /** The budget after the top-up and the referrals it served, in order. */
  public record TopUp(Budgets.Budget budget, List<String> served) {
  }

  private final Budgets budgets;
  private final ProgramCatalogue catalogue;
  private final PartnerService partnerService;
  private final RuntimeService runtimeService;
  private final CaseAccess caseAccess;
  private final CaseFile caseFile;

  public BudgetTopUps(Budgets budgets, ProgramCatalogue catalogue, PartnerService partnerService,
      RuntimeService runtimeService, CaseAccess caseAccess, CaseFile caseFile) {
    this.budgets = budgets;
    this.catalogue = catalogue;
    this.partnerService = partnerService;
    this.runtimeService = runtimeService;
    this.caseAccess = caseAccess;
    this.caseFile = caseFile;
  }

  /** Adds to the city pool; see {@link #topUp(String, String, String, long, String, String)}. */
  public TopUp topUp(String programCode, String period, long amount, String note, String actor) {
    return topUp(programCode, period, null, amount, note, actor);
  }

  /**
   * Adds to one pool of the program ({@code puskesos}: null for the city pool, else the Puskesos's kelurahan code, for
   * a program kept per kelurahan) and moves on the cases it serves.
   */
  public TopUp topUp(String programCode, String period, String puskesos, long amount, String note, String actor) {
    Program program = catalogue.program(programCode);
    Budgets.Served result = budgets.topUp(program, period, puskesos, amount, actor, note);
    result.heldBack().forEach(h -> partnerService.passedOver(h.commitment().referralNumber(), program, h.holder(),
        actor));
    List<Budgets.Commitment> served = result.served();
    for (Budgets.Commitment c : served) {
      partnerService.budgetArrived(c.referralNumber(), programCode, c.period(), actor);
      // the partner may add budget; moving the served case on is the application's own step, on the partner
      // referral the case file assigned the program to
      String instance = caseFile.partnerInstance(c.referralNumber(), programCode).orElse(null);
      boolean moved = instance != null && !caseAccess.withoutAuthorization(() -> runtimeService
          .createMessageCorrelation(PartnerReferralProcess.MSG_BUDGET_RESERVED)
          .processInstanceId(instance)
          .correlateAllWithResult()).isEmpty();
      if (!moved) {
        // the waiting list and the processes disagree: better no top-up than a reservation nobody acts on
        throw new ConflictException("Rujukan %s ada di daftar tunggu %s tetapi prosesnya tidak menunggu anggaran; periksa di Cockpit"
            .formatted(c.referralNumber(), program.name()));
      }
    }
    String pool = program.perKelurahan() && puskesos != null ? puskesos.trim() : null;
    return new TopUp(budgets.budget(programCode, period, pool).orElseThrow(),
        served.stream().map(Budgets.Commitment::referralNumber).toList());
  }
}
