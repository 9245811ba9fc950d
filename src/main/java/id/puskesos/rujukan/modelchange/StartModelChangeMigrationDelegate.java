package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_startMigration} in model-change.bpmn, asynchronous after the deployment: the new version is in the
 * database then, and a failure to start is an incident of the change, retried. Writes {@code changeMigrationBatch}
 * ({@link ChangeSteps#startMigration}).
 */
@Component
public class StartModelChangeMigrationDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public StartModelChangeMigrationDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MIGRATION_BATCH.set(execution, steps.startMigration(CHANGE_NUMBER.get(execution)));
  }
}
