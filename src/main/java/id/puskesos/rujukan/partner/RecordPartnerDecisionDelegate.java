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
    PartnerDecision decision = checks.oneOf(PartnerDecision.class, DECISION.name(), DECISION.get(execution),
        "Keputusan");
    RejectionCode code = REJECTION_CODE.get(execution) == null ? null
        : checks.oneOf(RejectionCode.class, REJECTION_CODE.name(), REJECTION_CODE.get(execution), "Alasan penolakan");
    Long grant = GRANT_AMOUNT.get(execution);
    checks.throwIfAny();
    PartnerService.Decided decided = partnerService.decide(referral.referralNumber(),
        referral.programCode(), decision, code, REJECTION_REASON.get(execution),
        INFO_REQUEST.get(execution), PLANNED_AID.get(execution), grant, actors.current());
    BUDGET_RESERVED.set(execution, decided.budgetReserved());
    BUDGET_NOTE.set(execution, decided.budgetNote());
    TRY_ALTERNATIVE.set(execution, decided.moveOn());
  }
}
