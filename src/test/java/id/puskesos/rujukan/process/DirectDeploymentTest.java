package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outside a test server a signed-in user other than an administrator deploys nothing straight to the engine: a change
 * of the models reaches the cases as an approved model change (docs/analyst-guide.md), which the administrator's
 * request deploys. The application's own deployments (no signed-in user) go on.
 */
class DirectDeploymentTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theAnalystIsRefusedTheAdministratorAndTheApplicationDeploy() {
    engine = engine(false);
    engine.getIdentityService().setAuthentication("analis", List.of("analis"));
    assertThatThrownBy(this::deploy).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Pengguna 'analis' tidak men-deploy langsung").hasMessageContaining("/api/model-changes");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();

    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    deploy();
    engine.getIdentityService().clearAuthentication();
    deploy();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(2);
  }

  @Test
  void onATestServerTheAnalystDeploysAsCamundaModelerDoes() {
    engine = engine(true);
    engine.getIdentityService().setAuthentication("analis", List.of("analis"));
    deploy();
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isOne();
  }

  private void deploy() {
    engine.getRepositoryService().createDeployment().name("uji").addModelInstance("uji.bpmn",
        Bpmn.createExecutableProcess("uji").camundaHistoryTimeToLive(1).startEvent().endEvent().done()).deploy();
  }

  private static ProcessEngine engine(boolean analystDeploys) {
    StandaloneInMemProcessEngineConfiguration configuration = InMemoryEngines.configuration("direct-deployment");
    configuration.setAuthorizationEnabled(true);
    configuration.setAdminGroups(List.of("camunda-admin"));
    configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>(List.of(
        new ModelGuardPlugin.AdministratorsOwnModels(configuration, analystDeploys))));
    ProcessEngine built = configuration.buildProcessEngine();
    // the grants the application gives: both may create deployments as far as Camunda is concerned
    for (String group : List.of("analis", "camunda-admin")) {
      Authorization grant = built.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.DEPLOYMENT);
      grant.setResourceId("*");
      grant.addPermission(Permissions.CREATE);
      built.getAuthorizationService().saveAuthorization(grant);
    }
    return built;
  }
}
