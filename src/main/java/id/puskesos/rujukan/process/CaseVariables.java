package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.common.Variable.count;
import static id.puskesos.rujukan.common.Variable.jsonList;
import static id.puskesos.rujukan.common.Variable.list;
import static id.puskesos.rujukan.common.Variable.options;
import static id.puskesos.rujukan.common.Variable.rows;
import static id.puskesos.rujukan.common.Variable.text;
import static id.puskesos.rujukan.common.Variable.wholeNumber;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import id.puskesos.rujukan.common.Variable;

/**
 * The process variables of a referral case (the referral and its partner referrals), each declared once as a typed
 * {@link Variable}: its name, its type, how forms' and the API's values are read, and whether the engine's history
 * keeps it ({@code notInHistory()}: docs/history.md gives the reason per variable). Forms and BPMN expressions use the
 * same names. The variables hold references and what gateways and forms need; the case file tables hold the rest.
 */
public final class CaseVariables {

  // shown on every task form of the case
  public static final Variable<String> REFERRAL_NUMBER = text("referralNumber");
  public static final Variable<Long> RESIDENT_ID = wholeNumber("residentId");
  public static final Variable<String> RESIDENT_NAME = text("residentName");
  /** The full NIK: on the start form, and as a task-local variable of the forms whose role needs it; never kept. */
  public static final Variable<String> NIK = text("nik").notInHistory();
  public static final Variable<String> NIK_MASKED = text("nikMasked").notInHistory();
  public static final Variable<String> ADDRESS = text("address").notInHistory();
  public static final Variable<List<String>> NEEDS = jsonList("needs");
  public static final Variable<String> NEEDS_SUMMARY = text("needsSummary");
  public static final Variable<String> DESCRIPTION = text("description").notInHistory();
  public static final Variable<String> CHANNEL = text("channel");
  public static final Variable<Boolean> URGENT = Variable.flag("urgent");

  // intake form fields that go to the registry and do not stay in the process
  public static final Variable<String> KK_NUMBER = text("kkNumber").notInHistory();
  public static final Variable<String> FULL_NAME = text("fullName").notInHistory();
  public static final Variable<String> BIRTH_DATE = text("birthDate").notInHistory();
  public static final Variable<String> SEX = text("sex").notInHistory();
  public static final Variable<String> RT = text("rt").notInHistory();
  public static final Variable<String> RW = text("rw").notInHistory();
  public static final Variable<String> KELURAHAN = text("kelurahan").notInHistory();
  public static final Variable<String> PHONE = text("phone").notInHistory();
  public static final List<Variable<?>> REGISTRY_ONLY = List.of(KK_NUMBER, FULL_NAME, BIRTH_DATE, SEX, RT, RW,
      KELURAHAN, PHONE);

  public static final Variable<Boolean> MERGED_INTO_OPEN_CASE = Variable.flag("mergedIntoOpenCase");

  // verification: the automated registry check, then the fasilitator's field verification
  public static final Variable<String> REGISTRY_FINDINGS = text("registryFindings").notInHistory();
  public static final Variable<Boolean> NEEDS_FIELD_VERIFICATION = Variable.flag("needsFieldVerification");
  public static final Variable<Boolean> DTKS_LISTED = Variable.flag("dtksListed");
  public static final Variable<String> VISIT_DATE = text("visitDate");
  public static final Variable<String> VISIT_FINDINGS = text("visitFindings").notInHistory();
  public static final Variable<String> CORRECTED_ADDRESS = text("correctedAddress").notInHistory();
  public static final Variable<String> CORRECTED_RT = text("correctedRt").notInHistory();
  public static final Variable<String> CORRECTED_RW = text("correctedRw").notInHistory();
  public static final Variable<String> CORRECTED_PHONE = text("correctedPhone").notInHistory();
  public static final Variable<String> DTKS_STATUS = text("dtksStatus");
  public static final Variable<Integer> DESIL = count("desil");
  public static final Variable<Boolean> DECEASED = Variable.flag("deceased");
  public static final Variable<Boolean> MOVED_AWAY = Variable.flag("movedAway");
  public static final Variable<String> VERIFICATION_RESULT = text("verificationResult");
  public static final Variable<String> NOT_ELIGIBLE_REASON = text("notEligibleReason").notInHistory();

  // professional opinions asked for at the field verification
  public static final Variable<List<String>> OPINIONS_REQUESTED = list("opinionsRequested");
  public static final Variable<List<String>> OPINION_GROUPS = list("opinionGroups");
  public static final Variable<String> OPINION_GROUP = text("opinionGroup");
  public static final Variable<String> OPINION = text("opinion").notInHistory();
  public static final Variable<String> OPINIONS_SUMMARY = text("opinionsSummary").notInHistory();

  // needs assessment
  public static final Variable<Long> HOUSEHOLD_SIZE = wholeNumber("householdSize").notInHistory();
  public static final Variable<Long> MONTHLY_INCOME = wholeNumber("monthlyIncome").notInHistory();
  public static final Variable<Long> PREGNANT_COUNT = wholeNumber("pregnantCount").notInHistory();
  public static final Variable<Long> CHILDREN_UNDER_6 = wholeNumber("childrenUnder6").notInHistory();
  public static final Variable<Long> PRIMARY_SCHOOL_CHILDREN = wholeNumber("primarySchoolChildren").notInHistory();
  public static final Variable<Long> JUNIOR_SCHOOL_CHILDREN = wholeNumber("juniorSchoolChildren").notInHistory();
  public static final Variable<Long> SENIOR_SCHOOL_CHILDREN = wholeNumber("seniorSchoolChildren").notInHistory();
  public static final Variable<Long> DISABLED_MEMBERS = wholeNumber("disabledMembers").notInHistory();
  public static final Variable<Long> ELDERLY_MEMBERS = wholeNumber("elderlyMembers").notInHistory();
  public static final Variable<String> RELIGION = text("religion").notInHistory();
  /** The partners the assessment asks consent to share data with (non-government, from the catalogue), code to name. */
  public static final Variable<Map<String, String>> CONSENT_OPTIONS = options("consentOptions");
  /** The codes of the partners the resident consents to: pre-filled with the standing consents, then the answer. */
  public static final Variable<List<String>> CONSENT_PARTNERS = jsonList("consentPartners");
  /** The form of model versions before consentPartners asked BAZNAS and Salman by name; their instances still do. */
  public static final Variable<Boolean> CONSENT_BAZNAS = Variable.flag("consentBaznas");
  public static final Variable<Boolean> CONSENT_SALMAN = Variable.flag("consentSalman");
  public static final Variable<String> CONSENT_SUMMARY = text("consentSummary");
  public static final Variable<String> ASSESSMENT_RESULT = text("assessmentResult");

  // routing: the eligibility table's inputs and result
  public static final Variable<List<Map<String, Object>>> ELIGIBILITY_RESULTS = rows("eligibilityResults");
  /** The version of the eligibility table this routing evaluates: the latest deployed when the routing starts. */
  public static final Variable<Integer> ELIGIBILITY_TABLE_VERSION = count("eligibilityTableVersion");
  public static final Variable<Map<String, String>> PROGRAM_OPTIONS = options("programOptions");
  public static final Variable<String> ROUTING_NOTE = text("routingNote").notInHistory();
  // the SLRT order: the back office's recommendation for the case, the koordinator's decision on it (once per case)
  public static final Variable<String> RECOMMENDATION = text("recommendation");
  public static final Variable<String> RECOMMENDATION_SUMMARY = text("recommendationSummary").notInHistory();
  public static final Variable<Map<String, String>> RECOMMENDED_OPTIONS = options("recommendedOptions");
  public static final Variable<List<String>> REMOVED_PROGRAMS = list("removedPrograms");
  public static final Variable<List<String>> ADDED_PROGRAMS = list("addedPrograms");
  public static final Variable<String> RECOMMENDATION_REASON = text("recommendationReason").notInHistory();
  public static final Variable<String> CASE_DECISION = text("caseDecision");
  public static final Variable<String> COORDINATOR_NOTE = text("coordinatorNote").notInHistory();
  public static final Variable<String> CASE_ROUTE = text("caseRoute");
  // escalation to the city SLRT and its answer
  public static final Variable<String> ESCALATION_SUMMARY = text("escalationSummary").notInHistory();
  public static final Variable<String> CITY_ANSWER = text("cityAnswer");
  public static final Variable<String> CITY_NOTE = text("cityNote").notInHistory();
  public static final Variable<List<String>> PROGRAMS = list("programs");
  public static final Variable<Integer> REFERRED_COUNT = count("referredCount");

  // partner referral (one per program)
  public static final Variable<String> PROGRAM_CODE = text("programCode");
  /** PROPOSAL (national, decided by the ministry per period) or SERVICE (the partner decides and hands over). */
  public static final Variable<String> PROGRAM_KIND = text("programKind");
  /** The program's recommendation letter, issued when it went out on the koordinator's decision. */
  public static final Variable<String> LETTER_NUMBER = text("letterNumber");
  public static final Variable<String> PROGRAM_NAME = text("programName");
  public static final Variable<String> PARTNER_NAME = text("partnerName");
  public static final Variable<String> PARTNER_GROUP = text("partnerGroup");
  public static final Variable<String> AID_UNIT = text("aidUnit");
  public static final Variable<Long> PROPOSED_AMOUNT = wholeNumber("proposedAmount");
  public static final Variable<String> PROPOSAL_TEXT = text("proposalText");
  public static final Variable<String> PROPOSAL_BASIS = text("proposalBasis");
  public static final Variable<String> DECISION = text("decision");
  public static final Variable<String> REJECTION_CODE = text("rejectionCode");
  public static final Variable<String> REJECTION_REASON = text("rejectionReason").notInHistory();
  public static final Variable<String> INFO_REQUEST = text("infoRequest").notInHistory();
  public static final Variable<String> INFO_RESPONSE = text("infoResponse").notInHistory();
  public static final Variable<String> PLANNED_AID = text("plannedAid").notInHistory();
  public static final Variable<Long> GRANT_AMOUNT = wholeNumber("grantAmount");
  // budget: reserved at acceptance, or waiting; the back office's review of a long wait
  public static final Variable<Boolean> BUDGET_RESERVED = Variable.flag("budgetReserved");
  public static final Variable<String> BUDGET_NOTE = text("budgetNote").notInHistory();
  // the program was given up (held back by the household ledger, too long a waiting list, no decision in time):
  // routing's next alternative for the need takes over, or none is left
  public static final Variable<Boolean> TRY_ALTERNATIVE = Variable.flag("tryAlternative");
  public static final Variable<Boolean> ALTERNATIVE_LEFT = Variable.flag("alternativeLeft");
  public static final Variable<String> ALTERNATIVE_PROGRAM = text("alternativeProgram");
  public static final Variable<String> WAITING_ACTION = text("waitingAction");
  public static final Variable<String> REDIRECT_PROGRAM = text("redirectProgram");
  public static final Variable<String> WAITING_NOTE = text("waitingNote").notInHistory();
  // a national program: the proposal's period, when its decision is due, what the imported decision list said
  public static final Variable<String> PROPOSAL_PERIOD = text("proposalPeriod");
  public static final Variable<Date> PROPOSAL_DECISION_DUE = Variable.moment("proposalDecisionDue");
  public static final Variable<String> PROPOSAL_OUTCOME = text("proposalOutcome");
  // handovers, possibly in parts
  public static final Variable<String> DISTRIBUTION_DATE = text("distributionDate");
  public static final Variable<Long> AID_AMOUNT = wholeNumber("aidAmount");
  public static final Variable<String> AID_ITEMS = text("aidItems");
  public static final Variable<Long> AID_QUANTITY = wholeNumber("aidQuantity");
  public static final Variable<String> DISTRIBUTION_PLACE = text("distributionPlace");
  public static final Variable<String> HANDED_OVER_BY = text("handedOverBy");
  public static final Variable<String> PROOF_REFERENCE = text("proofReference");
  public static final Variable<Boolean> RECEIPT_CONFIRMED = Variable.flag("receiptConfirmed");
  public static final Variable<Boolean> FINAL_HANDOVER = Variable.flag("finalHandover");
  public static final Variable<Boolean> DISTRIBUTION_COMPLETE = Variable.flag("distributionComplete");
  public static final Variable<String> REMAINING_NOTE = text("remainingNote").notInHistory();

  // after the partners
  public static final Variable<Integer> DISTRIBUTED_COUNT = count("distributedCount");
  public static final Variable<String> AID_SUMMARY = text("aidSummary");
  public static final Variable<String> RESIDENT_REACHED = text("residentReached");
  public static final Variable<String> AID_RECEIVED = text("aidReceived");
  public static final Variable<String> AID_HELPED = text("aidHelped");
  public static final Variable<String> SATISFACTION = text("satisfaction");
  public static final Variable<String> FOLLOW_UP_NOTES = text("followUpNotes").notInHistory();
  public static final Variable<String> FOLLOW_UP_RESULT = text("followUpResult");
  // the koordinator's check of aid the resident says never arrived; handing it over again
  public static final Variable<String> HANDOVER_RECORDS = text("handoverRecords").notInHistory();
  public static final Variable<String> DISCREPANCY_RESOLUTION = text("discrepancyResolution");
  public static final Variable<String> DISCREPANCY_NOTE = text("discrepancyNote").notInHistory();
  public static final Variable<Boolean> REDISTRIBUTE = Variable.flag("redistribute");

  // closing (input parameters of the closing service tasks) and withdrawal
  public static final Variable<String> CLOSING_OUTCOME = text("closingOutcome");
  public static final Variable<String> CLOSING_REASON = text("closingReason");
  public static final Variable<String> WITHDRAWAL_REASON = text("withdrawalReason").notInHistory();

  // review of needs added to a case past routing
  public static final Variable<String> REVIEW_ACTION = text("reviewAction");
  public static final Variable<String> REVIEW_NOTE = text("reviewNote").notInHistory();

  private CaseVariables() {
  }

  /**
   * The case an instance of the referral or partner-referral process works on: its business key, which the engine
   * keeps (the intake sets it, the call activity passes it on) and no form submission can change. Commands read the
   * case from here, never from the variable {@code referralNumber}, which a submission could overwrite.
   */
  public static String caseNumber(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    if (number == null || number.isBlank()) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
          + " has no referral number as its business key");
    }
    return number;
  }

  /** Every variable of a referral case, in the order declared. */
  public static List<Variable<?>> all() {
    return Variable.declaredIn(CaseVariables.class);
  }
}
