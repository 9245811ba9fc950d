package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.common.Variable.jsonList;
import static id.puskesos.rujukan.common.Variable.list;
import static id.puskesos.rujukan.common.Variable.moment;
import static id.puskesos.rujukan.common.Variable.options;
import static id.puskesos.rujukan.common.Variable.text;
import static id.puskesos.rujukan.common.Variable.wholeNumber;
import static id.puskesos.rujukan.common.Variable.wholeNumbers;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import id.puskesos.rujukan.common.Variable;

/**
 * Names in {@code processes/participatory-evaluation.bpmn} that code and tests refer to. Started by the koordinator
 * in Tasklist or by {@link ScheduleProcesses.Evaluation} at the start of each quarter.
 */
public final class EvaluationProcess {

  public static final String PROCESS_ID = "participatory-evaluation";
  public static final String START_EVALUATION_REQUESTED = "start_evaluationRequested";
  public static final String TASK_OPEN_EVALUATION = "task_openEvaluation";
  public static final String END_ALREADY_EVALUATED = "end_alreadyEvaluated";
  public static final String TASK_SEND_PACK = "task_sendPack";
  public static final String SUBPROCESS_FEEDBACK = "subprocess_feedback";
  public static final String TASK_GIVE_FEEDBACK = "task_giveFeedback";
  public static final String TASK_RECORD_FEEDBACK = "task_recordFeedback";
  public static final String TIMER_FEEDBACK_CLOSED = "timer_feedbackClosed";
  public static final String TASK_SUMMARISE_FEEDBACK = "task_summariseFeedback";
  public static final String TASK_HOLD_MEETING = "task_holdMeeting";
  public static final String TASK_RECORD_MEETING = "task_recordMeeting";
  public static final String TASK_ISSUE_APPRECIATION = "task_issueAppreciation";
  public static final String SUBPROCESS_ACTION_ITEMS = "subprocess_actionItems";
  public static final String TASK_DO_ACTION_ITEM = "task_doActionItem";
  public static final String TASK_RECORD_ACTION_ITEM = "task_recordActionItem";
  public static final String END_EVALUATION_CLOSED = "end_evaluationClosed";

  /**
   * The process's variables, each declared once as a typed {@link Variable}; docs/history.md gives the history
   * decision per variable. Feedback answers and the meeting's free text are never kept in history: the evaluation's
   * tables keep them.
   */
  public static final class Variables {
    /** Set by the engine when a user (the koordinator) starts it, not the schedule (the start event's initiator). */
    public static final Variable<String> INITIATOR = text("initiator");
    /**
     * The Puskesos (kelurahan code) the schedule opens the evaluation of; the instance is stamped with it
     * (CaseTenants). None on a start by hand: the koordinator's instance has their Puskesos; an instance without one
     * (started by the city SLRT or an administrator) is the city's evaluation.
     */
    public static final Variable<String> PUSKESOS_CODE = text("puskesosCode");
    /** Who holds the meeting: the group {@code koordinator} (a Puskesos's) or {@code slrt} (the city's). */
    public static final Variable<String> EVALUATION_LEAD = text("evaluationLead");
    /** Optional on a start by hand: the first and last day of the period (ISO dates); else the last quarter. */
    public static final Variable<String> PERIOD_FROM = text("periodFrom");
    public static final Variable<String> PERIOD_TO = text("periodTo");
    public static final Variable<Long> EVALUATION_ID = wholeNumber("evaluationId");
    public static final Variable<String> EVALUATION_LABEL = text("evaluationLabel");
    public static final Variable<Boolean> ALREADY_EVALUATED = Variable.flag("alreadyEvaluated");
    public static final Variable<String> PACK_URL = text("packUrl");
    /** Codes of the participants (PUSKESOS and each partner): the feedback tasks' collection. */
    public static final Variable<List<String>> PARTICIPANTS = list("participants");
    public static final Variable<String> PARTICIPANT = text("participant");
    public static final Variable<String> PARTICIPANT_NAME = text("participantName");
    /** When the feedback round closes and the meeting goes on with the answers given. */
    public static final Variable<Date> FEEDBACK_CLOSES_AT = moment("feedbackClosesAt");
    public static final Variable<String> WORKED = text("worked").notInHistory();
    public static final Variable<String> OBSTACLES = text("obstacles").notInHistory();
    public static final Variable<String> IDEAS = text("ideas").notInHistory();
    public static final Variable<String> FEEDBACK_SUMMARY = text("feedbackSummary").notInHistory();
    public static final Variable<Map<String, String>> PARTICIPANT_OPTIONS = options("participantOptions");
    public static final Variable<Map<String, String>> PARTNER_OPTIONS = options("partnerOptions");
    public static final Variable<Map<String, String>> OWNER_OPTIONS = options("ownerOptions");
    public static final Variable<String> MEETING_DATE = text("meetingDate");
    public static final Variable<List<String>> ATTENDANCE = jsonList("attendance");
    public static final Variable<String> OTHER_ATTENDEES = text("otherAttendees").notInHistory();
    public static final Variable<String> DECISIONS = text("decisions").notInHistory();
    public static final Variable<List<String>> IDEAS_ADOPTED = jsonList("ideasAdopted");
    /**
     * The meeting form's action items: rows 1 to {@link #ACTION_ROWS} of {@code actionDescription<n>},
     * {@code actionOwner<n>} (a group) and {@code actionDue<n>} (a day), index 0 being row 1. Camunda Forms'
     * repeatable list cannot be used: Tasklist 7.24 keeps Complete disabled once a field of such a list was edited.
     */
    public static final int ACTION_ROWS = 5;
    public static final List<Variable<String>> ACTION_DESCRIPTION = rows("actionDescription", true);
    public static final List<Variable<String>> ACTION_OWNER = rows("actionOwner", false);
    public static final List<Variable<String>> ACTION_DUE = rows("actionDue", false);
    /** Ids of the recorded action items: the tracked tasks' collection. */
    public static final Variable<List<Long>> ACTION_ITEM_IDS = wholeNumbers("actionItemIds");
    public static final Variable<Long> ACTION_ITEM_ID = wholeNumber("actionItemId");
    public static final Variable<String> ACTION_ITEM_TEXT = text("actionItemText").notInHistory();
    public static final Variable<String> ACTION_OUTCOME = text("actionOutcome");
    public static final Variable<String> ACTION_RESULT = text("actionResult").notInHistory();

    private Variables() {
    }

    private static List<Variable<String>> rows(String prefix, boolean freeText) {
      List<Variable<String>> rows = new ArrayList<>();
      for (int row = 1; row <= ACTION_ROWS; row++) {
        Variable<String> variable = text(prefix + row);
        rows.add(freeText ? variable.notInHistory() : variable);
      }
      return List.copyOf(rows);
    }

    /** Every variable of the process, in the order declared, the action item rows last. */
    public static List<Variable<?>> all() {
      List<Variable<?>> all = new ArrayList<>(Variable.declaredIn(Variables.class));
      all.addAll(ACTION_DESCRIPTION);
      all.addAll(ACTION_OWNER);
      all.addAll(ACTION_DUE);
      return all;
    }
  }

  private EvaluationProcess() {
  }
}
