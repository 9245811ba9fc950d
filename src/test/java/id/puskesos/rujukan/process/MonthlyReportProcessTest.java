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

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** monthly-report.bpmn: drawn up, reviewed by the koordinator (approved or sent back), archived and sent. */
@Deployment(resources = "processes/monthly-report.bpmn")
class MonthlyReportProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  private EvaluationFakes reports;

  @BeforeEach
  void reportFakes() {
    reports = EvaluationFakes.register(fakes);
  }

  @Test
  void aScheduledReportIsDrawnUpAndTheApprovedReportIsArchivedThenSent() {
    ProcessInstance report = runtimeService().startProcessInstanceByKey(PROCESS_ID);
    assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);
    assertThat(task(report)).hasCandidateGroup("koordinator");

    complete(task(report), withVariables(REPORT_DECISION, "APPROVE"));

    assertThat(fakes.callsAt(TASK_ARCHIVE_REPORT)).hasSize(1);
    // sent after a save point: a failing mail server retries the sending, not the approval
    assertThat(report).isWaitingAt(TASK_SEND_REPORT);
    execute(job(report));
    assertThat(report).isEnded().hasPassed(END_REPORT_SENT).hasNotPassed(TASK_CORRECT_REPORT);
    assertThat(reports.generated).isEqualTo(1);
  }

  @Test
  void aFailedSendingIsRetriedThreeTimesThenAnIncidentAndTheApprovalStands() {
    fakes.replace("sendReportDelegate", execution -> {
      throw new IllegalStateException("server surel mati");
    });
    ProcessInstance report = runtimeService().startProcessInstanceByKey(PROCESS_ID);
    complete(task(report), withVariables(REPORT_DECISION, "APPROVE"));

    String job = failUntilIncident(TASK_SEND_REPORT, 3, "server surel mati");
    assertThat(report).hasPassed(TASK_ARCHIVE_REPORT).isWaitingAt(TASK_SEND_REPORT);

    fakes.replace("sendReportDelegate", execution -> { });
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().setJobRetries(job, 1);
    passSavePoints();
    assertThat(report).isEnded().hasPassed(END_REPORT_SENT);
  }

  @Test
  void aReportSentBackIsCorrectedByTheBackOfficeDrawnUpAgainAndReviewedAgain() {
    ProcessInstance report = runtimeService().startProcessInstanceByKey(PROCESS_ID, Map.of(REPORT_MONTH, "2026-10"));
    complete(task(report), withVariables(REPORT_DECISION, "RETURN", REVIEW_NOTE, "Angka penyaluran belum lengkap"));

    assertThat(report).isWaitingAt(TASK_CORRECT_REPORT);
    assertThat(task(report)).hasCandidateGroup("bo");
    complete(task(report), withVariables(CORRECTION_NOTE, "Dua penyerahan dicatat", NARRATIVE, "Bulan ini ..."));

    assertThat(reports.generated).isEqualTo(2);
    assertThat(fakes.callsAt(TASK_GENERATE_REPORT).get(1).variables()).containsEntry(CORRECTION_NOTE,
        "Dua penyerahan dicatat").containsEntry(REPORT_ID, 3L);
    assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);
    complete(task(report), withVariables(REPORT_DECISION, "APPROVE"));
    execute(job(report));
    assertThat(report).isEnded().hasPassed(TASK_CORRECT_REPORT, END_REPORT_SENT);
  }
}
