package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordWaitingReview} in partner-referral.bpmn. Reads {@code waitingAction} (KEEP_WAITING, REDIRECT,
 * CANCEL), {@code redirectProgram} and {@code waitingNote}; on a redirect, sets {@code programCode} to the program the
 * partner referral goes on with.
 */
@Component
public class RecordWaitingReviewDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final Actors actors;

  public RecordWaitingReviewDelegate(PartnerService partnerService, Actors actors) {
    this.partnerService = partnerService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var action = checks.oneOf(PartnerService.WaitingAction.class, WAITING_ACTION, string(execution, WAITING_ACTION),
        "Tindakan");
    checks.throwIfAny();
    String program = partnerService.reviewWaiting(string(execution, REFERRAL_NUMBER), string(execution, PROGRAM_CODE),
        action, string(execution, REDIRECT_PROGRAM), string(execution, WAITING_NOTE), actors.current());
    execution.setVariable(PROGRAM_CODE, program);
  }
}
