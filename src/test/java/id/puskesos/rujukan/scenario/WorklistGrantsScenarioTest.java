package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.puskesos.rujukan.SignedIn;

/**
 * The grants the engine stores per task (security.WorklistAuthorizations): a Puskesos group that reads its
 * definitions' tasks gets no READ on each task, only the work permission, and still lists and works them; a partner's
 * group, which reads no definition's tasks, keeps READ on its own task; another partner sees neither.
 */
class WorklistGrantsScenarioTest extends ScenarioTestSupport {

  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private IdentityService identityService;

  private Authorization grant(Task task, String group) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .groupIdIn(group).singleResult();
  }

  private long visible(String user, List<String> groups, Task task) {
    SignedIn.as(identityService, user, groups);
    try {
      return taskService.createTaskQuery().taskId(task.getId()).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aPuskesosGroupWorksItsTasksWithoutAReadGrantOnEachAndAPartnerKeepsIts() {
    String number = api.openCase("ELDERLY");
    Task visit = api.task(number, "task_homeVisit");

    Authorization fasilitator = grant(visit, "fasilitator");
    assertThat(fasilitator.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(fasilitator.isPermissionGranted(TaskPermissions.UPDATE)
        || fasilitator.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(visible("fasilitator", List.of("fasilitator"), visit)).isOne();
    assertThat(visible("dinsos", List.of("dinsos"), visit)).isZero();

    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    Task decision = api.programTask(number, "task_decideReferral", "ATENSI");

    assertThat(grant(decision, "dinsos").isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(visible("dinsos", List.of("dinsos"), decision)).isOne();
    assertThat(visible("baznas", List.of("baznas"), decision)).isZero();
  }
}
