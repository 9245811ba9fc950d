package id.puskesos.rujukan.modelchange;

import static id.puskesos.rujukan.process.ModelChangeProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * On completing {@code task_approveChange} in model-change.bpmn (one task per approver group): records the group's
 * {@code changeDecision} and {@code changeNote} on the change's current revision. A send-back needs a note: the
 * completion is refused without one, and the task stays.
 */
@Component
public class RecordChangeApprovalListener implements TaskListener {

  private final ChangeSteps steps;
  private final Actors actors;

  public RecordChangeApprovalListener(ChangeSteps steps, Actors actors) {
    this.steps = steps;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    Checks checks = new Checks();
    ApprovalDecision decision = checks.oneOf(ApprovalDecision.class, DECISION.name(), DECISION.get(task), "Keputusan");
    String note = NOTE.get(task);
    checks.check(decision != ApprovalDecision.SEND_BACK || note != null && !note.isBlank(), NOTE.name(),
        "Tuliskan apa yang perlu diperbaiki analis");
    checks.check(note == null || note.length() <= 1000, NOTE.name(), "Catatan paling banyak 1000 huruf");
    checks.throwIfAny();
    steps.recordApproval(CHANGE_NUMBER.get(task), APPROVER_GROUP.get(task),
        decision.name(), note, actors.current());
  }
}
