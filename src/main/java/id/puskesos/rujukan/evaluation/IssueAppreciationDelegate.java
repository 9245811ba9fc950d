package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.EVALUATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_issueAppreciation} in participatory-evaluation.bpmn (after a save point: a failure retries and ends
 * as an incident, and a retry does not issue a letter twice). Reads {@code evaluationId}.
 */
@Component
public class IssueAppreciationDelegate implements JavaDelegate {

  private final Appreciations appreciations;

  public IssueAppreciationDelegate(Appreciations appreciations) {
    this.appreciations = appreciations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    appreciations.issueAppreciation(EVALUATION_ID.get(execution));
  }
}
