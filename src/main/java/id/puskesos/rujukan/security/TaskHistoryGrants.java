package id.puskesos.rujukan.security;


import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import id.puskesos.rujukan.process.ParseHooks;
import id.puskesos.rujukan.access.CaseAccess;

/**
 * A task's workers see its history while the task is open, not after. With historic instance permissions on (which
 * {@link CaseAccess} needs to show a partner its own partner referrals), Camunda gives every candidate group and
 * assignee a grant on the task's history ({@code HISTORIC_TASK} READ) and never takes it back; that grant reads the
 * history of the task's whole process instance, variables included ({@code HistoricVariableInstance.xml} joins
 * every task of the instance). So a health worker asked for one opinion read, for years, everything the case held,
 * also what was entered after the opinion. When a task ends (completed, or deleted with its instance) its history
 * grants go; Puskesos staff keep the history through their process grants, a partner through its instance grants.
 * Grants left by tasks that ended before this rule are removed by migration V17.
 */
@Component
public class TaskHistoryGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseHooks.onUserTask(configuration, (activity, definition) -> {
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskHistoryGrants::revoke);
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskHistoryGrants::revoke);
    });
  }

  private static void revoke(DelegateTask task) {
    Context.getCommandContext().getAuthorizationManager()
        .deleteAuthorizationsByResourceId(Resources.HISTORIC_TASK, task.getId());
  }
}
