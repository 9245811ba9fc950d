package id.puskesos.rujukan.process;

/**
 * Names in {@code processes/evaluation-schedule.bpmn} and {@code report-schedule.bpmn}: the timers that start the
 * evaluation and the activity report. They are processes of their own because Camunda 7 allows a timer start event
 * only in a process without a none start event, and the koordinator starts the same processes from Tasklist.
 */
public final class ScheduleProcesses {

  private ScheduleProcesses() {
  }

  /** Each quarter: the participatory evaluation of the quarter before. */
  public static final class Evaluation {
    public static final String PROCESS_ID = "evaluation-schedule";
    public static final String START_QUARTERLY = "start_quarterly";
    public static final String TASK_START_EVALUATION = "task_startEvaluation";
    public static final String END_EVALUATION_STARTED = "end_evaluationStarted";

    private Evaluation() {
    }
  }

  /** Each month: the activity report of the month before. */
  public static final class Report {
    public static final String PROCESS_ID = "report-schedule";
    public static final String START_MONTHLY = "start_monthly";
    public static final String TASK_START_REPORT = "task_startReport";
    public static final String END_REPORT_STARTED = "end_reportStarted";

    private Report() {
    }
  }
}
