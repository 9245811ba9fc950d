package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.*;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * {@code task_generateReport} in monthly-report.bpmn: draws up the month's report, or, after the back office's
 * correction, records the correction and draws it up again. Reads {@code reportMonth} (YYYY-MM, else the month
 * before), {@code initiator} (who asked for it in Tasklist; none: the schedule), {@code reportId}, {@code narrative},
 * {@code correctionNote}; writes {@code reportMonth},
 * {@code reportId}, {@code reportLabel}, {@code reportUrl} and {@code reportSummary}; business key LAP-2026-10. The
 * report is drawn up at the request of whoever started it, drawn up again after a correction included: not of the
 * back office user whose correction the redraw follows. The report is of the instance's Puskesos (its tenant: the
 * koordinator's, or the one the schedule named in {@code puskesosCode}).
 */
@Component
public class GenerateReportDelegate implements JavaDelegate {

  private final ActivityReports reports;

  public GenerateReportDelegate(ActivityReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth month = reports.month(REPORT_MONTH.get(execution));
    Long id = REPORT_ID.get(execution);
    if (id != null) {
      reports.correct(id, NARRATIVE.get(execution), CORRECTION_NOTE.get(execution));
    }
    String requester = INITIATOR.get(execution);
    id = reports.generate(month, tenantOf(execution), id, requester == null ? Actors.SYSTEM : requester);
    execution.setProcessBusinessKey("LAP-" + month);
    REPORT_MONTH.set(execution, month.toString());
    REPORT_ID.set(execution, id);
    REPORT_LABEL.set(execution, reports.label(reports.get(id)));
    REPORT_URL.set(execution, "/api/reports/activity/" + id);
    REPORT_SUMMARY.set(execution, reports.summary(id));
  }

  private static String tenantOf(DelegateExecution execution) {
    String tenant = execution.getTenantId() != null ? execution.getTenantId() : PUSKESOS_CODE.get(execution);
    if (tenant == null || tenant.isBlank()) {
      throw new InvalidInputException(PUSKESOS_CODE.name(),
          "Laporan kegiatan disusun per Puskesos: dimulai koordinator Puskesos atau oleh jadwal");
    }
    return tenant;
  }
}
