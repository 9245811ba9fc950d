package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.common.Variable.text;
import static id.puskesos.rujukan.common.Variable.wholeNumber;

import java.util.List;

import id.puskesos.rujukan.common.Variable;

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

  /** The process's variables, each declared once as a typed {@link Variable}; docs/history.md gives the history. */
  public static final class Variables {
    /** Optional on a start by hand: the month (YYYY-MM); else the month before. */
    public static final Variable<String> REPORT_MONTH = text("reportMonth");
    /** Who started it by hand in Tasklist (the start event's {@code camunda:initiator}); null when the schedule did. */
    public static final Variable<String> INITIATOR = text("initiator");
    /**
     * The Puskesos (kelurahan code) the schedule draws the report up for; the instance is stamped with it
     * (CaseTenants). A koordinator's start by hand needs none: the instance has the koordinator's Puskesos.
     */
    public static final Variable<String> PUSKESOS_CODE = text("puskesosCode");
    public static final Variable<Long> REPORT_ID = wholeNumber("reportId");
    public static final Variable<String> REPORT_LABEL = text("reportLabel");
    public static final Variable<String> REPORT_URL = text("reportUrl");
    public static final Variable<String> REPORT_SUMMARY = text("reportSummary");
    /** APPROVE or RETURN. */
    public static final Variable<String> REPORT_DECISION = text("reportDecision");
    public static final Variable<String> REVIEW_NOTE = text("reviewNote").notInHistory();
    public static final Variable<String> NARRATIVE = text("narrative").notInHistory();
    public static final Variable<String> CORRECTION_NOTE = text("correctionNote");

    private Variables() {
    }

    /** Every variable of the process, in the order declared. */
    public static List<Variable<?>> all() {
      return Variable.declaredIn(Variables.class);
    }
  }

  private MonthlyReportProcess() {
  }
}
