package id.puskesos.rujukan.grievance;

import static id.puskesos.rujukan.process.GrievanceProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_registerGrievance} in grievance.bpmn, after Tasklist's start form: reads {@code grievanceReferral},
 * {@code grievanceKind}, {@code grievanceChannel}, {@code grievanceText} and {@code grievanceAbout}, registers the
 * grievance and writes its number, labels and business key. Invalid input fails the start; Tasklist shows why.
 */
@Component
public class RegisterGrievanceDelegate implements JavaDelegate {

  private final Grievances grievances;
  private final Actors actors;

  public RegisterGrievanceDelegate(Grievances grievances, Actors actors) {
    this.grievances = grievances;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Grievances.Registered registered = grievances.register(new GrievanceRequest(
        GRIEVANCE_REFERRAL.get(execution), GRIEVANCE_KIND.get(execution),
        GRIEVANCE_CHANNEL.get(execution), GRIEVANCE_TEXT.get(execution), GRIEVANCE_ABOUT.get(execution)),
        actors.current());
    execution.setVariables(registered.variables());
    execution.setProcessBusinessKey(registered.grievanceNumber());
    grievances.attachProcess(registered.grievanceNumber(), execution.getProcessInstanceId());
  }
}
