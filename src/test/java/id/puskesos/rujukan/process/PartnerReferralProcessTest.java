package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.*;
import static id.puskesos.rujukan.process.PartnerReferralProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of partner-referral.bpmn: accept and distribute, reject, ask the Puskesos for more information. */
@Deployment(resources = "processes/partner-referral.bpmn")
class PartnerReferralProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();


  @Test
  void referralGoesToThePartnersGroupWhichAcceptsAndDistributes() {
    ProcessInstance referral = refer("BAZNAS_SEHAT");
    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("baznas");

    complete(task(referral), withVariables(DECISION, "ACCEPT", PLANNED_AID, "Pelunasan tagihan RS"));
    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID);
    assertThat(task(referral)).hasCandidateGroup("baznas");
    complete(task(referral), withVariables(DISTRIBUTION_DATE, "2026-11-20", AID_AMOUNT, 1500000,
        PROOF_REFERENCE, "KW-0012", RECEIPT_CONFIRMED, true));

    assertThat(referral).isEnded().hasPassed(END_AID_DISTRIBUTED);
    assertThat(fakes.callsAt("task_recordDistribution")).singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry(PROOF_REFERENCE, "KW-0012"));
  }

  @Test
  void rejectionEndsThePartnerReferral() {
    ProcessInstance referral = refer("PKH");
    assertThat(task(referral)).hasCandidateGroup("dinsos");

    complete(task(referral), withVariables(DECISION, "REJECT", REJECTION_REASON, "Tidak ada komponen PKH"));

    assertThat(referral).isEnded().hasPassed(END_REFERRAL_REJECTED).hasNotPassed(TASK_DISTRIBUTE_AID);
  }

  @Test
  void questionGoesToTheBackOfficeAndTheAnswerBackToThePartner() {
    ProcessInstance referral = refer("SALMAN_SEMBAKO");

    complete(task(referral), withVariables(DECISION, "REQUEST_INFO", INFO_REQUEST, "Berapa jumlah tanggungan?"));
    assertThat(referral).isWaitingAt(TASK_PROVIDE_INFORMATION);
    assertThat(task(referral)).hasCandidateGroup("bo");
    complete(task(referral), withVariables(INFO_RESPONSE, "Empat orang"));

    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("salman");
    assertThat(fakes.callsAt("task_recordInformation")).singleElement()
        .satisfies(call -> assertThat(call.variables()).containsEntry(INFO_RESPONSE, "Empat orang"));
  }

  private static ProcessInstance refer(String program) {
    return runtimeService().startProcessInstanceByKey(PROCESS_ID, "RJK-2026-000002", Map.of(
        REFERRAL_NUMBER, "RJK-2026-000002", PROGRAM_CODE, program, URGENT, true));
  }
}
