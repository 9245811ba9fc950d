package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.*;
import static id.puskesos.rujukan.process.FakeDelegates.checklist;
import static id.puskesos.rujukan.process.ReferralProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of referral.bpmn on a plain engine with stand-in delegates. The partner referrals it calls run for
 * real (their own paths are covered by {@link PartnerReferralProcessTest}). The class fails if any flow node or
 * sequence flow of referral.bpmn is left unexercised.
 */
@Deployment(resources = {"processes/referral.bpmn", "processes/partner-referral.bpmn"})
class ReferralProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .excludeProcessDefinitionKeys(PartnerReferralProcess.PROCESS_ID)
      .assertClassCoverageAtLeast(1.0)
      .build();


  @Test
  void cleanFreshRecordGoesStraightFromTheRegistryCheckToAssessment() {
    ProcessInstance referral = submitThroughApi();

    assertThat(referral).hasPassed(TASK_CHECK_REGISTRY).isWaitingAt(TASK_ASSESS_NEEDS)
        .hasNotPassed(TASK_HOME_VISIT, TASK_PROPOSE_DTKS_INCLUSION);
    assertThat(task(referral)).hasCandidateGroup("fasilitator");
    assertThat(taskQuery().initializeFormKeys().singleResult().getCamundaFormRef().getKey())
        .isEqualTo("assess-needs");
  }

  @Test
  void tasklistIntakeIsNumberedAndChecked() {
    ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS_ID, caseVariables());

    assertThat(referral).hasPassed(TASK_REGISTER_INTAKE, TASK_CHECK_REGISTRY).isWaitingAt(TASK_ASSESS_NEEDS)
        .hasBusinessKey("RJK-2026-000001");
  }

  @Test
  void tasklistIntakeForResidentWithOpenCaseEndsMerged() {
    fakes.replace("registerIntakeDelegate", execution -> {
      execution.setProcessBusinessKey("RJK-2026-000007");
      execution.setVariable(MERGED_INTO_OPEN_CASE, true);
    });

    ProcessInstance intake = runtimeService().startProcessInstanceByKey(PROCESS_ID, caseVariables());

    assertThat(intake).isEnded().hasPassed(END_MERGED_INTO_OPEN_CASE).hasNotPassed(TASK_CHECK_REGISTRY);
  }

  @Test
  void recordFoundWantingGoesToFieldVerificationWhichCanCloseTheCase() {
    fakes.registryClean = false;
    ProcessInstance referral = submitThroughApi();
    assertThat(referral).isWaitingAt(TASK_HOME_VISIT);
    assertThat(task(referral)).hasCandidateGroup("fasilitator");

    complete(task(referral), withVariables(VERIFICATION_RESULT, "NOT_ELIGIBLE", NOT_ELIGIBLE_REASON, "Pindah ke Cimahi",
        OPINIONS_REQUESTED, checklist()));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_NOT_ELIGIBLE);
    assertThat(fakes.callsAt("task_closeNotEligible")).singleElement().satisfies(call -> {
      assertThat(call.variables()).containsEntry(CLOSING_OUTCOME, "NOT_ELIGIBLE")
          .containsEntry(CLOSING_REASON, "Pindah ke Cimahi");
    });
  }

  @Test
  void fieldVerificationCanAskHealthWorkerAndBabinsaForTheirOpinion() {
    fakes.registryClean = false;
    ProcessInstance referral = submitThroughApi();

    complete(task(referral), withVariables(VERIFICATION_RESULT, "VALID", OPINIONS_REQUESTED,
        checklist("nakes", "babinsa")));

    List<Task> opinions = taskQuery().taskDefinitionKey(TASK_GIVE_OPINION).list();
    assertThat(opinions).hasSize(2);
    assertThat(taskQuery().taskDefinitionKey(TASK_GIVE_OPINION).taskCandidateGroup("nakes").count()).isOne();
    assertThat(taskQuery().taskDefinitionKey(TASK_GIVE_OPINION).taskCandidateGroup("babinsa").count()).isOne();
    opinions.forEach(t -> complete(t, withVariables(OPINION, "Perlu bantuan pangan")));

    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS);
    assertThat(fakes.callsAt("task_recordOpinion")).hasSize(2)
        .allSatisfy(call -> assertThat(call.variables()).containsEntry(OPINION, "Perlu bantuan pangan"));
  }

  @Test
  void fieldVerificationWithoutOpinionsGoesStraightToAssessment() {
    fakes.registryClean = false;
    ProcessInstance referral = submitThroughApi();

    complete(task(referral), withVariables(VERIFICATION_RESULT, "VALID", OPINIONS_REQUESTED, checklist()));

    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS).hasNotPassed(TASK_GIVE_OPINION);
  }

  @Test
  void residentNotInDtksIsProposedToDinsosAndTheCaseGoesOn() {
    fakes.dtksListed = false;

    ProcessInstance referral = submitThroughApi();

    assertThat(referral).hasPassed(TASK_PROPOSE_DTKS_INCLUSION).isWaitingAt(TASK_ASSESS_NEEDS);
    assertThat(fakes.callsAt(TASK_PROPOSE_DTKS_INCLUSION)).hasSize(1);
  }

  @Test
  void notEligibleAtAssessmentCloses() {
    ProcessInstance referral = verifiedReferral();

    complete(task(referral), withVariables(ASSESSMENT_RESULT, "NOT_ELIGIBLE", NOT_ELIGIBLE_REASON, "Mampu"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_NOT_ELIGIBLE);
  }

  @Test
  void noSuitableProgramClosesAsNotEligible() {
    ProcessInstance referral = assessedReferral();
    assertThat(task(referral)).hasCandidateGroup("bo");

    complete(task(referral), withVariables(ROUTING_DECISION, "NOT_ELIGIBLE", NOT_ELIGIBLE_REASON, "Tidak ada program"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_NOT_ELIGIBLE);
  }

  @Test
  void coordinatorSendsTheRecommendationBackForRevision() {
    ProcessInstance referral = assessedReferral();
    complete(task(referral), withVariables(ROUTING_DECISION, "REFER", SELECTED_PROGRAMS, checklist("PKH")));
    assertThat(referral).isWaitingAt(TASK_APPROVE_RECOMMENDATION);
    assertThat(task(referral)).hasCandidateGroup("koordinator");

    complete(task(referral), withVariables(APPROVAL, "REVISE", COORDINATOR_NOTE, "Tambahkan BPNT"));

    assertThat(referral).isWaitingAt(TASK_RECOMMEND_PROGRAMS);
  }

  @Test
  void programsHeldBackForLackOfConsentReturnToTheBackOffice() {
    ProcessInstance referral = assessedReferral();
    complete(task(referral), withVariables(ROUTING_DECISION, "REFER", SELECTED_PROGRAMS, checklist()));

    complete(task(referral), withVariables(APPROVAL, "APPROVE"));

    assertThat(referral).hasPassed(TASK_ISSUE_REFERRALS).isWaitingAt(TASK_RECOMMEND_PROGRAMS)
        .hasNotPassed(CALL_PARTNER_REFERRAL);
  }

  @Test
  void allPartnersRejectingClosesTheCaseAsRejected() {
    ProcessInstance referral = approvedReferral("PKH", "BAZNAS_SEHAT");
    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);

    decide("dinsos", "REJECT");
    decide("baznas", "REJECT");

    assertThat(referral).isEnded().hasPassed(END_CLOSED_REJECTED).hasNotPassed(TIMER_FOLLOW_UP_DUE);
  }

  @Test
  void partlyFacilitatedCaseIsFollowedUpAndClosed() {
    ProcessInstance referral = approvedReferral("PKH", "SALMAN_SEMBAKO");
    decide("dinsos", "REJECT");
    decide("salman", "ACCEPT");
    distribute("salman");

    assertThat(referral).isWaitingAt(TIMER_FOLLOW_UP_DUE);
    execute(job());
    assertThat(referral).isWaitingAt(TASK_FOLLOW_UP);
    assertThat(task(referral)).hasCandidateGroup("fasilitator");
    complete(task(referral), withVariables(AID_RECEIVED, "YES", AID_HELPED, "PARTLY", FOLLOW_UP_NOTES, "Sembako diterima"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_FACILITATED);
  }

  @Test
  void fullyFacilitatedCaseIsDistributedFollowedUpAndClosed() {
    ProcessInstance referral = approvedReferral("BPNT");
    decide("dinsos", "ACCEPT");
    distribute("dinsos");
    execute(job());

    complete(task(referral), withVariables(AID_RECEIVED, "YES", AID_HELPED, "YES", FOLLOW_UP_NOTES, "Bantuan diterima"));

    assertThat(referral).isEnded().hasPassed(TASK_FOLLOW_UP, END_CLOSED_FACILITATED);
    assertThat(fakes.callsAt("task_closeFacilitated")).hasSize(1);
  }

  @Test
  void residentWithdrawingCancelsThePartnersWorkAndClosesTheCase() {
    ProcessInstance referral = approvedReferral("PKH", "BAZNAS_SEHAT");
    assertThat(taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DECIDE_REFERRAL).count()).isEqualTo(2);

    runtimeService().createMessageCorrelation(MSG_RESIDENT_WITHDREW).processInstanceId(referral.getId())
        .setVariable(WITHDRAWAL_REASON, "Sudah dibantu keluarga").correlate();

    assertThat(referral).isEnded().hasPassed(END_CLOSED_WITHDRAWN);
    assertThat(taskQuery().count()).isZero();
    assertThat(fakes.callsAt("task_closeWithdrawn")).singleElement().satisfies(call -> assertThat(call.variables())
        .containsEntry(CLOSING_OUTCOME, "WITHDRAWN").containsEntry(CLOSING_REASON, "Sudah dibantu keluarga"));
  }

  @Test
  void needsAddedPastRoutingGiveTheBackOfficeAReviewWhilePartnersWork() {
    ProcessInstance referral = approvedReferral("PKH");

    runtimeService().createMessageCorrelation(MSG_NEEDS_ADDED).processInstanceId(referral.getId()).correlate();

    Task review = taskQuery().taskDefinitionKey(TASK_REVIEW_ADDED_NEEDS).singleResult();
    assertThat(review).hasCandidateGroup("bo");
    complete(review, withVariables(REVIEW_ACTION, "COVERED", REVIEW_NOTE, "Sudah tercakup PKH"));
    assertThat(referral).hasPassed(END_ADDED_NEEDS_REVIEWED).isWaitingAt(CALL_PARTNER_REFERRAL);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private static Map<String, Object> caseVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REFERRAL_NUMBER, "RJK-2026-000001");
    variables.put(RESIDENT_NAME, "Siti Aminah");
    variables.put(NEEDS, checklist("FOOD", "HEALTH"));
    variables.put(URGENT, false);
    return variables;
  }

  private static ProcessInstance submitThroughApi() {
    return runtimeService().createMessageCorrelation(MSG_REFERRAL_SUBMITTED)
        .processInstanceBusinessKey("RJK-2026-000001").setVariables(caseVariables()).correlateStartMessage();
  }

  private static ProcessInstance verifiedReferral() {
    ProcessInstance referral = submitThroughApi();
    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS);
    return referral;
  }

  private static ProcessInstance assessedReferral() {
    ProcessInstance referral = verifiedReferral();
    complete(task(referral), withVariables(ASSESSMENT_RESULT, "ELIGIBLE"));
    assertThat(referral).hasPassed(TASK_SUGGEST_PROGRAMS).isWaitingAt(TASK_RECOMMEND_PROGRAMS);
    return referral;
  }

  private static ProcessInstance approvedReferral(String... programs) {
    ProcessInstance referral = assessedReferral();
    complete(task(referral), withVariables(ROUTING_DECISION, "REFER", SELECTED_PROGRAMS, checklist(programs)));
    complete(task(referral), withVariables(APPROVAL, "APPROVE"));
    return referral;
  }

  private static void decide(String partnerGroup, String decision) {
    Task task = taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DECIDE_REFERRAL)
        .taskCandidateGroup(partnerGroup).singleResult();
    complete(task, withVariables(DECISION, decision, REJECTION_REASON, "Kuota habis"));
  }

  private static void distribute(String partnerGroup) {
    Task task = taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DISTRIBUTE_AID)
        .taskCandidateGroup(partnerGroup).singleResult();
    complete(task, withVariables(DISTRIBUTION_DATE, "2026-11-20", AID_ITEMS, "1 paket", RECEIPT_CONFIRMED, true));
  }
}
