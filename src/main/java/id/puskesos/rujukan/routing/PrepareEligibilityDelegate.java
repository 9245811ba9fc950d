package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.process.ReferralProcess;

/**
 * {@code task_prepareEligibility} in referral.bpmn. Writes the inputs of the eligibility table
 * ({@code confirmedNeeds}, {@code dtksStatus}, {@code desil}, {@code pkhComponents}, {@code religion},
 * {@code povertyClass}, {@code schoolChildren}, {@code children}, {@code consentedPartners}; the names are in
 * {@link EligibilityTable}) from the registry, the consent register and the latest needs assessment, and
 * {@code eligibilityTableVersion}: the table's latest deployed version, which {@code task_evaluateEligibility}
 * evaluates (bound by that version). A table deployed alone is used by every case routed after its deployment; the
 * case keeps the version it was routed with, recorded on it.
 */
@Component
public class PrepareEligibilityDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final CaseAccess caseAccess;

  public PrepareEligibilityDelegate(RoutingService routingService, CaseAccess caseAccess) {
    this.routingService = routingService;
    this.caseAccess = caseAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(routingService.facts(caseNumber(execution)).variables());
    // the fasilitator whose form ran this step need not read decision definitions to be routed by the table
    DecisionDefinition table = caseAccess.withoutAuthorization(() -> execution.getProcessEngineServices()
        .getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(ReferralProcess.DECISION_PROGRAM_ELIGIBILITY).withoutTenantId().latestVersion()
        .singleResult());
    if (table == null) {
      throw new IllegalStateException("the eligibility table " + ReferralProcess.DECISION_PROGRAM_ELIGIBILITY
          + " is not deployed");
    }
    ELIGIBILITY_TABLE_VERSION.set(execution, table.getVersion());
  }
}
