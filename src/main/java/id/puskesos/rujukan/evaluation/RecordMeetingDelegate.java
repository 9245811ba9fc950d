package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordMeeting} in participatory-evaluation.bpmn, right after the meeting task (a refusal keeps the
 * task open with the reason). Reads {@code evaluationId}, {@code meetingDate}, {@code attendance},
 * {@code otherAttendees}, {@code decisions}, {@code ideasAdopted} and the action item rows
 * ({@code actionDescription<n>}, {@code actionOwner<n>}, {@code actionDue<n>}); writes {@code actionItemIds}, the
 * tracked tasks' collection.
 */
@Component
public class RecordMeetingDelegate implements JavaDelegate {

  private final EvaluationMeetings meetings;
  private final Actors actors;

  public RecordMeetingDelegate(EvaluationMeetings meetings, Actors actors) {
    this.meetings = meetings;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<EvaluationMeetings.ActionInput> actions = new ArrayList<>();
    for (int row = 0; row < ACTION_ROWS; row++) {
      EvaluationMeetings.ActionInput action = new EvaluationMeetings.ActionInput(
          ACTION_DESCRIPTION.get(row).get(execution), ACTION_OWNER.get(row).get(execution),
          ACTION_DUE.get(row).get(execution));
      if (action.description() != null || action.ownerGroup() != null || action.dueOn() != null) {
        actions.add(action);
      }
    }
    List<Long> ids = meetings.recordMeeting(EVALUATION_ID.get(execution), MEETING_DATE.get(execution),
        ATTENDANCE.get(execution), OTHER_ATTENDEES.get(execution), DECISIONS.get(execution),
        IDEAS_ADOPTED.get(execution), actions, actors.current());
    ACTION_ITEM_IDS.set(execution, ids);
  }
}
