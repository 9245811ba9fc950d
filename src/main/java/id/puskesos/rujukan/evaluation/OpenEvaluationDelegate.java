package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Groups;

/**
 * {@code task_openEvaluation} in participatory-evaluation.bpmn. Reads {@code periodFrom}, {@code periodTo},
 * {@code initiator} (set when the koordinator started it by hand), {@code puskesosCode} (the schedule's) and the
 * instance's tenant, which make the evaluation's scope ({@link EvaluationScopes}); writes {@code evaluationId},
 * {@code evaluationLabel}, {@code alreadyEvaluated}, {@code evaluationLead} (who holds the meeting), {@code packUrl},
 * {@code participants} (the feedback tasks' collection) and {@code feedbackClosesAt}; sets the business key
 * (EVAL-2026-Q3).
 */
@Component
public class OpenEvaluationDelegate implements JavaDelegate {

  private final Evaluations evaluations;
  private final EvaluationScopes scopes;
  private final Actors actors;

  public OpenEvaluationDelegate(Evaluations evaluations, EvaluationScopes scopes, Actors actors) {
    this.evaluations = evaluations;
    this.scopes = scopes;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean byHand = INITIATOR.get(execution) != null;
    String scope = scopes.of(execution.getTenantId(), PUSKESOS_CODE.get(execution), INITIATOR.get(execution));
    Evaluations.Opened opened = evaluations.open(scope, PERIOD_FROM.get(execution), PERIOD_TO.get(execution), byHand,
        actors.current());
    EVALUATION_LEAD.set(execution, EvaluationScopes.isCity(scope) ? Groups.SLRT : Groups.KOORDINATOR);
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
