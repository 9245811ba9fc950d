package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.process.CaseVariables.number;
import static id.puskesos.rujukan.process.CaseVariables.string;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.*;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_generateReport} in monthly-report.bpmn: draws up the month's report, or, after the back office's
 * correction, records the correction and draws it up again. Reads {@code reportMonth} (YYYY-MM, else the month
 * before), {@code reportId}, {@code narrative}, {@code correctionNote}; writes {@code reportMonth},
 * {@code reportId}, {@code reportLabel}, {@code reportUrl} and {@code reportSummary}; business key LAP-2026-10.
 */
@Component
public class GenerateReportDelegate implements JavaDelegate {

  private final ActivityReports reports;
  private final Actors actors;

  public GenerateReportDelegate(ActivityReports reports, Actors actors) {
    this.reports = reports;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = reports.month(string(execution, REPORT_MONTH));
    Long id = number(execution, REPORT_ID);
    if (id != null) {
      reports.correct(id, string(execution, NARRATIVE), string(execution, CORRECTION_NOTE));
    }
    id = reports.generate(month, id, actors.current());
    execution.setProcessBusinessKey("LAP-" + month);
    execution.setVariable(REPORT_MONTH, month.toString());
    execution.setVariable(REPORT_ID, id);
    execution.setVariable(REPORT_LABEL, reports.label(reports.get(id)));
    execution.setVariable(REPORT_URL, "/api/reports/activity/" + id);
    execution.setVariable(REPORT_SUMMARY, reports.summary(id));
  }
}
