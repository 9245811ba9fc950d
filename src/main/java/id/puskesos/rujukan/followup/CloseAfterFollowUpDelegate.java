package id.puskesos.rujukan.followup;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_closeFacilitated} in referral.bpmn. Reads the follow-up form ({@code aidReceived},
 * {@code aidHelped}, {@code satisfaction}, {@code followUpNotes}) and closes the case.
 */
@Component
public class CloseAfterFollowUpDelegate implements JavaDelegate {

  private final ClosingService closingService;
  private final Actors actors;

  public CloseAfterFollowUpDelegate(ClosingService closingService, Actors actors) {
    this.closingService = closingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closingService.closeAfterFollowUp(string(execution, REFERRAL_NUMBER), string(execution, AID_RECEIVED),
        string(execution, AID_HELPED), string(execution, SATISFACTION), string(execution, FOLLOW_UP_NOTES),
        actors.current());
  }
}
