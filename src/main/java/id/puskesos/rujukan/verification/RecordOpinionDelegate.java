package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordOpinion} in referral.bpmn, once per requested profession. Reads {@code opinionGroup} and
 * {@code opinion} (local to the sub-process instance); appends to {@code opinionsSummary}.
 */
@Component
public class RecordOpinionDelegate implements JavaDelegate {

  private final VerificationService verificationService;
  private final Actors actors;

  public RecordOpinionDelegate(VerificationService verificationService, Actors actors) {
    this.verificationService = verificationService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String line = verificationService.recordOpinion(caseNumber(execution),
        string(execution, OPINION_GROUP), string(execution, OPINION), actors.current());
    String summary = string(execution, OPINIONS_SUMMARY);
    execution.setVariable(OPINIONS_SUMMARY, summary == null ? line : summary + " | " + line);
  }
}
