package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordActionItem} in participatory-evaluation.bpmn, inside each action item. Reads
 * {@code actionItemId}, {@code actionOutcome} (DONE or DROPPED) and {@code actionResult}.
 */
@Component
public class RecordActionItemDelegate implements JavaDelegate {

  private final EvaluationMeetings meetings;
  private final Actors actors;

  public RecordActionItemDelegate(EvaluationMeetings meetings, Actors actors) {
    this.meetings = meetings;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.reportAction(ACTION_ITEM_ID.get(execution), ACTION_OUTCOME.get(execution),
        ACTION_RESULT.get(execution), actors.current());
  }
}
