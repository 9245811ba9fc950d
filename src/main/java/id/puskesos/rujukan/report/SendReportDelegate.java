package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.REPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_sendReport} in monthly-report.bpmn (after a save point): queues the archived report to its
 * recipients; the outbox sends each message once even when the step is retried. Reads {@code reportId}.
 */
@Component
public class SendReportDelegate implements JavaDelegate {

  private final ActivityReports reports;

  public SendReportDelegate(ActivityReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.send(REPORT_ID.get(execution));
  }
}
