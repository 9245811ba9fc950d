package id.puskesos.rujukan.followup;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * The closing service tasks of referral.bpmn ({@code task_closeNotEligible}, {@code task_closeAllRejected},
 * {@code task_closeWithdrawn}, {@code task_closeTakenOver}). Reads the task's input parameters {@code closingOutcome}
 * and, where given, {@code closingReason}. A closing one person's answer brings about is that person's; the closing
 * after every partner declined ({@code BY_PROGRAMS}) is summed up from all their decisions, so it is the system's.
 */
@Component
public class CloseReferralDelegate implements JavaDelegate {

  private final ClosingService closingService;
  private final Actors actors;

  public CloseReferralDelegate(ClosingService closingService, Actors actors) {
    this.closingService = closingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var outcome = ClosingService.ClosingOutcome.valueOf(CLOSING_OUTCOME.get(execution));
    closingService.close(caseNumber(execution), outcome, CLOSING_REASON.get(execution),
        outcome == ClosingService.ClosingOutcome.BY_PROGRAMS ? Actors.SYSTEM : actors.current());
  }
}
