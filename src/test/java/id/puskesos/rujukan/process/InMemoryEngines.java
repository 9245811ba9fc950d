package id.puskesos.rujukan.process;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A plain process engine of its own for a test, on an in-memory H2 database, storing variables as JSON with full
 * history as the application does; the caller adds what it needs and builds it.
 */
public final class InMemoryEngines {

  private InMemoryEngines() {
  }

  public static StandaloneInMemProcessEngineConfiguration configuration(String purpose) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = purpose + "-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    return configuration;
  }
}
