package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordApproval} in referral.bpmn. Reads {@code approval} and {@code coordinatorNote}; on a
 * revision, writes the note to {@code routingNote} for the back office.
 */
@Component
public class RecordApprovalDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final Actors actors;

  public RecordApprovalDelegate(RoutingService routingService, Actors actors) {
    this.routingService = routingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var approval = checks.oneOf(RoutingService.Approval.class, APPROVAL, string(execution, APPROVAL),
        "Keputusan koordinator");
    checks.throwIfAny();
    String note = string(execution, COORDINATOR_NOTE);
    routingService.recordApproval(string(execution, REFERRAL_NUMBER), approval, note, actors.current());
    if (approval == RoutingService.Approval.REVISE) {
      execution.setVariable(ROUTING_NOTE, "Dikembalikan koordinator: " + note);
    }
  }
}
