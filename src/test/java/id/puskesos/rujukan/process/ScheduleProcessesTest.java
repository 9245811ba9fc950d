package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** evaluation-schedule.bpmn and report-schedule.bpmn: the timers that start the evaluation and the report. */
@Deployment(resources = {"processes/evaluation-schedule.bpmn", "processes/report-schedule.bpmn"})
class ScheduleProcessesTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  @Test
  void theQuarterlyTimerIsDueAtSevenOnTheFirstDayOfTheNextQuarterAndStartsTheEvaluation() {
    Job timer = timer(ScheduleProcesses.Evaluation.PROCESS_ID);
    LocalDate today = LocalDate.now();
    LocalDate nextQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
    assertThat(timer.getDuedate()).isEqualTo(sevenOClock(nextQuarter));

    managementService().executeJob(timer.getId());

    verify(mocked(RuntimeService.class)).startProcessInstanceByKey(EvaluationProcess.PROCESS_ID);
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

    verify(mocked(RuntimeService.class)).startProcessInstanceByKey(MonthlyReportProcess.PROCESS_ID);
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
