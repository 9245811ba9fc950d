package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.MonthlyReportProcess.*;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import java.time.YearMonth;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.report.ActivityReports;

/** monthly-report.bpmn: drawn up, reviewed by the koordinator (approved or sent back), archived and sent. */
@Deployment(resources = "processes/monthly-report.bpmn")
class MonthlyReportProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** The Puskesos the report is drawn up for (the engine of these tests stamps no tenant). */
  private static final String LEBAK = "3273021006";

  @Test
  void aScheduledReportIsDrawnUpAndTheApprovedReportIsArchivedThenSent() {
    ProcessInstance report = runtimeService().startProcessInstanceByKey(PROCESS_ID, Map.of(PUSKESOS_CODE.name(), LEBAK));
    assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);
    assertThat(task(report)).hasCandidateGroup("koordinator");

    complete(task(report), withVariables(REPORT_DECISION.name(), "APPROVE"));

    verify(mocked(ActivityReports.class)).archive(3L, "petugas");
    // sent after a save point: a failing mail server retries the sending, not the approval
    assertThat(report).isWaitingAt(TASK_SEND_REPORT);
    execute(job(report));
    assertThat(report).isEnded().hasPassed(END_REPORT_SENT).hasNotPassed(TASK_CORRECT_REPORT);
    // no one started it by hand: the schedule drew it up
    verify(mocked(ActivityReports.class)).generate(YearMonth.of(2026, 10), LEBAK, null, Actors.SYSTEM);
  }

  @Test
  void aFailedSendingIsRetriedThreeTimesThenAnIncidentAndTheApprovalStands() {
    doThrow(new IllegalStateException("server surel mati")).when(mocked(ActivityReports.class)).send(anyLong());
    ProcessInstance report = runtimeService().startProcessInstanceByKey(PROCESS_ID, Map.of(PUSKESOS_CODE.name(), LEBAK));
    complete(task(report), withVariables(REPORT_DECISION.name(), "APPROVE"));

    String job = failUntilIncident(TASK_SEND_REPORT, 3, "server surel mati");
    assertThat(report).hasPassed(TASK_ARCHIVE_REPORT).isWaitingAt(TASK_SEND_REPORT);

    doReturn(2).when(mocked(ActivityReports.class)).send(anyLong());
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().setJobRetries(job, 1);
    passSavePoints();
    assertThat(report).isEnded().hasPassed(END_REPORT_SENT);
  }

  @Test
  void aReportSentBackIsCorrectedByTheBackOfficeDrawnUpAgainAndReviewedAgain() {
    // started by hand in Tasklist: the start event names the koordinator as the initiator
    ProcessInstance report = runtimeService().startProcessInstanceByKey(PROCESS_ID, Map.of(REPORT_MONTH.name(),
        "2026-10", INITIATOR.name(), "koordinator", PUSKESOS_CODE.name(), LEBAK));
    complete(task(report), withVariables(REPORT_DECISION.name(), "RETURN", REVIEW_NOTE.name(),
        "Angka penyaluran belum lengkap"));

    assertThat(report).isWaitingAt(TASK_CORRECT_REPORT);
    assertThat(task(report)).hasCandidateGroup("bo");
    complete(task(report), withVariables(CORRECTION_NOTE.name(), "Dua penyerahan dicatat", NARRATIVE.name(),
        "Bulan ini ..."));

    verify(mocked(ActivityReports.class)).correct(3L, "Bulan ini ...", "Dua penyerahan dicatat");
    // drawn up again after the back office's correction, still at the koordinator's request
    verify(mocked(ActivityReports.class)).generate(YearMonth.of(2026, 10), LEBAK, null, "koordinator");
    verify(mocked(ActivityReports.class)).generate(YearMonth.of(2026, 10), LEBAK, 3L, "koordinator");
    assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);
    complete(task(report), withVariables(REPORT_DECISION.name(), "APPROVE"));
    execute(job(report));
    assertThat(report).isEnded().hasPassed(TASK_CORRECT_REPORT, END_REPORT_SENT);
  }
}
