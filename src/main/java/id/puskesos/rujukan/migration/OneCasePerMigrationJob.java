package id.puskesos.rujukan.migration;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A migration batch moves one case per job, whatever {@code invocationsPerBatchJob} says for other batches
 * (RUJUKAN_BATCH_CASES_PER_JOB, tuned for the decision list's bulk messages): a case that cannot be migrated then fails
 * its own job, holds back no other case, and each incident of the batch is exactly one case ({@link MigrationPlans}).
 * Model changes are rare and move hundreds of cases, not tens of thousands.
 */
@Component
class OneCasePerMigrationJob extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, Integer> perType = configuration.getInvocationsPerBatchJobByBatchType() == null ? new HashMap<>()
        : new HashMap<>(configuration.getInvocationsPerBatchJobByBatchType());
    perType.put(Batch.TYPE_PROCESS_INSTANCE_MIGRATION, 1);
    configuration.setInvocationsPerBatchJobByBatchType(perType);
  }
}
