package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordReview} in monthly-report.bpmn, right after the koordinator's review (a refusal keeps the task
 * open with the reason). Reads {@code reportId}, {@code reportDecision} (APPROVE or RETURN) and {@code reviewNote}.
 */
@Component
public class RecordReportReviewDelegate implements JavaDelegate {

  private final ActivityReports reports;
  private final Actors actors;

  public RecordReportReviewDelegate(ActivityReports reports, Actors actors) {
    this.reports = reports;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.review(REPORT_ID.get(execution), REPORT_DECISION.get(execution), REVIEW_NOTE.get(execution),
        actors.current());
  }
}
