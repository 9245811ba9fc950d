package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.CaseVariables.number;
import static id.puskesos.rujukan.process.CaseVariables.string;
import static id.puskesos.rujukan.process.CaseVariables.strings;
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
    for (int row = 1; row <= ACTION_ROWS; row++) {
      EvaluationMeetings.ActionInput action = new EvaluationMeetings.ActionInput(
          string(execution, ACTION_DESCRIPTION + row), string(execution, ACTION_OWNER + row),
          string(execution, ACTION_DUE + row));
      if (action.description() != null || action.ownerGroup() != null || action.dueOn() != null) {
        actions.add(action);
      }
    }
    List<Long> ids = meetings.recordMeeting(number(execution, EVALUATION_ID), string(execution, MEETING_DATE),
        strings(execution, ATTENDANCE), string(execution, OTHER_ATTENDEES), string(execution, DECISIONS),
        strings(execution, IDEAS_ADOPTED), actions, actors.current());
    execution.setVariable(ACTION_ITEM_IDS, new ArrayList<>(ids));
  }
}
