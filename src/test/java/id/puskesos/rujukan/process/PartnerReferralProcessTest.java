package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.*;
import static id.puskesos.rujukan.process.PartnerReferralProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.distribution.DistributionService;
import id.puskesos.rujukan.partner.Letters;
import id.puskesos.rujukan.partner.PartnerService;
import id.puskesos.rujukan.proposal.Proposals;

/**
 * Every path of partner-referral.bpmn: accept with budget and distribution (in parts), with no koordinator task (the
 * koordinator decided the whole case before it was referred); reject, with and without an alternative; an acceptance
 * given up for an alternative; a decision overdue, with and without an alternative; questions to the Puskesos; the
 * waiting list (budget arrives, the back office keeps waiting, redirects or cancels after the wait limit); aid handed
 * over again after the resident said it never arrived; a national program's proposal, enrolled, rejected (with and
 * without an alternative), carried over to the next period, and reminded when its period passed undecided.
 */
@Deployment(resources = "processes/partner-referral.bpmn")
class PartnerReferralProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  @Test
  void acceptedWithBudgetGoesStraightToDistributionWithoutAnyKoordinatorTask() {
    ProcessInstance referral = refer("BAZNAS_SEHAT");
    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL).variables()
        .containsEntry(LETTER_NUMBER.name(), "REK/RJK-2026-000002/BAZNAS_SEHAT")
        .containsEntry(PROGRAM_KIND.name(), "SERVICE");
    assertThat(task(referral)).hasCandidateGroup("baznas");

    complete(task(referral), withVariables(DECISION.name(), "ACCEPT", GRANT_AMOUNT.name(), 1_500_000, PLANNED_AID.name(), "Tagihan RS"));
    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID).hasNotPassed(RECEIVE_PROPOSAL_DECIDED);
    assertThat(task(referral)).hasCandidateGroup("baznas");
    complete(task(referral), handover(true));

    assertThat(referral).isEnded().hasPassed(END_AID_DISTRIBUTED);
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(referral.getId())
        .taskHadCandidateGroup("baznas").count()).as("the partner's decision and handover").isEqualTo(2);
    assertNoKoordinatorTask(referral);
    verify(mocked(Letters.class)).sendOut("RJK-2026-000002", mocked(PartnerService.class).program("BAZNAS_SEHAT"));
    verify(mocked(DistributionService.class)).record("RJK-2026-000002", "BAZNAS_SEHAT", "2026-11-20", 750_000L, null,
        null, null, null, "KW-0012", true, true, "petugas");
  }

  @Test
  void aidHandedOverInPartsAsksForAnotherHandoverUntilTheLast() {
    ProcessInstance referral = accepted("SALMAN_SEMBAKO");

    complete(task(referral), handover(false));
    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID);
    complete(task(referral), handover(true));

    assertThat(referral).isEnded().hasPassed(END_AID_DISTRIBUTED);
    verify(mocked(DistributionService.class), times(2)).record(eq("RJK-2026-000002"), eq("SALMAN_SEMBAKO"), any(),
        any(), any(), any(), any(), any(), any(), anyBoolean(), anyBoolean(), any());
  }

  @Test
  void rejectionWithoutAnAlternativeEndsThePartnerReferral() {
    ProcessInstance referral = refer("PKH");
    assertThat(task(referral)).hasCandidateGroup("dinsos");

    complete(task(referral), withVariables(DECISION.name(), "REJECT", REJECTION_CODE.name(), "NOT_ELIGIBLE"));

    assertThat(referral).isEnded().hasPassed(TASK_TRY_ALTERNATIVE, END_REFERRAL_REJECTED)
        .hasNotPassed(TASK_DISTRIBUTE_AID);
  }

  @Test
  void rejectionSendsTheCaseToTheNextAlternativeOfItsNeed() {
    services.alternatives.put("PKH", "BAZNAS_KONSUMTIF");
    ProcessInstance referral = refer("PKH");

    complete(task(referral), withVariables(DECISION.name(), "REJECT", REJECTION_CODE.name(), "NOT_ELIGIBLE"));
    assertThat(referral).isWaitingAt(TASK_SEND_REFERRAL).variables().containsEntry(PROGRAM_CODE.name(), "BAZNAS_KONSUMTIF");
    passSavePoints();

    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("baznas");
  }

  @Test
  void anAcceptanceGivenUpGoesToTheNextAlternative() {
    services.acceptanceGivenUp = true;
    services.alternatives.put("BPNT", "SALMAN_SEMBAKO");
    ProcessInstance referral = refer("BPNT");

    complete(task(referral), withVariables(DECISION.name(), "ACCEPT", GRANT_AMOUNT.name(), 200_000));
    passSavePoints();

    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL).hasNotPassed(TASK_DISTRIBUTE_AID);
    assertThat(task(referral)).hasCandidateGroup("salman");
  }

  @Test
  void aDecisionOverdueIsTakenBackForTheNextAlternative() {
    services.alternatives.put("BAZNAS_KONSUMTIF", "SALMAN_SEMBAKO");
    ProcessInstance referral = refer("BAZNAS_KONSUMTIF");

    execute(managementService().createJobQuery().activityId(TIMER_DECISION_OVERDUE).singleResult());
    assertThat(referral).hasPassed(TASK_TRY_ALTERNATIVE).isWaitingAt(TASK_SEND_REFERRAL);
    passSavePoints();

    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("salman");
  }

  @Test
  void aDecisionOverdueWithoutAnAlternativeStaysWithThePartner() {
    ProcessInstance referral = refer("BAZNAS_SEHAT");
    String taskId = task(referral).getId();

    execute(managementService().createJobQuery().activityId(TIMER_DECISION_OVERDUE).singleResult());

    assertThat(referral).hasPassed(END_PARTNER_KEEPS_REFERRAL).hasNotPassed(TASK_TRY_ALTERNATIVE)
        .isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral).getId()).isEqualTo(taskId);
  }

  @Test
  void aidTheResidentDidNotReceiveIsHandedOverAgainWithoutANewDecision() {
    ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS_ID, "RJK-2026-000002", Map.of(
        REFERRAL_NUMBER.name(), "RJK-2026-000002", PROGRAM_CODE.name(), "SALMAN_SEMBAKO", URGENT.name(), false, REDISTRIBUTE.name(), true));
    passSavePoints();

    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID).hasNotPassed(TASK_DECIDE_REFERRAL);
    complete(task(referral), handover(true));
    assertThat(referral).isEnded().hasPassed(END_AID_DISTRIBUTED);
  }

  @Test
  void questionGoesToTheBackOfficeAndTheAnswerBackToThePartner() {
    ProcessInstance referral = refer("SALMAN_SEMBAKO");

    complete(task(referral), withVariables(DECISION.name(), "REQUEST_INFO", INFO_REQUEST.name(), "Berapa jumlah tanggungan?"));
    assertThat(referral).isWaitingAt(TASK_PROVIDE_INFORMATION);
    assertThat(task(referral)).hasCandidateGroup("bo");
    complete(task(referral), withVariables(INFO_RESPONSE.name(), "Empat orang"));

    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("salman");
  }

  @Test
  void acceptedWithoutBudgetWaitsUntilThePartnerAddsBudget() {
    ProcessInstance referral = acceptedWithoutBudget("BPNT");
    assertThat(referral).isWaitingAt(GATEWAY_WAIT_FOR_BUDGET).hasNotPassed(TASK_DISTRIBUTE_AID);

    budgetReserved("BPNT");

    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID);
    assertThat(task(referral)).hasCandidateGroup("dinsos");
    assertNoKoordinatorTask(referral);
  }

  @Test
  void waitingPastTheLimitAsksTheBackOfficeWhichMayKeepWaiting() {
    ProcessInstance referral = acceptedWithoutBudget("BPNT");

    execute(job());
    assertThat(referral).isWaitingAt(TASK_REVIEW_WAITING);
    assertThat(task(referral)).hasCandidateGroup("bo");
    complete(task(referral), withVariables(WAITING_ACTION.name(), "KEEP_WAITING"));

    assertThat(referral).isWaitingAt(GATEWAY_WAIT_FOR_BUDGET);
  }

  @Test
  void budgetArrivingWhileTheBackOfficeReviewsTakesTheCaseOn() {
    ProcessInstance referral = acceptedWithoutBudget("BPNT");
    execute(job());

    budgetReserved("BPNT");

    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID).hasNotPassed("task_recordWaitingReview");
    assertNoKoordinatorTask(referral);
  }

  @Test
  void backOfficeRedirectsALongWaitToAnotherProgram() {
    ProcessInstance referral = acceptedWithoutBudget("BPNT");
    execute(job());

    complete(task(referral), withVariables(WAITING_ACTION.name(), "REDIRECT", REDIRECT_PROGRAM.name(), "SALMAN_SEMBAKO"));

    assertThat(referral).isWaitingAt(TASK_SEND_REFERRAL);
    passSavePoints();
    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("salman");
  }

  @Test
  void backOfficeCancelsALongWait() {
    ProcessInstance referral = acceptedWithoutBudget("BPNT");
    execute(job());

    complete(task(referral), withVariables(WAITING_ACTION.name(), "CANCEL", WAITING_NOTE.name(), "Warga sudah dibantu keluarga"));

    assertThat(referral).isEnded().hasPassed(END_WAITING_CANCELLED);
  }

  @Test
  void aNationalProgramIsProposedAndWaitsForTheMinistrysDecisionWhichEnrolsTheHousehold() {
    services.proposalPrograms.add("PKH");
    services.proposalOutcomes.add(Proposals.Outcome.ENROLLED);
    ProcessInstance referral = refer("PKH");

    assertThat(referral).hasPassed("task_recordProposal").isWaitingAt(RECEIVE_PROPOSAL_DECIDED)
        .hasNotPassed(TASK_DECIDE_REFERRAL).variables().containsEntry(PROGRAM_KIND.name(), "PROPOSAL")
        .containsEntry(LETTER_NUMBER.name(), "REK/RJK-2026-000002/PKH")
        .containsEntry(PROPOSAL_PERIOD.name(), "2026-11").containsKey(PROPOSAL_DECISION_DUE.name());
    assertThat(BpmnAwareTests.taskQuery().processInstanceId(referral.getId()).count()).as("nobody's task").isZero();
    verify(mocked(Proposals.class)).propose("RJK-2026-000002", "PKH");

    proposalDecided();

    assertThat(referral).isEnded().hasPassed("task_recordProposalDecision", END_PROPOSAL_ENROLLED)
        .hasNotPassed(TASK_TRY_ALTERNATIVE, TASK_DISTRIBUTE_AID).variables()
        .containsEntry(PROPOSAL_OUTCOME.name(), "ENROLLED");
    verify(mocked(Proposals.class)).applyDecision("RJK-2026-000002", "PKH");
    assertNoKoordinatorTask(referral);
  }

  @Test
  void aRejectedProposalTriesTheNextAlternativeOfItsNeed() {
    services.proposalPrograms.add("BPNT");
    services.proposalOutcomes.add(Proposals.Outcome.REJECTED);
    services.alternatives.put("BPNT", "SALMAN_SEMBAKO");
    ProcessInstance referral = refer("BPNT");

    proposalDecided();
    assertThat(referral).hasPassed(TASK_TRY_ALTERNATIVE).isWaitingAt(TASK_SEND_REFERRAL).variables()
        .containsEntry(PROPOSAL_OUTCOME.name(), "REJECTED").containsEntry(PROGRAM_CODE.name(), "SALMAN_SEMBAKO");
    passSavePoints();

    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL).variables().containsEntry(PROGRAM_KIND.name(), "SERVICE");
    assertThat(task(referral)).hasCandidateGroup("salman");
  }

  @Test
  void aRejectedProposalWithoutAnAlternativeEndsThePartnerReferral() {
    services.proposalPrograms.add("PKH");
    services.proposalOutcomes.add(Proposals.Outcome.REJECTED);
    ProcessInstance referral = refer("PKH");

    proposalDecided();

    assertThat(referral).isEnded().hasPassed(TASK_TRY_ALTERNATIVE, END_REFERRAL_REJECTED)
        .hasNotPassed(END_PROPOSAL_ENROLLED);
  }

  @Test
  void aProposalNotDecidedInItsPeriodIsCarriedOverAndWaitsForTheNextDecisionList() {
    services.proposalPrograms.add("PKH");
    services.proposalOutcomes.addAll(List.of(Proposals.Outcome.CARRIED_OVER, Proposals.Outcome.ENROLLED));
    ProcessInstance referral = refer("PKH");

    proposalDecided();
    assertThat(referral).isWaitingAt(RECEIVE_PROPOSAL_DECIDED).variables()
        .containsEntry(PROPOSAL_OUTCOME.name(), "CARRIED_OVER").containsEntry(PROPOSAL_PERIOD.name(), "2026-12");
    assertThat(managementService().createJobQuery().activityId(TIMER_PROPOSAL_CYCLE_OVER).count())
        .as("one reminder timer, of the new period").isOne();
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(referral.getId())
        .activityId(RECEIVE_PROPOSAL_DECIDED).count()).isEqualTo(2);

    proposalDecided();
    assertThat(referral).isEnded().hasPassed(END_PROPOSAL_ENROLLED);
  }

  @Test
  void aPeriodOverWithoutADecisionRemindsAndTheProposalKeepsWaiting() {
    services.proposalPrograms.add("PKH");
    ProcessInstance referral = refer("PKH");
    var timer = managementService().createJobQuery().activityId(TIMER_PROPOSAL_CYCLE_OVER).singleResult();
    assertThat(timer.getDuedate()).as("due when the period's decision is").isCloseTo(
        PROPOSAL_DECISION_DUE.from(runtimeService().getVariables(referral.getId())), 1000);

    execute(timer);

    assertThat(referral).hasPassed("task_remindProposal", "end_proposalReminded")
        .isWaitingAt(RECEIVE_PROPOSAL_DECIDED);
    verify(mocked(Proposals.class)).remind("RJK-2026-000002", "PKH");
    services.proposalOutcomes.add(Proposals.Outcome.ENROLLED);
    proposalDecided();
    assertThat(referral).isEnded().hasPassed(END_PROPOSAL_ENROLLED);
  }

  /** Referred to the program; the referral goes to the partner after a save point. */
  @Test
  void aFailedSendingToThePartnerIsRetriedThenAnIncidentAndGoesOnOnceFixed() {
    PartnerService partners = mocked(PartnerService.class);
    var program = partners.program("BPNT");
    doThrow(new IllegalStateException("basis data sibuk")).when(partners).program(anyString());
    ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS_ID, "RJK-2026-000002", Map.of(
        REFERRAL_NUMBER.name(), "RJK-2026-000002", PROGRAM_CODE.name(), "BPNT", URGENT.name(), true));

    String job = failUntilIncident(TASK_SEND_REFERRAL, 5, "basis data sibuk");

    doReturn(program).when(partners).program(anyString());
    managementService().setJobRetries(job, 1);
    passSavePoints();
    assertThat(referral).isWaitingAt(TASK_DECIDE_REFERRAL);
  }

  private static ProcessInstance refer(String program) {
    ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS_ID, "RJK-2026-000002", Map.of(
        REFERRAL_NUMBER.name(), "RJK-2026-000002", PROGRAM_CODE.name(), program, URGENT.name(), true));
    assertThat(referral).isWaitingAt(TASK_SEND_REFERRAL);
    passSavePoints();
    return referral;
  }

  private ProcessInstance acceptedWithoutBudget(String program) {
    services.budgetAvailable = false;
    ProcessInstance referral = refer(program);
    complete(task(referral), withVariables(DECISION.name(), "ACCEPT", GRANT_AMOUNT.name(), 200_000));
    return referral;
  }

  /** Accepted with budget reserved: the partner hands the aid over next, as the koordinator decided the case before. */
  private static ProcessInstance accepted(String program) {
    ProcessInstance referral = refer(program);
    complete(task(referral), withVariables(DECISION.name(), "ACCEPT", GRANT_AMOUNT.name(), 2));
    assertThat(referral).isWaitingAt(TASK_DISTRIBUTE_AID);
    return referral;
  }

  /** The imported decision list moved the case's proposal: its instance is told, as the import tells it. */
  private static void proposalDecided() {
    String instance = runtimeService().createEventSubscriptionQuery().eventName(MSG_PROPOSAL_DECIDED).singleResult()
        .getProcessInstanceId();
    runtimeService().createMessageCorrelation(MSG_PROPOSAL_DECIDED).processInstanceId(instance).correlateWithResult();
  }

  /** The koordinator decided the case before it was referred: no task of the partner referral was ever theirs. */
  private static void assertNoKoordinatorTask(ProcessInstance referral) {
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(referral.getId())
        .taskHadCandidateGroup("koordinator").count()).isZero();
  }

  private static void budgetReserved(String program) {
    runtimeService().createMessageCorrelation(MSG_BUDGET_RESERVED).processInstanceBusinessKey("RJK-2026-000002")
        .processInstanceVariableEquals(PROGRAM_CODE.name(), program).correlate();
  }

  private static Map<String, Object> handover(boolean last) {
    return withVariables(DISTRIBUTION_DATE.name(), "2026-11-20", AID_AMOUNT.name(), 750_000, PROOF_REFERENCE.name(), "KW-0012",
        RECEIPT_CONFIRMED.name(), true, FINAL_HANDOVER.name(), last);
  }
}
