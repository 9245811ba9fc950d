package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_abandonChange} in model-change.bpmn, when {@code timer_revisionOverdue} fires: a change that failed its
 * checks or was sent back and was not revised in time is closed ({@link ChangeSteps#abandon}); a revision after that
 * is refused (409), and the analyst proposes again.
 */
@Component
public class AbandonModelChangeDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public AbandonModelChangeDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.abandon(CHANGE_NUMBER.get(execution));
  }
}
