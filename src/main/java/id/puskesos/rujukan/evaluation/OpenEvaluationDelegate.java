package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_openEvaluation} in participatory-evaluation.bpmn. Reads {@code periodFrom}, {@code periodTo} and
 * {@code initiator} (set when the koordinator started it by hand); writes {@code evaluationId},
 * {@code evaluationLabel}, {@code alreadyEvaluated}, {@code packUrl}, {@code participants} (the feedback tasks'
 * collection) and {@code feedbackClosesAt}; sets the business key (EVAL-2026-Q3).
 */
@Component
public class OpenEvaluationDelegate implements JavaDelegate {

  private final Evaluations evaluations;
  private final Actors actors;

  public OpenEvaluationDelegate(Evaluations evaluations, Actors actors) {
    this.evaluations = evaluations;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean byHand = INITIATOR.get(execution) != null;
    Evaluations.Opened opened = evaluations.open(PERIOD_FROM.get(execution), PERIOD_TO.get(execution), byHand,
        actors.current());
    ALREADY_EVALUATED.set(execution, opened.alreadyEvaluated());
    EVALUATION_ID.set(execution, opened.id());
    EVALUATION_LABEL.set(execution, opened.label());
    if (!opened.alreadyEvaluated()) {
      execution.setProcessBusinessKey(opened.businessKey());
      PACK_URL.set(execution, "/api/evaluations/" + opened.id() + "/pack");
      PARTICIPANTS.set(execution, opened.participants());
      FEEDBACK_CLOSES_AT.set(execution, evaluations.feedbackClosesAt());
    }
  }
}
