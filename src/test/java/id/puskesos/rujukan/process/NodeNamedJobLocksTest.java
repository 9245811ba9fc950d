package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node restarted after a crash releases the claims on jobs its former self held under its name, before its job
 * executor starts, and leaves the other nodes' claims alone. Two engines one after the other on one database play
 * the node before and after the restart.
 */
class NodeNamedJobLocksTest {

  private final List<ProcessEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    for (int i = engines.size() - 1; i >= 0; i--) {
      engines.get(i).close();
    }
  }

  private ProcessEngine node(String database, String name) {
    StandaloneInMemProcessEngineConfiguration configuration = InMemoryEngines.configuration("job-locks");
    configuration.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(engines.isEmpty() ? "true" : "false");
    configuration.setHostname(name);
    configuration.setMetricsEnabled(false);
    configuration.setIdGenerator(new StrongUuidGenerator());
    List<ProcessEnginePlugin> plugins = new ArrayList<>(
        configuration.getProcessEnginePlugins());
    plugins.add(new NodeNamedJobLocks());
    configuration.setProcessEnginePlugins(plugins);
    ProcessEngine engine = configuration.buildProcessEngine();
    engines.add(engine);
    return engine;
  }

  @Test
  void aRestartedNodeReleasesWhatItsFormerSelfHeldAndNothingElse() {
    String database = "job-locks-" + System.nanoTime();
    ProcessEngine before = node(database, "node-a");
    before.getRepositoryService().createDeployment().addModelInstance("saved.bpmn",
        Bpmn.createExecutableProcess("saved").camundaHistoryTimeToLive(1).startEvent().camundaAsyncAfter()
            .endEvent().done()).deploy();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) before
        .getProcessEngineConfiguration();
    String formerSelf = configuration.getJobExecutor().getLockOwner();
    assertThat(formerSelf).startsWith("node-a:");
    JdbcClient jdbc = JdbcClient.create(configuration.getDataSource());
    Map<String, String> owners = Map.of("held by node-a before the crash", formerSelf,
        "held by node-b, alive", "node-b:7f3c", "held by node-ab, another node", "node-ab:1d2e");
    owners.forEach((business, owner) -> {
      String instance = before.getRuntimeService().startProcessInstanceByKey("saved", business).getId();
      jdbc.sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = DATEADD('HOUR', 1, CURRENT_TIMESTAMP)"
          + " WHERE PROCESS_INSTANCE_ID_ = ?").params(owner, instance).update();
    });

    node(database, "node-a");

    Map<String, String> ownerNow = new HashMap<>();
    jdbc.sql("SELECT e.BUSINESS_KEY_, j.LOCK_OWNER_ FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e"
        + " ON e.ID_ = j.PROCESS_INSTANCE_ID_").query((row, i) -> ownerNow.put(row.getString(1), row.getString(2)))
        .list();
    assertThat(ownerNow).containsEntry("held by node-a before the crash", null)
        .containsEntry("held by node-b, alive", "node-b:7f3c")
        .containsEntry("held by node-ab, another node", "node-ab:1d2e");
  }
}
