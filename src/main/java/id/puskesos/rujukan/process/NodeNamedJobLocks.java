package id.puskesos.rujukan.process;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names a node's claims on jobs after the node ({@code RUJUKAN_NODE_NAME}, the engine's hostname) instead of a bare
 * random id, so an operator sees in {@code ACT_RU_JOB.LOCK_OWNER_} (and Cockpit) which node holds a job. The random
 * part keeps a restarted node's claims apart from its former self's.
 *
 * <p>A node that starts releases the claims its former self still holds under its name (killed or crashed while
 * they were locked), before its job executor acquires anything: the cases they belong to move on at once instead
 * of waiting out the lock time (5 minutes). A claim's revision is raised with it, as the engine does on every change
 * to a job, so nothing could complete the job under the old claim. Two live nodes must therefore never share a name
 * (docs/operations.md).
 */
@Component
public class NodeNamedJobLocks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeNamedJobLocks.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(configuration.getHostname() + ":" + UUID.randomUUID());
    }
  }

  /** Runs when the engine is built, before the job executor starts (on application ready). */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor == null) {
      return;
    }
    int released = JdbcClient.create(configuration.getDataSource()).sql("""
        UPDATE %sACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1
        WHERE LOCK_OWNER_ LIKE ? AND LOCK_OWNER_ <> ?""".formatted(configuration.getDatabaseTablePrefix()))
        .params(configuration.getHostname() + ":%", jobExecutor.getLockOwner()).update();
    if (released > 0) {
      LOG.info("Released {} job(s) this node ({}) held before it restarted", released, configuration.getHostname());
    }
  }
}
