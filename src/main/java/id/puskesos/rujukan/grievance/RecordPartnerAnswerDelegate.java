package id.puskesos.rujukan.grievance;

import static id.puskesos.rujukan.process.GrievanceProcess.Variables.GRIEVANCE_NUMBER;
import static id.puskesos.rujukan.process.GrievanceProcess.Variables.PARTNER_ANSWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordPartnerAnswer} in grievance.bpmn, after the partner's {@code task_answerGrievance}: reads
 * {@code partnerAnswer} and records it; only the staff of the partner the grievance is about may give it.
 */
@Component
public class RecordPartnerAnswerDelegate implements JavaDelegate {

  private final Grievances grievances;
  private final Actors actors;

  public RecordPartnerAnswerDelegate(Grievances grievances, Actors actors) {
    this.grievances = grievances;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    grievances.answer(GRIEVANCE_NUMBER.get(execution), PARTNER_ANSWER.get(execution), actors.current());
  }
}
