package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.REFERRAL_NUMBER;
import static id.puskesos.rujukan.process.CaseVariables.WITHDRAWAL_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.intake.WithdrawalService;

/** referral-withdrawal.bpmn: the front office records a withdrawal from Tasklist. */
@Deployment(resources = "processes/referral-withdrawal.bpmn")
class WithdrawalProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  @Test
  void withdrawalFormClosesTheNamedReferral() {
    ProcessInstance withdrawal = runtimeService().startProcessInstanceByKey(WithdrawalProcess.PROCESS_ID,
        Map.of(REFERRAL_NUMBER.name(), "RJK-2026-000003", WITHDRAWAL_REASON.name(), "Sudah bekerja"));

    assertThat(withdrawal).isEnded().hasPassed(WithdrawalProcess.END_WITHDRAWAL_RECORDED);
    verify(mocked(WithdrawalService.class)).withdraw("RJK-2026-000003", "Sudah bekerja");
  }
}
