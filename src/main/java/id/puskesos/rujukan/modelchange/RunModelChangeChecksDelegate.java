package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code task_runChecks} in model-change.bpmn: writes {@code changeChecksPassed} ({@link ChangeSteps#runChecks}). */
@Component
public class RunModelChangeChecksDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public RunModelChangeChecksDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CHECKS_PASSED.set(execution, steps.runChecks(CHANGE_NUMBER.get(execution)));
  }
}
