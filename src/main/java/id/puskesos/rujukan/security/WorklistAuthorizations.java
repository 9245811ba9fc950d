package id.puskesos.rujukan.security;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's authorization checks on task lists cheap at a city's scale, without changing who sees what
 * (docs/security.md). Two costs grew with the data (measured by src/test/bench/worklist.sh; figures in
 * docs/operations.md):
 * <ul>
 * <li>A task list's check joins every grant of the user's groups on TASK or PROCESS_DEFINITION to every task, on
 * "resource id is the task's id, its definition's key or *". Camunda gives each candidate group a grant on each task
 * (READ and the work permission), so the fasilitator's list compared each of the group's tasks with each of the
 * group's task grants: n x n, 15 s for 5,000 tasks. A Puskesos group reads every task of the Puskesos's processes
 * through its READ_TASK grant on the definition ({@link Authorizations}); the READ on each task is then redundant,
 * and here it is left out: the task grant carries the work permission only. A group without READ_TASK on the
 * definition (a partner, nakes, babinsa, the city SLRT), or with any revoke on it, keeps READ on its tasks as before.
 * <li>Before every check the engine reads the distinct group ids of all grants ({@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION}), to drop the user's groups that hold no grant from the check: a scan of the whole table,
 * which holds a grant per closed partner referral, several times per request. Here the user's groups are checked
 * as they are: a group without grants matches none, so the outcome is the same.
 * </ul>
 * Camunda's own notes on the cost of authorization checks and on the grants it gives task candidates: the
 * Authorization Service page of the user guide, https://docs.camunda.org/manual/7.24/user-guide/process-engine/authorization-service/
 */
@Component
public class WorklistAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskReadFromDefinition());
    EngineSessions.replace(configuration, AuthorizationManager.class, UnfilteredGroups::new);
  }

  /** The engine's authorization manager, checking the user's groups without first reading every grant's group. */
  static class UnfilteredGroups extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
    }
  }

  /** Camunda's default grants, except the READ on a task for a group that reads all tasks of its definition. */
  static class TaskReadFromDefinition extends DefaultAuthorizationProvider {
    @Override
    protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId,
        Resource resource, boolean isHistoric, Permission... permissions) {
      Permission[] granted = permissions;
      if (groupId != null && !isHistoric && resource == Resources.TASK && readsTasksOfDefinition(task, groupId)) {
        granted = Arrays.stream(permissions).filter(p -> p.getValue() != Permissions.READ.getValue())
            .toArray(Permission[]::new);
      }
      return super.createOrUpdateAuthorization(task, userId, groupId, resource, isHistoric, granted);
    }

    /** The group holds READ_TASK on the task's definition (its key or *) and no revoke on it. */
    static boolean readsTasksOfDefinition(Task task, String groupId) {
      if (!(task instanceof TaskEntity entity) || entity.getProcessDefinition() == null) {
        return false;
      }
      String key = entity.getProcessDefinition().getKey();
      CommandContext command = Context.getCommandContext();
      List<Authorization> grants = command.runWithoutAuthorization(() -> command.getAuthorizationManager()
          .selectAuthorizationByQueryCriteria((AuthorizationQueryImpl) new AuthorizationQueryImpl()
              .groupIdIn(groupId).resourceType(Resources.PROCESS_DEFINITION)));
      List<Authorization> onDefinition = grants.stream()
          .filter(a -> key.equals(a.getResourceId()) || Authorization.ANY.equals(a.getResourceId())).toList();
      return onDefinition.stream().noneMatch(a -> a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT)
          && onDefinition.stream().anyMatch(a -> a.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK));
    }
  }
}
