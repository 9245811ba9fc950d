package id.puskesos.rujukan.grievance;

import static id.puskesos.rujukan.process.GrievanceProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordGrievanceResponse} in grievance.bpmn, after the koordinator's {@code task_handleGrievance}: reads
 * {@code grievanceFinding}, {@code grievanceAction}, {@code grievanceOutcome} and {@code residentInformed}, records
 * them, and writes {@code forwardedToPartner} and {@code grievancePartnerGroup} for the gateway and the partner's
 * task. Invalid input fails the completion and the task stays.
 */
@Component
public class RecordGrievanceResponseDelegate implements JavaDelegate {

  private final Grievances grievances;
  private final Actors actors;

  public RecordGrievanceResponseDelegate(Grievances grievances, Actors actors) {
    this.grievances = grievances;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String partnerGroup = grievances.respond(GRIEVANCE_NUMBER.get(execution), new Grievances.Response(
        GRIEVANCE_FINDING.get(execution), GRIEVANCE_ACTION.get(execution), GRIEVANCE_OUTCOME.get(execution),
        RESIDENT_INFORMED.get(execution)), actors.current());
    FORWARDED_TO_PARTNER.set(execution, partnerGroup != null);
    if (partnerGroup != null) {
      GRIEVANCE_PARTNER_GROUP.set(execution, partnerGroup);
    }
  }
}
