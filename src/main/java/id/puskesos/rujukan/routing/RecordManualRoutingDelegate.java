package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordManualRouting} in referral.bpmn. Reads {@code manualRouting} (ROUTE or CLOSE),
 * {@code selectedPrograms} and {@code notEligibleReason}; writes {@code programs}, {@code referredCount} and
 * {@code routingNote} (programs the coordinator chose that may not receive the case, and why).
 */
@Component
public class RecordManualRoutingDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final Actors actors;

  public RecordManualRoutingDelegate(RoutingService routingService, Actors actors) {
    this.routingService = routingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var choice = checks.oneOf(RoutingService.ManualRouting.class, MANUAL_ROUTING.name(), MANUAL_ROUTING.get(execution),
        "Keputusan koordinator");
    checks.throwIfAny();
    RoutingService.Routed routed = routingService.routeByHand(caseNumber(execution), choice,
        SELECTED_PROGRAMS.get(execution), NOT_ELIGIBLE_REASON.get(execution), actors.current());
    PROGRAMS.set(execution, new ArrayList<>(routed.referred()));
    REFERRED_COUNT.set(execution, routed.referred().size());
    ROUTING_NOTE.set(execution, routed.note());
  }
}
