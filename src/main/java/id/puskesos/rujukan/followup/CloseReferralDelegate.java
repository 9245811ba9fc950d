package id.puskesos.rujukan.followup;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * The closing service tasks of referral.bpmn ({@code task_closeNotEligible}, {@code task_closeAllRejected},
 * {@code task_closeWithdrawn}). Reads the task's input parameters {@code closingOutcome} and, where given,
 * {@code closingReason}.
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
    closingService.close(caseNumber(execution),
        ClosingService.ClosingOutcome.valueOf(CLOSING_OUTCOME.get(execution)),
        CLOSING_REASON.get(execution), actors.current());
  }
}
