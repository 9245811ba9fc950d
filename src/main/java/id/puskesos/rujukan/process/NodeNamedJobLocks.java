package id.puskesos.rujukan.process;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names a node's claims on jobs after the node ({@code RUJUKAN_NODE_NAME}, the engine's hostname) instead of a bare
 * random id, so an operator sees in {@code ACT_RU_JOB.LOCK_OWNER_} (and Cockpit) which node holds a job, e.g. the
 * jobs a dead node held until their lock lapses. The random part keeps a restarted node's claims apart from its
 * former self's.
 */
@Component
public class NodeNamedJobLocks extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(configuration.getHostname() + ":" + UUID.randomUUID());
    }
  }
}
