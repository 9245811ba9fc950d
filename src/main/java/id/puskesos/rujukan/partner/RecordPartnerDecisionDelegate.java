package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordDecision} in partner-referral.bpmn: the decision on the instance's own case and program (business
 * key and case file, {@link PartnerReferrals}). Reads {@code decision}, {@code rejectionCode},
 * {@code rejectionReason}, {@code infoRequest}, {@code plannedAid}, {@code grantAmount}; writes
 * {@code budgetReserved} (the gateway to the coordinator or to the waiting list), {@code budgetNote} and
 * {@code tryAlternative} (the accepted program was given up: the next alternative is tried).
 */
@Component
public class RecordPartnerDecisionDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final PartnerReferrals partnerReferrals;
  private final Actors actors;

  public RecordPartnerDecisionDelegate(PartnerService partnerService, PartnerReferrals partnerReferrals,
      Actors actors) {
    this.partnerService = partnerService;
    this.partnerReferrals = partnerReferrals;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    Checks checks = new Checks();
    PartnerDecision decision = checks.oneOf(PartnerDecision.class, DECISION, string(execution, DECISION), "Keputusan");
    RejectionCode code = string(execution, REJECTION_CODE) == null ? null
        : checks.oneOf(RejectionCode.class, REJECTION_CODE, string(execution, REJECTION_CODE), "Alasan penolakan");
    Long grant = number(execution, GRANT_AMOUNT);
    checks.throwIfAny();
    PartnerService.Decided decided = partnerService.decide(referral.referralNumber(),
        referral.programCode(), decision, code, string(execution, REJECTION_REASON),
        string(execution, INFO_REQUEST), string(execution, PLANNED_AID), grant, actors.current());
    execution.setVariable(BUDGET_RESERVED, decided.budgetReserved());
    execution.setVariable(BUDGET_NOTE, decided.budgetNote());
    execution.setVariable(TRY_ALTERNATIVE, decided.moveOn());
  }
}
