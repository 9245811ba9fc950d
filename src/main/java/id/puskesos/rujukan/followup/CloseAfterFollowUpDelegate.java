package id.puskesos.rujukan.followup;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_closeFacilitated} in referral.bpmn: closes the case after the follow-up (and the koordinator's check,
 * where there was one) with the outcome the delivered aid and the resident's answers earned.
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
    closingService.close(caseNumber(execution), ClosingService.ClosingOutcome.BY_PROGRAMS, null,
        actors.current());
  }
}
