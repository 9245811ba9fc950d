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
    FieldVerification visit = new FieldVerification(string(execution, VISIT_DATE), string(execution, VISIT_FINDINGS),
        string(execution, CORRECTED_ADDRESS), string(execution, CORRECTED_RT), string(execution, CORRECTED_RW),
        string(execution, CORRECTED_PHONE), string(execution, DTKS_STATUS), number(execution, DESIL),
        flag(execution, DECEASED), flag(execution, MOVED_AWAY), strings(execution, OPINIONS_REQUESTED),
        string(execution, VERIFICATION_RESULT), string(execution, NOT_ELIGIBLE_REASON));
    VerificationService.FieldOutcome outcome = verificationService.recordFieldVerification(
        caseNumber(execution), visit, actors.current());
    execution.setVariable(OPINION_GROUPS, new ArrayList<>(outcome.opinionGroups()));
    execution.setVariable(OPINIONS_SUMMARY, outcome.opinionGroups().isEmpty() ? "tidak diminta" : "");
    execution.setVariable(DTKS_LISTED, outcome.dtksListed());
    execution.setVariable(ADDRESS, outcome.address());
    // the phone the fasilitator confirmed is in the registry now; the case's variables never keep it
    execution.removeVariable(CORRECTED_PHONE);
  }
}
