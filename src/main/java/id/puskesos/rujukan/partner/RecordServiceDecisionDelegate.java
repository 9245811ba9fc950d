package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordServiceDecision} in partner-referral.bpmn, on the instance's own case and program
 * ({@link PartnerReferrals}). Reads {@code serviceDecision} (CONFIRM or CANCEL) and
 * {@code coordinatorNote}; on confirmation writes {@code letterNumber}, the recommendation letter kept with the case.
 */
@Component
public class RecordServiceDecisionDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final PartnerReferrals partnerReferrals;
  private final Actors actors;

  public RecordServiceDecisionDelegate(PartnerService partnerService, PartnerReferrals partnerReferrals,
      Actors actors) {
    this.partnerService = partnerService;
    this.partnerReferrals = partnerReferrals;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    Checks checks = new Checks();
    var decision = checks.oneOf(PartnerService.ServiceDecision.class, SERVICE_DECISION.name(),
        SERVICE_DECISION.get(execution), "Penetapan layanan");
    checks.throwIfAny();
    LETTER_NUMBER.set(execution, partnerService.decideService(referral.referralNumber(),
        referral.programCode(), decision, COORDINATOR_NOTE.get(execution), actors.current()));
  }
}
