package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_deployChange} in model-change.bpmn, run by the administrator's {@code msg_modelChangeDeploy} (which
 * carries {@code changeDeployedBy}): deploys ({@link ChangeSteps#deploy}).
 * A refusal (the base version changed) rolls the correlation back: the change keeps waiting.
 */
@Component
public class DeployModelChangeDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public DeployModelChangeDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.deploy(CHANGE_NUMBER.get(execution), DEPLOYED_BY.get(execution));
  }
}
