package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.EVALUATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code task_sendPack} in participatory-evaluation.bpmn: e-mails the pack to every participant. Reads {@code evaluationId}. */
@Component
public class SendEvaluationPackDelegate implements JavaDelegate {

  private final Evaluations evaluations;

  public SendEvaluationPackDelegate(Evaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    evaluations.sendPack(EVALUATION_ID.get(execution));
  }
}
