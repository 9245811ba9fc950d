package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.referral.Need;

/**
 * {@code task_suggestPrograms} in referral.bpmn. Reads {@code needs}, {@code dtksListed},
 * {@code consentBaznas}, {@code consentSalman}; writes {@code programOptions} (the checklist's options) and
 * {@code selectedPrograms} (pre-selected).
 */
@Component
public class SuggestProgramsDelegate implements JavaDelegate {

  private final RoutingService routingService;

  public SuggestProgramsDelegate(RoutingService routingService) {
    this.routingService = routingService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RoutingService.Suggestion suggestion = routingService.suggest(routingRequest(execution));
    execution.setVariable(PROGRAM_OPTIONS, jsonOptions(suggestion.options()));
    execution.setVariable(SELECTED_PROGRAMS, jsonList(suggestion.suggested()));
  }

  static RoutingRequest routingRequest(DelegateExecution execution) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    strings(execution, NEEDS).forEach(n -> needs.add(Need.valueOf(n)));
    return new RoutingRequest(needs, flag(execution, DTKS_LISTED), flag(execution, CONSENT_BAZNAS),
        flag(execution, CONSENT_SALMAN));
  }
}
