package id.puskesos.rujukan.process;

/**
 * Names in {@code processes/monthly-report.bpmn} that code and tests refer to. Started by the koordinator in Tasklist
 * or by {@link ScheduleProcesses.Report} at the start of each month.
 */
public final class MonthlyReportProcess {

  public static final String PROCESS_ID = "monthly-report";
  public static final String START_REPORT_REQUESTED = "start_reportRequested";
  public static final String TASK_GENERATE_REPORT = "task_generateReport";
  public static final String TASK_REVIEW_REPORT = "task_reviewReport";
  public static final String TASK_RECORD_REVIEW = "task_recordReview";
  public static final String TASK_CORRECT_REPORT = "task_correctReport";
  public static final String TASK_ARCHIVE_REPORT = "task_archiveReport";
  public static final String TASK_SEND_REPORT = "task_sendReport";
  public static final String END_REPORT_SENT = "end_reportSent";

  /** The process's variables. */
  public static final class Variables {
    /** Optional on a start by hand: the month (YYYY-MM); else the month before. */
    public static final String REPORT_MONTH = "reportMonth";
    public static final String REPORT_ID = "reportId";
    public static final String REPORT_LABEL = "reportLabel";
    public static final String REPORT_URL = "reportUrl";
    public static final String REPORT_SUMMARY = "reportSummary";
    /** APPROVE or RETURN. */
    public static final String REPORT_DECISION = "reportDecision";
    public static final String REVIEW_NOTE = "reviewNote";
    public static final String NARRATIVE = "narrative";
    public static final String CORRECTION_NOTE = "correctionNote";

    private Variables() {
    }
  }

  private MonthlyReportProcess() {
  }
}
