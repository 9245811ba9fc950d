package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_prepareEligibility} in referral.bpmn. Writes the inputs of the eligibility table
 * ({@code confirmedNeeds}, {@code dtksStatus}, {@code desil}, {@code pkhComponents}, {@code religion},
 * {@code povertyClass}, {@code schoolChildren}, {@code children}, {@code consentedPartners}; the names are in
 * {@link EligibilityTable}) from the registry, the consent register and the latest needs assessment.
 */
@Component
public class PrepareEligibilityDelegate implements JavaDelegate {

  private final RoutingService routingService;

  public PrepareEligibilityDelegate(RoutingService routingService) {
    this.routingService = routingService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(routingService.facts(caseNumber(execution)).variables());
  }
}
