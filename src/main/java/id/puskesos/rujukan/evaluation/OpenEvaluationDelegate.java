package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.CaseVariables.string;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import java.util.ArrayList;

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
    boolean byHand = string(execution, INITIATOR) != null;
    Evaluations.Opened opened = evaluations.open(string(execution, PERIOD_FROM), string(execution, PERIOD_TO), byHand,
        actors.current());
    execution.setVariable(ALREADY_EVALUATED, opened.alreadyEvaluated());
    execution.setVariable(EVALUATION_ID, opened.id());
    execution.setVariable(EVALUATION_LABEL, opened.label());
    if (!opened.alreadyEvaluated()) {
      execution.setProcessBusinessKey(opened.businessKey());
      execution.setVariable(PACK_URL, "/api/evaluations/" + opened.id() + "/pack");
      execution.setVariable(PARTICIPANTS, new ArrayList<>(opened.participants()));
      execution.setVariable(FEEDBACK_CLOSES_AT, evaluations.feedbackClosesAt());
    }
  }
}
