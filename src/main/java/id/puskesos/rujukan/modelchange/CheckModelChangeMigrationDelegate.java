package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_checkMigration} in model-change.bpmn, every minute while the migration batch runs: records its outcome
 * and writes {@code changeMigrationFinished} ({@link ChangeSteps#checkMigration}).
 */
@Component
public class CheckModelChangeMigrationDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public CheckModelChangeMigrationDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MIGRATION_FINISHED.set(execution, steps.checkMigration(CHANGE_NUMBER.get(execution)));
  }
}
