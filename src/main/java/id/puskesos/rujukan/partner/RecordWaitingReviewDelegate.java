package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordWaitingReview} in partner-referral.bpmn. Reads {@code waitingAction} (KEEP_WAITING, REDIRECT,
 * CANCEL), {@code redirectProgram} and {@code waitingNote}, on the instance's own case and program
 * ({@link PartnerReferrals}); on a redirect, the partner referral goes on with the new program (recorded, and in
 * {@code programCode}).
 */
@Component
public class RecordWaitingReviewDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final PartnerReferrals partnerReferrals;
  private final Actors actors;

  public RecordWaitingReviewDelegate(PartnerService partnerService, PartnerReferrals partnerReferrals,
      Actors actors) {
    this.partnerService = partnerService;
    this.partnerReferrals = partnerReferrals;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    Checks checks = new Checks();
    var action = checks.oneOf(PartnerService.WaitingAction.class, WAITING_ACTION.name(), WAITING_ACTION.get(execution),
        "Tindakan");
    checks.throwIfAny();
    String program = partnerService.reviewWaiting(referral.referralNumber(), referral.programCode(), action,
        REDIRECT_PROGRAM.get(execution), WAITING_NOTE.get(execution), actors.current());
    if (!program.equals(referral.programCode())) {
      partnerReferrals.goOnWith(execution, program);
    }
  }
}
