package id.puskesos.rujukan.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.springframework.stereotype.Component;

/**
 * The engine's own work is the administrator's: changing jobs (retries, suspension, due date, priority, running or
 * deleting one), job definitions and incidents, and starting the history cleanup, are refused to every signed-in
 * user outside {@code camunda-admin}, whatever grants they hold on the processes.
 * <p>
 * Why in the engine and not on a REST path: Camunda checks a job against the process it belongs to and skips the
 * check for a job that belongs to none ("standalone job: nothing to do" in {@code AuthorizationCommandChecker};
 * {@code AbstractSetJobStateCmd} suspends such a job unchecked, and {@code FindHistoryCleanupJobsCmd} hands its id
 * to anyone). The nightly history cleanup job and batch jobs are such jobs, so every signed-in user could change
 * them; and a group allowed to update a process's instances (the Puskesos's) could also suspend its job definitions
 * or resolve its incidents. The same commands serve {@code /engine-rest}, the webapps' API and Java callers, so the
 * rule sits in front of them: a command interceptor inside the engine's command context. The engine itself (the job
 * executor, the application acting on its own account) runs these commands without a signed-in user and is not
 * concerned. Batches and the shared Tasklist filters need nothing here: Camunda checks them against grants only
 * administrators hold ({@link Authorizations}, {@link TasklistFilters}).
 */
@Component
public class EngineWorkGuard extends AbstractProcessEnginePlugin {

  /** Commands on the engine's own work; a subclass counts as its base. */
  static final List<Class<?>> ADMINISTRATOR_ONLY = List.of(
      // jobs
      SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class, ExecuteJobsCmd.class, DeleteJobCmd.class,
      AbstractSetJobStateCmd.class,
      // a job run that failed, a refused one included, is recorded by this listener, which takes a retry and writes
      // the failure on the job (Camunda does so for a run refused by its own checks too): a refused run must not
      // count against the job
      FailedJobListener.class,
      // job definitions
      AbstractSetJobDefinitionStateCmd.class, SetJobDefinitionPriorityCmd.class,
      // incidents
      CreateIncidentCmd.class, ResolveIncidentCmd.class, SetAnnotationForIncidentCmd.class,
      // history cleanup (Camunda checks this one itself; named so the rule reads whole)
      HistoryCleanupCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    // post: inside the command context, where the caller's authentication is known
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new Guard());
  }

  static boolean administratorOnly(Command<?> command) {
    return ADMINISTRATOR_ONLY.stream().anyMatch(type -> type.isInstance(command));
  }

  private static final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (administratorOnly(command)) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (context.getProcessEngineConfiguration().isAuthorizationEnabled() && context.isAuthorizationCheckEnabled()
            && caller != null && !context.getAuthorizationManager().isCamundaAdmin(caller)) {
          throw new AuthorizationException("Hanya administrator yang boleh mengubah pekerjaan mesin proses (job, "
              + "definisi job, insiden, pembersihan riwayat)");
        }
      }
      return next.execute(command);
    }
  }
}
