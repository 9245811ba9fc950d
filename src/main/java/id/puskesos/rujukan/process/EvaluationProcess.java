package id.puskesos.rujukan.process;

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

  /** The process's variables. */
  public static final class Variables {
    /** Set by the engine when a user (the koordinator) starts it, not the schedule (the start event's initiator). */
    public static final String INITIATOR = "initiator";
    /** Optional on a start by hand: the first and last day of the period (ISO dates); else the last quarter. */
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    public static final String EVALUATION_ID = "evaluationId";
    public static final String EVALUATION_LABEL = "evaluationLabel";
    public static final String ALREADY_EVALUATED = "alreadyEvaluated";
    public static final String PACK_URL = "packUrl";
    /** Codes of the participants (PUSKESOS and each partner): the feedback tasks' collection. */
    public static final String PARTICIPANTS = "participants";
    public static final String PARTICIPANT = "participant";
    public static final String PARTICIPANT_NAME = "participantName";
    /** When the feedback round closes and the meeting goes on with the answers given (a date). */
    public static final String FEEDBACK_CLOSES_AT = "feedbackClosesAt";
    public static final String WORKED = "worked";
    public static final String OBSTACLES = "obstacles";
    public static final String IDEAS = "ideas";
    public static final String FEEDBACK_SUMMARY = "feedbackSummary";
    public static final String PARTICIPANT_OPTIONS = "participantOptions";
    public static final String PARTNER_OPTIONS = "partnerOptions";
    public static final String OWNER_OPTIONS = "ownerOptions";
    public static final String MEETING_DATE = "meetingDate";
    public static final String ATTENDANCE = "attendance";
    public static final String OTHER_ATTENDEES = "otherAttendees";
    public static final String DECISIONS = "decisions";
    public static final String IDEAS_ADOPTED = "ideasAdopted";
    /**
     * The meeting form's action items: rows 1 to {@link #ACTION_ROWS} of {@code actionDescription<n>},
     * {@code actionOwner<n>} (a group) and {@code actionDue<n>} (a day). Camunda Forms' repeatable list cannot be
     * used: Tasklist 7.24 keeps Complete disabled once a field of such a list was edited.
     */
    public static final int ACTION_ROWS = 5;
    public static final String ACTION_DESCRIPTION = "actionDescription";
    public static final String ACTION_OWNER = "actionOwner";
    public static final String ACTION_DUE = "actionDue";
    /** Ids of the recorded action items: the tracked tasks' collection. */
    public static final String ACTION_ITEM_IDS = "actionItemIds";
    public static final String ACTION_ITEM_ID = "actionItemId";
    public static final String ACTION_ITEM_TEXT = "actionItemText";
    public static final String ACTION_OUTCOME = "actionOutcome";
    public static final String ACTION_RESULT = "actionResult";

    private Variables() {
    }
  }

  private EvaluationProcess() {
  }
}
