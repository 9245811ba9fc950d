package id.puskesos.rujukan.process;

import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * What the engine's history keeps, per kind of event: what an auditor asks of a case, not every step the engine
 * took. Kept as the default handler writes them: the instances (started, ended, where, by whom), every user task
 * (who claimed and completed it when), who it was offered to (identity links), the user operation log, incidents,
 * every decision, and each kept variable's last value. Not kept:
 * <ul>
 * <li>a variable's every update and a submitted form's every field ({@code ACT_HI_DETAIL}): the form's values again,
 * next to the variable's last value, the operation log's "who completed the task" and the case file's record of the
 * same decision with its author (and the form's fields would carry what the variables keep out: income, religion,
 * notes);</li>
 * <li>the activity instances of the model's own steps ({@code ACT_HI_ACTINST}: gateways, service tasks, script-free
 * no-op steps, start and end events, and the user tasks the task history already holds); kept are the moments the
 * case waited for or was interrupted by the world: timers, messages, signals, conditions, errors and escalations on
 * boundaries or in between, and receive tasks;</li>
 * <li>the job log's churn ({@code ACT_HI_JOB_LOG}): jobs created, done or deleted as planned; kept are the failures,
 * with the error, the retries and the node (the incident's trail).</li>
 * </ul>
 * docs/history.md says why, and what the audit reads instead.
 */
final class AuditHistory {

  /** The activity types whose instances stay in the history: the case met the world there. */
  static final Set<String> KEPT_ACTIVITY_TYPES = Set.of(ActivityTypes.BOUNDARY_TIMER, ActivityTypes.BOUNDARY_MESSAGE,
      ActivityTypes.BOUNDARY_SIGNAL, ActivityTypes.BOUNDARY_ERROR, ActivityTypes.BOUNDARY_ESCALATION,
      ActivityTypes.BOUNDARY_CONDITIONAL, ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, ActivityTypes.INTERMEDIATE_EVENT_TIMER,
      ActivityTypes.INTERMEDIATE_EVENT_SIGNAL, ActivityTypes.INTERMEDIATE_EVENT_CONDITIONAL, ActivityTypes.TASK_RECEIVE_TASK);

  private AuditHistory() {
  }

  /**
   * Whether the event is written. An activity instance's start, updates and end share its type, so none of them
   * reaches the database for a type not kept (no update of a row never inserted).
   */
  static boolean kept(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      return KEPT_ACTIVITY_TYPES.contains(activity.getActivityType());
    }
    if (event instanceof HistoricFormPropertyEventEntity) {
      return false;
    }
    if (event instanceof HistoricJobLogEvent job) {
      return job.isFailureLog();
    }
    return true;
  }

  /** The default handler without the variable updates' details: the variable instance keeps the last value. */
  static final class WithoutVariableDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
