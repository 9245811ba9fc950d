package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_summariseFeedback} in participatory-evaluation.bpmn, when every participant answered or the round
 * closed. Reads {@code evaluationId}; writes {@code feedbackSummary} and the meeting form's choices
 * {@code participantOptions}, {@code partnerOptions} and {@code ownerOptions}.
 */
@Component
public class SummariseFeedbackDelegate implements JavaDelegate {

  private final EvaluationFeedback feedback;

  public SummariseFeedbackDelegate(EvaluationFeedback feedback) {
    this.feedback = feedback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EvaluationFeedback.Summary summary = feedback.summarise(EVALUATION_ID.get(execution));
    FEEDBACK_SUMMARY.set(execution, summary.text());
    PARTICIPANT_OPTIONS.set(execution, summary.participantOptions());
    PARTNER_OPTIONS.set(execution, summary.partnerOptions());
    OWNER_OPTIONS.set(execution, summary.ownerOptions());
  }
}
