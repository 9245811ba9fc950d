package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.REPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/** {@code task_archiveReport} in monthly-report.bpmn: keeps the approved version as a PDF. Reads {@code reportId}. */
@Component
public class ArchiveReportDelegate implements JavaDelegate {

  private final ActivityReports reports;
  private final Actors actors;

  public ArchiveReportDelegate(ActivityReports reports, Actors actors) {
    this.reports = reports;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.archive(REPORT_ID.get(execution), actors.current());
  }
}
