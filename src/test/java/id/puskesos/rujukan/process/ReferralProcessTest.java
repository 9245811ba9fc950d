package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.*;
import static id.puskesos.rujukan.process.ProfessionalOpinionProcess.TASK_GIVE_OPINION;
import static id.puskesos.rujukan.process.ReferralProcess.*;
import static id.puskesos.rujukan.process.StubbedServices.NEW_CASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Variable;
import id.puskesos.rujukan.assessment.Assessment;
import id.puskesos.rujukan.assessment.AssessmentService;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.escalation.Escalations;
import id.puskesos.rujukan.recommendation.Recommendations;
import id.puskesos.rujukan.followup.ClosingService;
import id.puskesos.rujukan.followup.ClosingService.ClosingOutcome;
import id.puskesos.rujukan.verification.DtksInclusion;
import id.puskesos.rujukan.verification.VerificationService;

/**
 * Every path of referral.bpmn on a plain engine with the real delegates over stubbed services. The eligibility table and the partner
 * referrals it calls run for real (their own paths are covered by {@link PartnerReferralProcessTest}). The class fails if any flow node or
 * sequence flow of referral.bpmn is left unexercised.
 */
@Deployment(resources = {"processes/referral.bpmn", "processes/partner-referral.bpmn",
    "processes/professional-opinion.bpmn", "processes/program-eligibility.dmn"})
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
  void aFailingRegistryCheckIsRetriedFiveTimesThenAnIncidentAndTheCaseGoesOnOnceFixed() {
    VerificationService verification = mocked(VerificationService.class);
    var cleanCheck = verification.check(NEW_CASE, "petugas");
    doThrow(new IllegalStateException("registri tidak terjangkau")).when(verification).check(anyString(), any());
    ProcessInstance referral = runtimeService().createMessageCorrelation(MSG_REFERRAL_SUBMITTED)
        .processInstanceBusinessKey("RJK-2026-000001").setVariables(caseVariables()).correlateStartMessage();

    String job = failUntilIncident(TASK_CHECK_REGISTRY, 5, "registri tidak terjangkau");
    assertThat(referral).isWaitingAt(TASK_CHECK_REGISTRY);

    doReturn(cleanCheck).when(verification).check(anyString(), any());
    managementService().setJobRetries(job, 1);
    passSavePoints();
    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS);
    assertThat(runtimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void tasklistIntakeIsNumberedAndChecked() {
    ProcessInstance referral = runtimeService().startProcessInstanceByKey(PROCESS_ID, caseVariables());
    passSavePoints();

    assertThat(referral).hasPassed(TASK_REGISTER_INTAKE, TASK_CHECK_REGISTRY).isWaitingAt(TASK_ASSESS_NEEDS)
        .hasBusinessKey("RJK-2026-000001");
  }

  @Test
  void tasklistIntakeForResidentWithOpenCaseEndsMerged() {
    services.openCase = true;

    ProcessInstance intake = runtimeService().startProcessInstanceByKey(PROCESS_ID, caseVariables());

    assertThat(intake).isEnded().hasPassed(END_MERGED_INTO_OPEN_CASE).hasNotPassed(TASK_CHECK_REGISTRY);
  }

  @Test
  void recordFoundWantingGoesToFieldVerificationWhichCanCloseTheCase() {
    services.registryClean = false;
    ProcessInstance referral = submitThroughApi();
    assertThat(referral).isWaitingAt(TASK_HOME_VISIT);
    assertThat(task(referral)).hasCandidateGroup("fasilitator");

    complete(task(referral), withVariables(VERIFICATION_RESULT.name(), "NOT_ELIGIBLE", NOT_ELIGIBLE_REASON.name(), "Pindah ke Cimahi",
        OPINIONS_REQUESTED.name(), checklist()));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_NOT_ELIGIBLE);
    verify(mocked(ClosingService.class)).close(NEW_CASE, ClosingOutcome.NOT_ELIGIBLE, "Pindah ke Cimahi", "petugas");
  }

  @Test
  void fieldVerificationCanAskHealthWorkerAndBabinsaForTheirOpinion() {
    services.registryClean = false;
    ProcessInstance referral = submitThroughApi();

    complete(task(referral), withVariables(VERIFICATION_RESULT.name(), "VALID", OPINIONS_REQUESTED.name(),
        checklist("nakes", "babinsa")));

    List<Task> opinions = taskQuery().taskDefinitionKey(TASK_GIVE_OPINION).list();
    assertThat(opinions).hasSize(2);
    assertThat(taskQuery().taskDefinitionKey(TASK_GIVE_OPINION).taskCandidateGroup("nakes").count()).isOne();
    assertThat(taskQuery().taskDefinitionKey(TASK_GIVE_OPINION).taskCandidateGroup("babinsa").count()).isOne();
    // each opinion runs in an instance of its own, under the case's number, holding only what its form shows
    for (Task opinion : opinions) {
      assertThat(opinion.getProcessInstanceId()).isNotEqualTo(referral.getId());
      assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(opinion.getProcessInstanceId())
          .singleResult().getBusinessKey()).isEqualTo("RJK-2026-000001");
      assertThat(BpmnAwareTests.taskService().getVariables(opinion.getId()).keySet())
          .isSubsetOf(ProfessionalOpinionProcess.CASE_DATA).contains(RESIDENT_NAME.name(), OPINION_GROUP.name())
          .doesNotContain(NEEDS.name());
    }
    opinions.forEach(t -> complete(t, withVariables(OPINION.name(), "Perlu bantuan pangan")));

    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS);
    verify(mocked(VerificationService.class)).recordOpinion(NEW_CASE, "nakes", "Perlu bantuan pangan", "petugas");
    verify(mocked(VerificationService.class)).recordOpinion(NEW_CASE, "babinsa", "Perlu bantuan pangan", "petugas");
  }

  @Test
  void fieldVerificationWithoutOpinionsGoesStraightToAssessment() {
    services.registryClean = false;
    ProcessInstance referral = submitThroughApi();

    complete(task(referral), withVariables(VERIFICATION_RESULT.name(), "VALID", OPINIONS_REQUESTED.name(), checklist()));

    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS).hasNotPassed(CALL_PROFESSIONAL_OPINION);
  }

  @Test
  void residentNotInDtksIsProposedToDinsosAndTheCaseGoesOn() {
    services.dtksListed = false;

    ProcessInstance referral = submitThroughApi();

    assertThat(referral).hasPassed(TASK_PROPOSE_DTKS_INCLUSION).isWaitingAt(TASK_ASSESS_NEEDS);
    // the registry's finding set it off, not a person: the system's
    verify(mocked(DtksInclusion.class)).propose(eq(NEW_CASE), anyString(), eq(Actors.SYSTEM));
  }

  /**
   * The record step checks the form in the completion's transaction (kept so by {@link FormValidationRuleTest}):
   * bad input is refused with the message Tasklist shows, and the task stays open with nothing recorded.
   */
  @Test
  void anAssessmentWithoutTheHouseholdFiguresIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance referral = verifiedReferral();
    Task assessment = task(referral);

    assertThatThrownBy(() -> complete(assessment, withVariables(ASSESSMENT_RESULT.name(), "ELIGIBLE")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Data tidak valid: Jumlah anggota keluarga wajib diisi; Penghasilan keluarga per bulan wajib "
            + "diisi");

    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS).hasNotPassed("task_recordAssessment");
    assertThat(task(referral).getId()).isEqualTo(assessment.getId());
    assertThat(runtimeService().getVariable(referral.getId(), ASSESSMENT_RESULT.name())).isNull();
    verify(mocked(AssessmentService.class), never()).record(anyString(), any(), any(), any());
  }

  /**
   * The assessment asks consent for the partners the catalogue names, its checklist starting from the resident's
   * standing consents; the record step passes the partners asked and those ticked.
   */
  @Test
  void theAssessmentAsksConsentForTheCataloguesPartnersStartingFromTheStandingAnswers() {
    ProcessInstance referral = verifiedReferral();

    assertThat(referral).hasPassed(TASK_PREPARE_CONSENT_QUESTIONS).isWaitingAt(TASK_ASSESS_NEEDS);
    assertThat(CONSENT_OPTIONS.read(runtimeService().getVariable(referral.getId(), CONSENT_OPTIONS.name())))
        .containsExactly(Map.entry("BAZNAS", "BAZNAS Kota Bandung"), Map.entry("SALMAN", "Rumah Amal Salman"));
    assertThat(CONSENT_PARTNERS.read(runtimeService().getVariable(referral.getId(), CONSENT_PARTNERS.name())))
        .containsExactly("BAZNAS");

    complete(task(referral), assessed("ELIGIBLE", NEEDS, checklist("FOOD"), CONSENT_PARTNERS, checklist("SALMAN")));

    ArgumentCaptor<Assessment> assessment = ArgumentCaptor.forClass(Assessment.class);
    verify(mocked(AssessmentService.class)).record(eq(NEW_CASE), assessment.capture(),
        eq(List.of("BAZNAS", "SALMAN")), eq("petugas"));
    assertThat(assessment.getValue().consentedPartners()).containsExactly("SALMAN");
    verify(mocked(AssessmentService.class)).consentSummary(List.of("BAZNAS", "SALMAN"), Set.of("SALMAN"));
  }

  /**
   * A case of an earlier model version waits at the form of its deployment, which asked BAZNAS and Salman by name
   * and knows no consentPartners: its two answers are recorded for those two partners.
   */
  @Test
  void anAssessmentFromTheEarlierFormAsksBaznasAndSalmanByTheirFlags() {
    ProcessInstance referral = verifiedReferral();
    runtimeService().removeVariables(referral.getId(), List.of(CONSENT_OPTIONS.name(), CONSENT_PARTNERS.name()));

    complete(task(referral), assessed("ELIGIBLE", NEEDS, checklist("FOOD"), CONSENT_BAZNAS, false, CONSENT_SALMAN,
        true));

    ArgumentCaptor<Assessment> assessment = ArgumentCaptor.forClass(Assessment.class);
    verify(mocked(AssessmentService.class)).record(eq(NEW_CASE), assessment.capture(),
        eq(List.of("BAZNAS", "SALMAN")), eq("petugas"));
    assertThat(assessment.getValue().consentedPartners()).containsExactly("SALMAN");
  }

  @Test
  void notEligibleAtAssessmentCloses() {
    ProcessInstance referral = verifiedReferral();

    complete(task(referral), assessed("NOT_ELIGIBLE", NOT_ELIGIBLE_REASON, "Mampu"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_NOT_ELIGIBLE);
  }

  @Test
  void routingChoosesTheProgramsTheBackOfficeRecommendsAndTheKoordinatorApprovesThenThePartnersGetThem() {
    ProcessInstance referral = recommendationPrepared("FOOD", "HEALTH");
    assertThat(referral).hasPassed(TASK_EVALUATE_ELIGIBILITY, TASK_ROUTE_PROGRAMS)
        .isWaitingAt(TASK_PREPARE_RECOMMENDATION).hasNotPassed(CALL_PARTNER_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("bo");
    assertThat(formOf(task(referral))).isEqualTo("prepare-recommendation");
    assertThat(RECOMMENDED_OPTIONS.from(runtimeService().getVariables(referral.getId()))).containsOnlyKeys("BPNT",
        "BAZNAS_SEHAT");

    complete(task(referral), recommended("REFER"));
    assertThat(referral).hasPassed(TASK_PREPARE_RECOMMENDATION).isWaitingAt(TASK_DECIDE_SERVICE)
        .hasNotPassed(CALL_PARTNER_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("koordinator");
    assertThat(formOf(task(referral))).isEqualTo("decide-service");
    assertThat(runtimeService().getVariable(referral.getId(), RECOMMENDATION_SUMMARY.name()).toString())
        .contains("Program BPNT", "Program BAZNAS_SEHAT");
    complete(task(referral), decided("APPROVE"));
    passSavePoints();

    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL).hasNotPassed(TASK_ANSWER_ESCALATION).variables()
        .containsEntry(CASE_ROUTE.name(), "PARTNERS").containsEntry(REFERRED_COUNT.name(), 2);
    assertThat(partnerTask("BPNT")).hasCandidateGroup("dinsos");
    assertThat(partnerTask("BAZNAS_SEHAT")).hasCandidateGroup("baznas");
    verify(mocked(Recommendations.class)).prepare(NEW_CASE, "REFER", List.of(), List.of(), null, "petugas");
    verify(mocked(Recommendations.class)).decide(NEW_CASE, "APPROVE", null, "petugas");
  }

  @Test
  void noEligibleProgramStillGivesTheBackOfficeTheRecommendationWhichMayProposeClosing() {
    services.desil = 7;
    services.incomePerCapita = 2_500_000L;
    ProcessInstance referral = verifiedReferral();

    // food only: a health need always has a path (the Puskesmas)
    complete(task(referral), assessed("ELIGIBLE", NEEDS, checklist("FOOD")));
    assertThat(referral).hasPassed(TASK_EVALUATE_ELIGIBILITY, TASK_ROUTE_PROGRAMS)
        .isWaitingAt(TASK_PREPARE_RECOMMENDATION).hasNotPassed(CALL_PARTNER_REFERRAL).variables()
        .containsEntry(ROUTING_NOTE.name(), "Tidak ada program yang cocok");
    assertThat(task(referral)).hasCandidateGroup("bo");
    assertThat(runtimeService().getVariable(referral.getId(), RECOMMENDATION_SUMMARY.name()))
        .isEqualTo("- Belum ada program yang direkomendasikan");
    complete(task(referral), recommended("CLOSE", RECOMMENDATION_REASON, "Mampu, desil 7"));
    assertThat(referral).isWaitingAt(TASK_DECIDE_SERVICE);
    complete(task(referral), decided("APPROVE"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_NOT_ELIGIBLE).hasNotPassed(CALL_PARTNER_REFERRAL)
        .variables().containsEntry(CASE_ROUTE.name(), "CLOSE").containsEntry(NOT_ELIGIBLE_REASON.name(),
            "Mampu, desil 7");
    verify(mocked(ClosingService.class)).close(NEW_CASE, ClosingOutcome.NOT_ELIGIBLE, "Mampu, desil 7", "petugas");
  }

  @Test
  void whenNothingFittedTheBackOfficeAddsAProgramAndAnEmptyReferralIsRefused() {
    services.desil = 7;
    services.incomePerCapita = 2_500_000L;
    ProcessInstance referral = verifiedReferral();
    complete(task(referral), assessed("ELIGIBLE", NEEDS, checklist("FOOD")));
    Task recommendation = task(referral);

    assertThatThrownBy(() -> complete(recommendation, recommended("REFER")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Tidak ada program dalam rekomendasi");
    assertThat(referral).isWaitingAt(TASK_PREPARE_RECOMMENDATION).hasNotPassed(TASK_DECIDE_SERVICE);
    assertThat(task(referral).getId()).isEqualTo(recommendation.getId());

    complete(task(referral), recommended("REFER", ADDED_PROGRAMS, checklist("SALMAN_SEMBAKO"),
        RECOMMENDATION_REASON, "Sembako dari Salman"));
    complete(task(referral), decided("APPROVE"));
    passSavePoints();

    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);
    assertThat(partnerTask("SALMAN_SEMBAKO")).hasCandidateGroup("salman");
    verify(mocked(Recommendations.class)).prepare(NEW_CASE, "REFER", List.of(), List.of("SALMAN_SEMBAKO"),
        "Sembako dari Salman", "petugas");
  }

  @Test
  void theKoordinatorSendsTheRecommendationBackToTheBackOfficeWhichEditsItForAnotherDecision() {
    ProcessInstance referral = recommendationPrepared("FOOD", "HEALTH");
    complete(task(referral), recommended("REFER"));

    complete(task(referral), decided("SEND_BACK", COORDINATOR_NOTE, "BPNT sudah diterima keluarga"));
    assertThat(referral).isWaitingAt(TASK_PREPARE_RECOMMENDATION).hasNotPassed(CALL_PARTNER_REFERRAL).variables()
        .containsEntry(CASE_ROUTE.name(), "SEND_BACK");
    assertThat(task(referral)).hasCandidateGroup("bo");
    complete(task(referral), recommended("REFER", REMOVED_PROGRAMS, checklist("BPNT"), RECOMMENDATION_REASON,
        "Sudah menerima BPNT"));
    assertThat(referral).isWaitingAt(TASK_DECIDE_SERVICE);
    complete(task(referral), decided("APPROVE"));
    passSavePoints();

    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);
    assertThat(taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DECIDE_REFERRAL).list())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), PROGRAM_CODE.name()))
        .containsExactly("BAZNAS_SEHAT");
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(referral.getId())
        .activityId(TASK_PREPARE_RECOMMENDATION).count()).isEqualTo(2);
    verify(mocked(Recommendations.class)).decide(NEW_CASE, "SEND_BACK", "BPNT sudah diterima keluarga", "petugas");
  }

  @Test
  void theKoordinatorEscalatesToTheCitySlrtWhichReturnsTheCaseToTheBackOffice() {
    ProcessInstance referral = recommendationPrepared("HEALTH");
    complete(task(referral), recommended("REFER"));

    complete(task(referral), decided("ESCALATE", COORDINATOR_NOTE, "Butuh rujukan rumah sakit kota"));
    assertThat(referral).hasPassed("task_escalateToCity").isWaitingAt(TASK_ANSWER_ESCALATION)
        .hasNotPassed(CALL_PARTNER_REFERRAL);
    assertThat(task(referral)).hasCandidateGroup("slrt");
    assertThat(formOf(task(referral))).isEqualTo("answer-escalation");
    assertThat(runtimeService().getVariable(referral.getId(), ESCALATION_SUMMARY.name()).toString())
        .contains("Program BAZNAS_SEHAT");
    complete(task(referral), withVariables(CITY_ANSWER.name(), "RETURNED", CITY_NOTE.name(),
        "Rujuk ke BAZNAS, RS kota penuh"));

    assertThat(referral).isWaitingAt(TASK_PREPARE_RECOMMENDATION).hasNotPassed(END_CLOSED_BY_CITY);
    assertThat(task(referral)).hasCandidateGroup("bo");
    verify(mocked(Escalations.class)).answer(NEW_CASE, "RETURNED", "Rujuk ke BAZNAS, RS kota penuh", "petugas");
    complete(task(referral), recommended("REFER"));
    complete(task(referral), decided("APPROVE"));
    passSavePoints();
    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);
    assertThat(partnerTask("BAZNAS_SEHAT")).hasCandidateGroup("baznas");
  }

  @Test
  void anEscalationTheBackOfficeRecommendsAndTheKoordinatorApprovesEndsWhenTheCitySlrtTakesTheCaseOver() {
    ProcessInstance referral = recommendationPrepared("HEALTH");
    complete(task(referral), recommended("ESCALATE", RECOMMENDATION_REASON, "Kasus kekerasan, perlu UPTD PPA"));

    complete(task(referral), decided("APPROVE"));
    assertThat(referral).isWaitingAt(TASK_ANSWER_ESCALATION).variables().containsEntry(CASE_ROUTE.name(),
        "ESCALATE");
    assertThat(task(referral)).hasCandidateGroup("slrt");
    verify(mocked(Escalations.class)).escalate(NEW_CASE, "petugas");
    complete(task(referral), withVariables(CITY_ANSWER.name(), "TAKEN_OVER", CITY_NOTE.name(),
        "Ditangani UPTD PPA kota"));

    assertThat(referral).isEnded().hasPassed(TASK_ANSWER_ESCALATION, END_CLOSED_BY_CITY)
        .hasNotPassed(CALL_PARTNER_REFERRAL, END_CLOSED_NOT_ELIGIBLE);
    verify(mocked(ClosingService.class)).close(NEW_CASE, ClosingOutcome.ESCALATED, "Ditangani UPTD PPA kota",
        "petugas");
  }

  @Test
  void theBestRankedProgramOfEachNeedIsReferredInParallelAndDecidedIndependently() {
    ProcessInstance referral = routedReferral("FOOD", "HEALTH");
    assertThat(taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DECIDE_REFERRAL).list())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), PROGRAM_CODE.name()))
        .containsExactlyInAnyOrder("BPNT", "BAZNAS_SEHAT");

    decide("BPNT", "REQUEST_INFO");
    decide("BAZNAS_SEHAT", "ACCEPT");
    assertThat(taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_PROVIDE_INFORMATION).count()).isOne();
    assertThat(taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DISTRIBUTE_AID).count()).isOne();
    assertThat(taskQuery().taskCandidateGroup("koordinator").count()).as("no koordinator task per program").isZero();
    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);
  }

  @Test
  void allPartnersRejectingClosesTheCaseAsRejected() {
    ProcessInstance referral = routedReferral("HEALTH");

    decide("BAZNAS_SEHAT", "REJECT");

    assertThat(referral).isEnded().hasPassed(END_CLOSED_REJECTED).hasNotPassed(TIMER_FOLLOW_UP_DUE);
  }

  @Test
  void partlyFacilitatedCaseIsFollowedUpAndClosed() {
    services.pkhComponents = 0;
    ProcessInstance referral = routedReferral("FOOD", "HOUSING");
    decide("BAZNAS_PEDULI", "REJECT");
    decide("BPNT", "ACCEPT");
    distribute("BPNT");

    assertThat(referral).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);
    execute(job());
    assertThat(referral).isWaitingAt(TASK_FOLLOW_UP);
    assertThat(task(referral)).hasCandidateGroup("fasilitator");
    complete(task(referral), withVariables(RESIDENT_REACHED.name(), "YES", AID_RECEIVED.name(), "YES", AID_HELPED.name(), "PARTLY",
        FOLLOW_UP_NOTES.name(), "Sembako diterima"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_FACILITATED).hasNotPassed(TASK_CHECK_DISCREPANCY);
  }

  @Test
  void fullyFacilitatedCaseIsDistributedFollowedUpAndClosed() {
    services.pkhComponents = 0;
    ProcessInstance referral = routedReferral("FOOD");
    decide("BPNT", "ACCEPT");
    distribute("BPNT");
    execute(job());

    complete(task(referral), withVariables(RESIDENT_REACHED.name(), "YES", AID_RECEIVED.name(), "YES", AID_HELPED.name(), "YES",
        FOLLOW_UP_NOTES.name(), "Bantuan diterima"));

    assertThat(referral).isEnded().hasPassed(TASK_FOLLOW_UP, END_CLOSED_FACILITATED);
    verify(mocked(ClosingService.class)).recordFollowUp(NEW_CASE, "YES", "YES", "YES", null, "Bantuan diterima",
        "petugas");
    verify(mocked(ClosingService.class)).close(NEW_CASE, ClosingOutcome.BY_PROGRAMS, null, "petugas");
  }

  @Test
  void aidTheResidentSaysNeverArrivedGoesToTheKoordinatorsCheckWhichMayFindItReceived() {
    ProcessInstance referral = followedUpAsNotReceived();
    assertThat(referral).isWaitingAt(TASK_CHECK_DISCREPANCY);
    assertThat(task(referral)).hasCandidateGroup("koordinator");

    complete(task(referral), withVariables(DISCREPANCY_RESOLUTION.name(), "RECEIVED",
        DISCREPANCY_NOTE.name(), "Tanda terima bertanda tangan warga"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_FACILITATED);
  }

  @Test
  void aidNotReceivedIsHandedOverAgainByThePartnerAndFollowedUpAgain() {
    ProcessInstance referral = followedUpAsNotReceived();

    complete(task(referral), withVariables(DISCREPANCY_RESOLUTION.name(), "HAND_OVER_AGAIN",
        DISCREPANCY_NOTE.name(), "Paket diserahkan ke tetangga yang salah"));
    passSavePoints();

    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);
    assertThat(partnerTask("BPNT").getTaskDefinitionKey()).isEqualTo(PartnerReferralProcess.TASK_DISTRIBUTE_AID);
    complete(partnerTask("BPNT"), withVariables(DISTRIBUTION_DATE.name(), "2026-11-25", AID_AMOUNT.name(), 200000,
        RECEIPT_CONFIRMED.name(), true, FINAL_HANDOVER.name(), true));
    assertThat(referral).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);
    execute(job());
    complete(task(referral), withVariables(RESIDENT_REACHED.name(), "YES", AID_RECEIVED.name(), "YES", AID_HELPED.name(), "YES",
        FOLLOW_UP_NOTES.name(), "Kali ini diterima"));
    assertThat(referral).isEnded().hasPassed(END_CLOSED_FACILITATED);
  }

  @Test
  void theResidentsNoByWhatsAppWhileTheCaseWaitsForItsFollowUpOpensTheKoordinatorsCheck() {
    services.pkhComponents = 0;
    ProcessInstance referral = routedReferral("FOOD");
    decide("BPNT", "ACCEPT");
    distribute("BPNT");
    assertThat(referral).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .createMessageCorrelation(MSG_RESIDENT_SAYS_NOT_RECEIVED).processInstanceBusinessKey(NEW_CASE).correlate();

    assertThat(referral).isWaitingAt(TASK_CHECK_DISCREPANCY).hasNotPassed(TIMER_FOLLOW_UP_DUE, TASK_FOLLOW_UP);
    assertThat(task(referral)).hasCandidateGroup("koordinator");
  }

  @Test
  void theResidentsNoByWhatsAppDuringTheFollowUpReplacesItWithTheKoordinatorsCheck() {
    services.pkhComponents = 0;
    ProcessInstance referral = routedReferral("FOOD");
    decide("BPNT", "ACCEPT");
    distribute("BPNT");
    execute(job());
    assertThat(referral).isWaitingAt(TASK_FOLLOW_UP);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .createMessageCorrelation(MSG_RESIDENT_SAYS_NOT_RECEIVED).processInstanceBusinessKey(NEW_CASE).correlate();

    assertThat(referral).isWaitingAt(TASK_CHECK_DISCREPANCY);
    assertThat(taskQuery().taskDefinitionKey(TASK_FOLLOW_UP).count()).as("the follow-up task is withdrawn").isZero();
    complete(task(referral), withVariables(DISCREPANCY_RESOLUTION.name(), "CANCEL", DISCREPANCY_NOTE.name(),
        "Tidak ada bukti"));
    assertThat(referral).isEnded().hasPassed(END_CLOSED_FACILITATED);
  }

  @Test
  void aidNotReceivedAndCancelledClosesTheCase() {
    ProcessInstance referral = followedUpAsNotReceived();

    complete(task(referral), withVariables(DISCREPANCY_RESOLUTION.name(), "CANCEL", DISCREPANCY_NOTE.name(), "Tidak ada bukti"));

    assertThat(referral).isEnded().hasPassed(END_CLOSED_FACILITATED);
    verify(mocked(ClosingService.class), times(1)).close(NEW_CASE, ClosingOutcome.BY_PROGRAMS, null, "petugas");
    assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PartnerReferralProcess.PROCESS_ID).count()).as("no second handover").isOne();
  }

  @Test
  void residentWithdrawingCancelsThePartnersWorkAndClosesTheCase() {
    ProcessInstance referral = routedReferral("HEALTH", "FOOD");
    assertThat(taskQuery().taskDefinitionKey(PartnerReferralProcess.TASK_DECIDE_REFERRAL).count()).isEqualTo(2);

    runtimeService().createMessageCorrelation(MSG_RESIDENT_WITHDREW).processInstanceId(referral.getId())
        .setVariable(WITHDRAWAL_REASON.name(), "Sudah dibantu keluarga").correlate();

    assertThat(referral).isEnded().hasPassed(END_CLOSED_WITHDRAWN);
    assertThat(taskQuery().count()).isZero();
    verify(mocked(ClosingService.class)).close(NEW_CASE, ClosingOutcome.WITHDRAWN, "Sudah dibantu keluarga",
        "petugas");
  }

  @Test
  void needsAddedPastRoutingGiveTheBackOfficeAReviewWhilePartnersWork() {
    ProcessInstance referral = routedReferral("HEALTH");

    runtimeService().createMessageCorrelation(MSG_NEEDS_ADDED).processInstanceId(referral.getId()).correlate();

    Task review = taskQuery().taskDefinitionKey(TASK_REVIEW_ADDED_NEEDS).singleResult();
    assertThat(review).hasCandidateGroup("bo");
    complete(review, withVariables(REVIEW_ACTION.name(), "COVERED", REVIEW_NOTE.name(), "Sudah tercakup PKH"));
    assertThat(referral).hasPassed(END_ADDED_NEEDS_REVIEWED).isWaitingAt(CALL_PARTNER_REFERRAL);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private static Map<String, Object> caseVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REFERRAL_NUMBER.name(), "RJK-2026-000001");
    variables.put(RESIDENT_NAME.name(), "Siti Aminah");
    variables.put(NEEDS.name(), checklist("FOOD", "HEALTH"));
    variables.put(URGENT.name(), false);
    return variables;
  }

  /** The needs assessment's form: the result, the household's size and income, and what else is given. */
  private static Map<String, Object> assessed(String result, Object... more) {
    Map<String, Object> variables = withVariables(ASSESSMENT_RESULT.name(), result, HOUSEHOLD_SIZE.name(), 4,
        MONTHLY_INCOME.name(), 1_200_000);
    for (int i = 0; i < more.length; i += 2) {
      variables.put(((Variable<?>) more[i]).name(), more[i + 1]);
    }
    return variables;
  }

  /** Submitted over the API; the intake is saved before the registry check (a save point), which then runs. */
  private static ProcessInstance submitThroughApi() {
    ProcessInstance referral = runtimeService().createMessageCorrelation(MSG_REFERRAL_SUBMITTED)
        .processInstanceBusinessKey("RJK-2026-000001").setVariables(caseVariables()).correlateStartMessage();
    assertThat(referral).isWaitingAt(TASK_CHECK_REGISTRY);
    passSavePoints();
    return referral;
  }

  private static ProcessInstance verifiedReferral() {
    ProcessInstance referral = submitThroughApi();
    assertThat(referral).isWaitingAt(TASK_ASSESS_NEEDS);
    return referral;
  }

  /** A case the fasilitator assessed with these needs; the eligibility table routes it to the back office. */
  private static ProcessInstance recommendationPrepared(String... needs) {
    Map<String, Object> variables = caseVariables();
    variables.put(NEEDS.name(), checklist(needs));
    ProcessInstance referral = runtimeService().createMessageCorrelation(MSG_REFERRAL_SUBMITTED)
        .processInstanceBusinessKey("RJK-2026-000001").setVariables(variables).correlateStartMessage();
    passSavePoints();
    complete(task(referral), assessed("ELIGIBLE"));
    assertThat(referral).hasPassed(TASK_PREPARE_ELIGIBILITY, TASK_EVALUATE_ELIGIBILITY, TASK_ROUTE_PROGRAMS)
        .isWaitingAt(TASK_PREPARE_RECOMMENDATION);
    return referral;
  }

  /** A case whose routing the back office recommended as it was and the koordinator approved: the partners have it. */
  private static ProcessInstance routedReferral(String... needs) {
    ProcessInstance referral = recommendationPrepared(needs);
    complete(task(referral), recommended("REFER"));
    complete(task(referral), decided("APPROVE"));
    passSavePoints();
    assertThat(referral).isWaitingAt(CALL_PARTNER_REFERRAL);
    return referral;
  }

  /** The back office's recommendation form: what it recommends, the programs it took out or added, the reason. */
  private static Map<String, Object> recommended(String recommendation, Object... more) {
    Map<String, Object> variables = withVariables(RECOMMENDATION.name(), recommendation,
        REMOVED_PROGRAMS.name(), checklist(), ADDED_PROGRAMS.name(), checklist());
    for (int i = 0; i < more.length; i += 2) {
      variables.put(((Variable<?>) more[i]).name(), more[i + 1]);
    }
    return variables;
  }

  /** The koordinator's decision form ("Penetapan layanan"), with a note where given. */
  private static Map<String, Object> decided(String decision, Object... more) {
    Map<String, Object> variables = withVariables(CASE_DECISION.name(), decision);
    for (int i = 0; i < more.length; i += 2) {
      variables.put(((Variable<?>) more[i]).name(), more[i + 1]);
    }
    return variables;
  }

  /** The key of the deployed Camunda form a task shows. */
  private static String formOf(Task task) {
    return taskQuery().taskId(task.getId()).initializeFormKeys().singleResult().getCamundaFormRef().getKey();
  }

  /** The partner's open task of the case for the program. */
  private static Task partnerTask(String program) {
    return taskQuery().processVariableValueEquals(PROGRAM_CODE.name(), program).singleResult();
  }

  private static void decide(String program, String decision) {
    complete(partnerTask(program), withVariables(DECISION.name(), decision, REJECTION_CODE.name(), "NOT_ELIGIBLE",
        INFO_REQUEST.name(), "Berapa tanggungan?", GRANT_AMOUNT.name(), 200000));
  }

  /** A food case handed over by Dinsos whose resident, at the follow-up, says the aid never arrived. */
  private ProcessInstance followedUpAsNotReceived() {
    services.pkhComponents = 0;
    ProcessInstance referral = routedReferral("FOOD");
    decide("BPNT", "ACCEPT");
    distribute("BPNT");
    execute(job());
    complete(task(referral), withVariables(RESIDENT_REACHED.name(), "YES", AID_RECEIVED.name(), "NO", AID_HELPED.name(), "NO",
        SATISFACTION.name(), "1", FOLLOW_UP_NOTES.name(), "Warga belum pernah menerima"));
    return referral;
  }

  /** The partner hands the accepted program's aid over at once: the koordinator decided the case before. */
  private static void distribute(String program) {
    Task handover = partnerTask(program);
    assertThat(handover.getTaskDefinitionKey()).isEqualTo(PartnerReferralProcess.TASK_DISTRIBUTE_AID);
    complete(handover, withVariables(DISTRIBUTION_DATE.name(), "2026-11-20", AID_ITEMS.name(), "1 paket",
        RECEIPT_CONFIRMED.name(), true, FINAL_HANDOVER.name(), true));
  }
}
