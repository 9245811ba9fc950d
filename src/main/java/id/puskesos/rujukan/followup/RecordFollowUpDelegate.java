package id.puskesos.rujukan.followup;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordFollowUp} in referral.bpmn. Reads the follow-up form ({@code residentReached}, {@code aidReceived},
 * {@code aidHelped}, {@code satisfaction}, {@code followUpNotes}); writes {@code followUpResult} (CLOSE, or DISCREPANCY
 * when the resident says the aid did not arrive) and, for the koordinator's check, {@code handoverRecords}.
 */
@Component
public class RecordFollowUpDelegate implements JavaDelegate {

  private final ClosingService closingService;
  private final Actors actors;

  public RecordFollowUpDelegate(ClosingService closingService, Actors actors) {
    this.closingService = closingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = caseNumber(execution);
    ClosingService.FollowUpResult result = closingService.recordFollowUp(number, RESIDENT_REACHED.get(execution),
        AID_RECEIVED.get(execution), AID_HELPED.get(execution), SATISFACTION.get(execution),
        FOLLOW_UP_NOTES.get(execution), actors.current());
    FOLLOW_UP_RESULT.set(execution, result.name());
    if (result == ClosingService.FollowUpResult.DISCREPANCY) {
      HANDOVER_RECORDS.set(execution, closingService.handoverRecords(number));
    }
  }
}
