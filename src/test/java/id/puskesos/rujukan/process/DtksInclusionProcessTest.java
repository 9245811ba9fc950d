package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.DtksInclusionProcess.*;
import static id.puskesos.rujukan.process.RegistryVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.verification.DtksInclusion;

/** dtks-inclusion.bpmn: Dinsos submits the proposal and records its result, or declines it. */
@Deployment(resources = "processes/dtks-inclusion.bpmn")
class DtksInclusionProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  private static ProcessInstance propose() {
    return runtimeService().startProcessInstanceByKey(PROCESS_ID, "RJK-2026-000005",
        Map.of(CaseVariables.REFERRAL_NUMBER.name(), "RJK-2026-000005", CaseVariables.RESIDENT_ID.name(), 7L));
  }

  @Test
  void dinsosSubmitsTheProposalAndRecordsTheResult() {
    ProcessInstance proposal = propose();
    assertThat(proposal).isWaitingAt(TASK_SUBMIT_DTKS_PROPOSAL);
    assertThat(task(proposal)).hasCandidateGroup("dinsos");

    complete(task(proposal), withVariables(PROPOSAL_OUTCOME.name(), "SUBMITTED", PROPOSAL_REFERENCE.name(),
        "SIKS-2026-0042"));
    assertThat(proposal).isWaitingAt(TASK_RECORD_DTKS_RESULT);
    assertThat(task(proposal)).hasCandidateGroup("dinsos");
    complete(task(proposal), withVariables(RESULT_OUTCOME.name(), "LISTED", RESULT_DESIL.name(), 3, LISTED_ON.name(),
        "2026-11-20"));

    assertThat(proposal).isEnded().hasPassed(END_PROPOSAL_DECIDED);
    verify(mocked(DtksInclusion.class)).applyResult("RJK-2026-000005", 7L, DtksInclusion.Result.LISTED, 3L,
        "2026-11-20", "SIKS-2026-0042", null, "petugas");
  }

  @Test
  void declinedProposalEndsWithItsReason() {
    ProcessInstance proposal = propose();

    complete(task(proposal), withVariables(PROPOSAL_OUTCOME.name(), "DECLINED", DECLINE_REASON.name(),
        "Sudah terdaftar di KK lain"));

    assertThat(proposal).isEnded().hasPassed(END_PROPOSAL_DECLINED).hasNotPassed(TASK_RECORD_DTKS_RESULT);
  }
}
