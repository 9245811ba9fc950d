package id.puskesos.rujukan.recommendation;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.routing.RecommendationView;

/**
 * {@code task_recordRecommendation} in referral.bpmn, after the back office's {@code task_prepareRecommendation}.
 * Reads {@code recommendation} (REFER, CLOSE, ESCALATE), {@code removedPrograms}, {@code addedPrograms} and
 * {@code recommendationReason}; writes what the koordinator's form shows ({@code recommendationSummary},
 * {@code recommendedOptions}).
 */
@Component
public class RecordRecommendationDelegate implements JavaDelegate {

  private final Recommendations recommendations;
  private final RecommendationView view;
  private final Actors actors;

  public RecordRecommendationDelegate(Recommendations recommendations, RecommendationView view, Actors actors) {
    this.recommendations = recommendations;
    this.view = view;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = caseNumber(execution);
    recommendations.prepare(number, RECOMMENDATION.get(execution), REMOVED_PROGRAMS.get(execution),
        ADDED_PROGRAMS.get(execution), RECOMMENDATION_REASON.get(execution), actors.current());
    view.show(execution, number);
    // a later round (sent back, returned by the city) starts from the recommendation as it now stands
    REMOVED_PROGRAMS.set(execution, null);
    ADDED_PROGRAMS.set(execution, null);
  }
}
