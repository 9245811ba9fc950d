package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordDecision} in partner-referral.bpmn. Reads {@code decision}, {@code rejectionReason},
 * {@code infoRequest}, {@code plannedAid}.
 */
@Component
public class RecordPartnerDecisionDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final Actors actors;

  public RecordPartnerDecisionDelegate(PartnerService partnerService, Actors actors) {
    this.partnerService = partnerService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    PartnerDecision decision = checks.oneOf(PartnerDecision.class, DECISION, string(execution, DECISION), "Keputusan");
    checks.throwIfAny();
    partnerService.decide(string(execution, REFERRAL_NUMBER), string(execution, PROGRAM_CODE), decision,
        string(execution, REJECTION_REASON), string(execution, INFO_REQUEST), string(execution, PLANNED_AID),
        actors.current());
  }
}
