package id.puskesos.rujukan.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class OneCasePerMigrationJobTest {

  @Test
  void migrationBatchesMoveOneCasePerJobWhileOtherBatchesKeepTheirSetting() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setInvocationsPerBatchJob(25);
    configuration.setInvocationsPerBatchJobByBatchType(Map.of(Batch.TYPE_SET_VARIABLES, 10));

    new OneCasePerMigrationJob().preInit(configuration);

    assertThat(configuration.getInvocationsPerBatchJobByBatchType())
        .containsEntry(Batch.TYPE_PROCESS_INSTANCE_MIGRATION, 1).containsEntry(Batch.TYPE_SET_VARIABLES, 10);
    assertThat(configuration.getInvocationsPerBatchJob()).isEqualTo(25);
  }
}
