package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_simulateChange} in model-change.bpmn: writes {@code changeSimulationId}, {@code changeApproverGroups}
 * (the approval's multi-instance collection) and {@code changeSummary} for the approval form
 * ({@link ChangeSteps#simulate}).
 */
@Component
public class SimulateModelChangeDelegate implements JavaDelegate {

  private final ChangeSteps steps;

  public SimulateModelChangeDelegate(ChangeSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeSteps.Simulated simulated = steps.simulate(CHANGE_NUMBER.get(execution));
    SIMULATION_ID.set(execution, simulated.simulationId());
    APPROVER_GROUPS.set(execution, simulated.approverGroups());
    CHANGE_SUMMARY.set(execution, simulated.summary());
  }
}
