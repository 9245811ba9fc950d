package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.REFERRAL_NUMBER;
import static id.puskesos.rujukan.process.CaseVariables.WITHDRAWAL_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/** referral-withdrawal.bpmn: the front office records a withdrawal from Tasklist. */
@Deployment(resources = "processes/referral-withdrawal.bpmn")
@ResourceLock("process-engine")
class WithdrawalProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test-engine.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  @BeforeEach
  void useThisEngine(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void withdrawalFormClosesTheNamedReferral() {
    FakeDelegates fakes = FakeDelegates.register();

    ProcessInstance withdrawal = runtimeService().startProcessInstanceByKey(WithdrawalProcess.PROCESS_ID,
        Map.of(REFERRAL_NUMBER, "RJK-2026-000003", WITHDRAWAL_REASON, "Sudah bekerja"));

    assertThat(withdrawal).isEnded().hasPassed(WithdrawalProcess.END_WITHDRAWAL_RECORDED);
    assertThat(fakes.callsAt("task_withdrawReferral")).singleElement().satisfies(call ->
        assertThat(call.variables()).containsEntry(REFERRAL_NUMBER, "RJK-2026-000003"));
  }
}
