package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordHomeVisit} in referral.bpmn: records the field verification. Reads the home-visit form;
 * writes {@code verificationResult}, {@code opinionGroups} (the collection of the professional-opinion
 * sub-process), {@code opinionsSummary}, {@code dtksListed} and the corrected {@code address}; removes
 * {@code correctedPhone}.
 */
@Component
public class RecordHomeVisitDelegate implements JavaDelegate {

  private final VerificationService verificationService;
  private final Actors actors;

  public RecordHomeVisitDelegate(VerificationService verificationService, Actors actors) {
    this.verificationService = verificationService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FieldVerification visit = new FieldVerification(VISIT_DATE.get(execution), VISIT_FINDINGS.get(execution),
        CORRECTED_ADDRESS.get(execution), CORRECTED_RT.get(execution), CORRECTED_RW.get(execution),
        CORRECTED_PHONE.get(execution), DTKS_STATUS.get(execution), toLong(DESIL.get(execution)),
        DECEASED.get(execution), MOVED_AWAY.get(execution), OPINIONS_REQUESTED.get(execution),
        VERIFICATION_RESULT.get(execution), NOT_ELIGIBLE_REASON.get(execution));
    VerificationService.FieldOutcome outcome = verificationService.recordFieldVerification(
        caseNumber(execution), visit, actors.current());
    OPINION_GROUPS.set(execution, new ArrayList<>(outcome.opinionGroups()));
    OPINIONS_SUMMARY.set(execution, outcome.opinionGroups().isEmpty() ? "tidak diminta" : "");
    DTKS_LISTED.set(execution, outcome.dtksListed());
    ADDRESS.set(execution, outcome.address());
    // the phone the fasilitator confirmed is in the registry now; the case's variables never keep it
    execution.removeVariable(CORRECTED_PHONE.name());
  }

  private static Long toLong(Integer value) {
    return value == null ? null : value.longValue();
  }
}
