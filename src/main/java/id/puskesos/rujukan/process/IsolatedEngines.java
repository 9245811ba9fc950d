package id.puskesos.rujukan.process;

import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A bare Camunda engine of the application's own, on an in-memory database, where a proposed model is deployed and
 * looked at before the cases' engine sees it (the model change's checks, the migration preview). Nothing is started
 * in it: no job executor, no history, no metrics. It is taken out of Camunda's static engine registry as soon as it is
 * built: the webapps and the REST API serve every registered engine, and this one has no authorization.
 */
public final class IsolatedEngines {

  private IsolatedEngines() {
  }

  /** Builds one; {@code extra} adds what the purpose needs to the configuration. */
  public static ProcessEngine build(String purpose, Consumer<StandaloneInMemProcessEngineConfiguration> extra) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = "rujukan-" + purpose + "-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    extra.accept(configuration);
    ProcessEngine engine = configuration.buildProcessEngine();
    ProcessEngines.unregister(engine);
    return engine;
  }
}
