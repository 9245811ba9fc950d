package id.puskesos.rujukan.tenant;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.EvaluationProcess;
import id.puskesos.rujukan.process.GrievanceProcess;

/**
 * Stamps every new process instance with its Puskesos (the engine's tenant), so that the engine's tenant check keeps
 * one Puskesos's staff off another's tasks and cases in Tasklist, Cockpit and the REST API. The models are deployed
 * once for the city, without a tenant (shared); the instance's tenant is, in this order:
 * <ol>
 * <li>the calling instance's (a partner referral, an opinion, a proposal: the case's Puskesos);</li>
 * <li>the case's, when the instance is started about a case ({@code referralNumber}, {@code grievanceReferral}) by
 * the application or by a user who works for that Puskesos;</li>
 * <li>the Puskesos the instance is started for ({@code puskesosCode}: the schedule's evaluation and monthly report
 * of each Puskesos), by the application or by a user who works for it;</li>
 * <li>the starting user's, when they work for exactly one Puskesos (Tasklist's start form);</li>
 * <li>none: the city's own work (model changes, the schedules, the city's evaluation), which the engine shows to
 * every tenant, each resource still behind its grants.</li>
 * </ol>
 * A decision evaluated in an instance is recorded in the instance's tenant.
 */
@Component
public class CaseTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private final JdbcClient jdbc;
  private final IdentityService identityService;

  public CaseTenants(JdbcClient jdbc, @Lazy IdentityService identityService) {
    this.jdbc = jdbc;
    this.identityService = identityService;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    DelegateExecution caller = context.getSuperExecution();
    if (caller != null) {
      return caller.getTenantId();
    }
    return ofCase(context.getVariables()).or(() -> named(context.getVariables())).filter(this::startersOwn)
        .orElseGet(this::startersOnly);
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    return null; // no CMMN here
  }

  private Optional<String> ofCase(VariableMap variables) {
    for (String name : List.of(CaseVariables.REFERRAL_NUMBER.name(), GrievanceProcess.Variables.GRIEVANCE_REFERRAL.name())) {
      if (variables != null && variables.get(name) instanceof String number && !number.isBlank()) {
        Optional<String> tenant = jdbc.sql("SELECT tenant_id FROM referral WHERE referral_number = ?").param(number)
            .query(String.class).optional();
        if (tenant.isPresent()) {
          return tenant;
        }
      }
    }
    return Optional.empty();
  }

  /** The Puskesos a scheduled run is started for (the evaluation's and the report's variable of that name). */
  private Optional<String> named(VariableMap variables) {
    if (variables != null && variables.get(EvaluationProcess.Variables.PUSKESOS_CODE.name()) instanceof String code
        && !code.isBlank()) {
      return jdbc.sql("SELECT tenant_id FROM puskesos WHERE tenant_id = ?").param(code.trim()).query(String.class)
          .optional();
    }
    return Optional.empty();
  }

  /** A signed-in starter never puts an instance into a Puskesos they do not work for (its steps would refuse it). */
  private boolean startersOwn(String tenant) {
    Authentication starter = identityService.getCurrentAuthentication();
    return starter == null || starter.getTenantIds() != null && starter.getTenantIds().contains(tenant);
  }

  private String startersOnly() {
    Authentication starter = identityService.getCurrentAuthentication();
    List<String> tenants = starter == null || starter.getTenantIds() == null ? List.of() : starter.getTenantIds();
    return tenants.size() == 1 ? tenants.get(0) : null;
  }
}
