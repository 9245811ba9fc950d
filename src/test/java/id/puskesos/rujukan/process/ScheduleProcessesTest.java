package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/** evaluation-schedule.bpmn and report-schedule.bpmn: the timers that start the evaluation and the report. */
@Deployment(resources = {"processes/evaluation-schedule.bpmn", "processes/report-schedule.bpmn"})
class ScheduleProcessesTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static final List<String> PUSKESOS = List.of("3273021006", "3273021005");

  @BeforeEach
  void twoPuskesos() {
    doReturn(List.of(new Puskesos(PUSKESOS.get(0), "Lebak Siliwangi", "Coblong"),
        new Puskesos(PUSKESOS.get(1), "Dago", "Coblong"))).when(mocked(PuskesosDirectory.class)).all();
  }

  @Test
  void theQuarterlyTimerIsDueAtSevenOnTheFirstDayOfTheNextQuarterAndStartsTheEvaluation() {
    Job timer = timer(ScheduleProcesses.Evaluation.PROCESS_ID);
    LocalDate today = LocalDate.now();
    LocalDate nextQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
    assertThat(timer.getDuedate()).isEqualTo(sevenOClock(nextQuarter));

    managementService().executeJob(timer.getId());

    // one evaluation per Puskesos, each started for it (CaseTenants stamps the instance with its tenant)
    for (String code : PUSKESOS) {
      verify(mocked(RuntimeService.class)).startProcessInstanceByKey(EvaluationProcess.PROCESS_ID,
          Map.of(EvaluationProcess.Variables.PUSKESOS_CODE.name(), code));
    }
    assertThat(historyService().createHistoricActivityInstanceQuery()
        .activityId(ScheduleProcesses.Evaluation.END_EVALUATION_STARTED).count()).isEqualTo(1);
    // the schedule goes on: a new start timer waits for its next due date
    assertThat(timer(ScheduleProcesses.Evaluation.PROCESS_ID).getId()).isNotEqualTo(timer.getId());
  }

  @Test
  void theMonthlyTimerIsDueAtSevenOnTheFirstOfNextMonthAndStartsTheReport() {
    Job timer = timer(ScheduleProcesses.Report.PROCESS_ID);
    assertThat(timer.getDuedate()).isEqualTo(sevenOClock(LocalDate.now().withDayOfMonth(1).plusMonths(1)));

    managementService().executeJob(timer.getId());

    for (String code : PUSKESOS) {
      verify(mocked(RuntimeService.class)).startProcessInstanceByKey(MonthlyReportProcess.PROCESS_ID,
          Map.of(MonthlyReportProcess.Variables.PUSKESOS_CODE.name(), code));
    }
    assertThat(historyService().createHistoricActivityInstanceQuery()
        .activityId(ScheduleProcesses.Report.END_REPORT_STARTED).count()).isEqualTo(1);
  }

  private static Job timer(String processKey) {
    return managementService().createJobQuery().processDefinitionKey(processKey).timers().singleResult();
  }

  /** Cron timers run in the server's time zone. */
  private static Date sevenOClock(LocalDate day) {
    return Date.from(day.atTime(7, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
