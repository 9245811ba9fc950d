package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code task_tallyApprovals} in model-change.bpmn: writes {@code changeApproved} ({@link ChangeSteps#tally}). */
@Component
public class TallyModelChangeApprovalsDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public TallyModelChangeApprovalsDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    APPROVED.set(execution, steps.tally(CHANGE_NUMBER.get(execution), APPROVER_GROUPS.get(execution)));
  }
}
