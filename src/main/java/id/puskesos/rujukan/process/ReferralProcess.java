package id.puskesos.rujukan.process;

/** Names in {@code processes/referral.bpmn} that code and tests refer to. */
public final class ReferralProcess {

  public static final String PROCESS_ID = "referral";
  /** The eligibility table the routing evaluates ({@code processes/program-eligibility.dmn}). */
  public static final String DECISION_PROGRAM_ELIGIBILITY = "program-eligibility";

  public static final String START_INTAKE_FORM = "start_intakeForm";
  public static final String START_REFERRAL_SUBMITTED = "start_referralSubmitted";
  public static final String TASK_REGISTER_INTAKE = "task_registerIntake";
  public static final String END_MERGED_INTO_OPEN_CASE = "end_mergedIntoOpenCase";
  public static final String TASK_CHECK_REGISTRY = "task_checkRegistry";
  public static final String TASK_HOME_VISIT = "task_homeVisit";
  public static final String TASK_PROPOSE_DTKS_INCLUSION = "task_proposeDtksInclusion";
  public static final String SUBPROCESS_PROFESSIONAL_OPINION = "subprocess_professionalOpinion";
  /** The professional opinion, in a called instance of its own ({@link ProfessionalOpinionProcess}). */
  public static final String CALL_PROFESSIONAL_OPINION = "call_professionalOpinion";
  /** Asks the catalogue which partners the assessment asks consent for, and the resident's standing answers. */
  public static final String TASK_PREPARE_CONSENT_QUESTIONS = "task_prepareConsentQuestions";
  public static final String TASK_ASSESS_NEEDS = "task_assessNeeds";
  public static final String TASK_PREPARE_ELIGIBILITY = "task_prepareEligibility";
  public static final String TASK_EVALUATE_ELIGIBILITY = "task_evaluateEligibility";
  public static final String TASK_ROUTE_PROGRAMS = "task_routePrograms";
  public static final String TASK_PREPARE_RECOMMENDATION = "task_prepareRecommendation";
  public static final String TASK_DECIDE_SERVICE = "task_decideService";
  public static final String TASK_ANSWER_ESCALATION = "task_answerEscalation";
  public static final String END_CLOSED_BY_CITY = "end_closedByCity";
  public static final String CALL_PARTNER_REFERRAL = "call_partnerReferral";
  /** Waits for the follow-up's date, or the resident's TIDAK by WhatsApp, whichever comes first. */
  public static final String GATEWAY_AWAIT_FOLLOW_UP = "gateway_awaitFollowUp";
  public static final String TIMER_FOLLOW_UP_DUE = "timer_followUpDue";
  public static final String TASK_FOLLOW_UP = "task_followUp";
  public static final String TASK_CHECK_DISCREPANCY = "task_checkDiscrepancy";
  public static final String TASK_REVIEW_ADDED_NEEDS = "task_reviewAddedNeeds";
  public static final String END_CLOSED_FACILITATED = "end_closedFacilitated";
  public static final String END_CLOSED_REJECTED = "end_closedRejected";
  public static final String END_CLOSED_NOT_ELIGIBLE = "end_closedNotEligible";
  public static final String END_CLOSED_WITHDRAWN = "end_closedWithdrawn";
  public static final String END_ADDED_NEEDS_REVIEWED = "end_addedNeedsReviewed";

  public static final String MSG_REFERRAL_SUBMITTED = "msg_referralSubmitted";
  public static final String MSG_RESIDENT_WITHDREW = "msg_residentWithdrew";
  public static final String MSG_NEEDS_ADDED = "msg_needsAdded";
  /** The resident answered TIDAK to "did you receive the aid?" (WhatsApp): the koordinator's check, as at the follow-up. */
  public static final String MSG_RESIDENT_SAYS_NOT_RECEIVED = "msg_residentSaysNotReceived";

  private ReferralProcess() {
  }
}
