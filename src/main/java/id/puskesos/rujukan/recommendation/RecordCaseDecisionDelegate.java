package id.puskesos.rujukan.recommendation;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.routing.RecommendationView;

/**
 * {@code task_recordCaseDecision} in referral.bpmn, after the koordinator's {@code task_decideService}. Reads
 * {@code caseDecision} (APPROVE, SEND_BACK, ESCALATE) and {@code coordinatorNote}; writes {@code caseRoute} (the
 * gateway's way: PARTNERS, CLOSE, ESCALATE, SEND_BACK), {@code programs} (the collection of the partner call
 * activity) and {@code referredCount}, and for a case closed on the decision {@code notEligibleReason}.
 */
@Component
public class RecordCaseDecisionDelegate implements JavaDelegate {

  private final Recommendations recommendations;
  private final RecommendationView view;
  private final Actors actors;

  public RecordCaseDecisionDelegate(Recommendations recommendations, RecommendationView view, Actors actors) {
    this.recommendations = recommendations;
    this.view = view;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = caseNumber(execution);
    Recommendations.Decided decided = recommendations.decide(number, CASE_DECISION.get(execution),
        COORDINATOR_NOTE.get(execution), actors.current());
    CASE_ROUTE.set(execution, decided.route().name());
    PROGRAMS.set(execution, new ArrayList<>(decided.programs()));
    REFERRED_COUNT.set(execution, decided.programs().size());
    if (decided.closingReason() != null) {
      NOT_ELIGIBLE_REASON.set(execution, decided.closingReason());
    }
    if (decided.route() == Recommendations.CaseRoute.SEND_BACK) {
      view.show(execution, number);
    }
    // a later round's forms start empty (the decision and the reasons are kept in case_decision)
    CASE_DECISION.set(execution, null);
    RECOMMENDATION_REASON.set(execution, null);
  }
}
