package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordRecommendation} in referral.bpmn. Reads {@code routingDecision}, {@code selectedPrograms},
 * {@code notEligibleReason}; a recommendation to refer without a program is sent back to the form.
 */
@Component
public class RecordRecommendationDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final Actors actors;

  public RecordRecommendationDelegate(RoutingService routingService, Actors actors) {
    this.routingService = routingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var decision = checks.oneOf(RoutingService.RoutingDecision.class, ROUTING_DECISION,
        string(execution, ROUTING_DECISION), "Keputusan");
    checks.throwIfAny();
    routingService.recordRecommendation(string(execution, REFERRAL_NUMBER), decision,
        strings(execution, SELECTED_PROGRAMS), string(execution, NOT_ELIGIBLE_REASON), actors.current());
  }
}
