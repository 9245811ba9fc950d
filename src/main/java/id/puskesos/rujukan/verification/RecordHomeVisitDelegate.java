package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordHomeVisit} in referral.bpmn. Reads {@code visitDate}, {@code visitFindings},
 * {@code opinionsRequested}, {@code proposeDtksUpdate}; writes {@code opinionGroups} (the collection of the
 * professional-opinion sub-process, empty when none was asked for) and {@code opinionsSummary}.
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
    List<String> groups = verificationService.recordHomeVisit(string(execution, REFERRAL_NUMBER),
        string(execution, VISIT_DATE), string(execution, VISIT_FINDINGS), strings(execution, OPINIONS_REQUESTED),
        flag(execution, PROPOSE_DTKS_UPDATE), actors.current());
    execution.setVariable(OPINION_GROUPS, new ArrayList<>(groups));
    execution.setVariable(OPINIONS_SUMMARY, groups.isEmpty() ? "tidak diminta" : "");
  }
}
