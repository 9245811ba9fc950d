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
        OPINION_GROUP.get(execution), OPINION.get(execution), actors.current());
    String summary = OPINIONS_SUMMARY.get(execution);
    OPINIONS_SUMMARY.set(execution, summary == null ? line : summary + " | " + line);
  }
}
