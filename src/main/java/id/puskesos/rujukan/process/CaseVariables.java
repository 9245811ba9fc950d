package id.puskesos.rujukan.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.InvalidInputException;

/**
 * The process variables of a referral case (the referral and its partner referrals), named once, with typed
 * readers. Forms submit lists as JSON, the API as Java lists; {@link #strings} reads both.
 * The variables hold references and what gateways and forms need; the case file tables hold the rest.
 */
public final class CaseVariables {

  // shown on every task form of the case
  public static final String REFERRAL_NUMBER = "referralNumber";
  public static final String RESIDENT_ID = "residentId";
  public static final String RESIDENT_NAME = "residentName";
  /** The full NIK: on the start form, and as a task-local variable of the forms whose role needs it; never kept. */
  public static final String NIK = "nik";
  public static final String NIK_MASKED = "nikMasked";
  public static final String ADDRESS = "address";
  public static final String NEEDS = "needs";
  public static final String NEEDS_SUMMARY = "needsSummary";
  public static final String DESCRIPTION = "description";
  public static final String CHANNEL = "channel";
  public static final String URGENT = "urgent";

  // intake form fields that go to the registry and do not stay in the process
  public static final String KK_NUMBER = "kkNumber";
  public static final String FULL_NAME = "fullName";
  public static final String BIRTH_DATE = "birthDate";
  public static final String SEX = "sex";
  public static final String RT = "rt";
  public static final String RW = "rw";
  public static final String KELURAHAN = "kelurahan";
  public static final String PHONE = "phone";
  public static final List<String> REGISTRY_ONLY = List.of(KK_NUMBER, FULL_NAME, BIRTH_DATE, SEX, RT, RW, KELURAHAN, PHONE);

  public static final String MERGED_INTO_OPEN_CASE = "mergedIntoOpenCase";

  // verification: the automated registry check, then the fasilitator's field verification
  public static final String REGISTRY_FINDINGS = "registryFindings";
  public static final String NEEDS_FIELD_VERIFICATION = "needsFieldVerification";
  public static final String DTKS_LISTED = "dtksListed";
  public static final String VISIT_DATE = "visitDate";
  public static final String VISIT_FINDINGS = "visitFindings";
  public static final String CORRECTED_ADDRESS = "correctedAddress";
  public static final String CORRECTED_RT = "correctedRt";
  public static final String CORRECTED_RW = "correctedRw";
  public static final String CORRECTED_PHONE = "correctedPhone";
  public static final String DTKS_STATUS = "dtksStatus";
  public static final String DESIL = "desil";
  public static final String DECEASED = "deceased";
  public static final String MOVED_AWAY = "movedAway";
  public static final String VERIFICATION_RESULT = "verificationResult";
  public static final String NOT_ELIGIBLE_REASON = "notEligibleReason";

  // professional opinions asked for at the field verification
  public static final String OPINIONS_REQUESTED = "opinionsRequested";
  public static final String OPINION_GROUPS = "opinionGroups";
  public static final String OPINION_GROUP = "opinionGroup";
  public static final String OPINION = "opinion";
  public static final String OPINIONS_SUMMARY = "opinionsSummary";

  // needs assessment
  public static final String HOUSEHOLD_SIZE = "householdSize";
  public static final String MONTHLY_INCOME = "monthlyIncome";
  public static final String PREGNANT_COUNT = "pregnantCount";
  public static final String CHILDREN_UNDER_6 = "childrenUnder6";
  public static final String PRIMARY_SCHOOL_CHILDREN = "primarySchoolChildren";
  public static final String JUNIOR_SCHOOL_CHILDREN = "juniorSchoolChildren";
  public static final String SENIOR_SCHOOL_CHILDREN = "seniorSchoolChildren";
  public static final String DISABLED_MEMBERS = "disabledMembers";
  public static final String ELDERLY_MEMBERS = "elderlyMembers";
  public static final String RELIGION = "religion";
  public static final String CONSENT_BAZNAS = "consentBaznas";
  public static final String CONSENT_SALMAN = "consentSalman";
  public static final String CONSENT_SUMMARY = "consentSummary";
  public static final String ASSESSMENT_RESULT = "assessmentResult";

  // routing: the eligibility table's inputs and result, then the coordinator's routing by hand
  public static final String ELIGIBILITY_RESULTS = "eligibilityResults";
  public static final String PROGRAM_OPTIONS = "programOptions";
  public static final String SELECTED_PROGRAMS = "selectedPrograms";
  public static final String MANUAL_ROUTING = "manualRouting";
  public static final String ROUTING_NOTE = "routingNote";
  public static final String COORDINATOR_NOTE = "coordinatorNote";
  public static final String PROGRAMS = "programs";
  public static final String REFERRED_COUNT = "referredCount";

  // partner referral (one per program)
  public static final String PROGRAM_CODE = "programCode";
  public static final String PROGRAM_NAME = "programName";
  public static final String PARTNER_NAME = "partnerName";
  public static final String PARTNER_GROUP = "partnerGroup";
  public static final String AID_UNIT = "aidUnit";
  public static final String PROPOSED_AMOUNT = "proposedAmount";
  public static final String PROPOSAL_TEXT = "proposalText";
  public static final String PROPOSAL_BASIS = "proposalBasis";
  public static final String DECISION = "decision";
  public static final String REJECTION_CODE = "rejectionCode";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String INFO_REQUEST = "infoRequest";
  public static final String INFO_RESPONSE = "infoResponse";
  public static final String PLANNED_AID = "plannedAid";
  public static final String GRANT_AMOUNT = "grantAmount";
  // budget: reserved at acceptance, or waiting; the back office's review of a long wait
  public static final String BUDGET_RESERVED = "budgetReserved";
  public static final String BUDGET_NOTE = "budgetNote";
  // the program was given up (held back by the household ledger, too long a waiting list, no decision in time):
  // routing's next alternative for the need takes over, or none is left
  public static final String TRY_ALTERNATIVE = "tryAlternative";
  public static final String ALTERNATIVE_LEFT = "alternativeLeft";
  public static final String ALTERNATIVE_PROGRAM = "alternativeProgram";
  public static final String WAITING_ACTION = "waitingAction";
  public static final String REDIRECT_PROGRAM = "redirectProgram";
  public static final String WAITING_NOTE = "waitingNote";
  // the coordinator's service decision ("penetapan layanan") and its letter
  public static final String SERVICE_DECISION = "serviceDecision";
  public static final String LETTER_NUMBER = "letterNumber";
  // handovers, possibly in parts
  public static final String DISTRIBUTION_DATE = "distributionDate";
  public static final String AID_AMOUNT = "aidAmount";
  public static final String AID_ITEMS = "aidItems";
  public static final String AID_QUANTITY = "aidQuantity";
  public static final String DISTRIBUTION_PLACE = "distributionPlace";
  public static final String HANDED_OVER_BY = "handedOverBy";
  public static final String PROOF_REFERENCE = "proofReference";
  public static final String RECEIPT_CONFIRMED = "receiptConfirmed";
  public static final String FINAL_HANDOVER = "finalHandover";
  public static final String DISTRIBUTION_COMPLETE = "distributionComplete";
  public static final String REMAINING_NOTE = "remainingNote";

  // after the partners
  public static final String DISTRIBUTED_COUNT = "distributedCount";
  public static final String AID_SUMMARY = "aidSummary";
  public static final String RESIDENT_REACHED = "residentReached";
  public static final String AID_RECEIVED = "aidReceived";
  public static final String AID_HELPED = "aidHelped";
  public static final String SATISFACTION = "satisfaction";
  public static final String FOLLOW_UP_NOTES = "followUpNotes";
  public static final String FOLLOW_UP_RESULT = "followUpResult";
  // the koordinator's check of aid the resident says never arrived; handing it over again
  public static final String HANDOVER_RECORDS = "handoverRecords";
  public static final String DISCREPANCY_RESOLUTION = "discrepancyResolution";
  public static final String DISCREPANCY_NOTE = "discrepancyNote";
  public static final String REDISTRIBUTE = "redistribute";

  // closing (input parameters of the closing service tasks) and withdrawal
  public static final String CLOSING_OUTCOME = "closingOutcome";
  public static final String CLOSING_REASON = "closingReason";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // review of needs added to a case past routing
  public static final String REVIEW_ACTION = "reviewAction";
  public static final String REVIEW_NOTE = "reviewNote";

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The variable as trimmed text, or null when absent or blank. */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** A whole number, or null when absent; forms send numbers as Integer, Long, Double or text. */
  public static Long number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim()).setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidInputException(name, name + " harus berupa angka");
    }
  }

  /** A list of strings from a JSON array (Camunda Forms), a Java collection (API) or null. */
  public static List<String> strings(VariableScope scope, String name) {
    return strings(scope.getVariable(name));
  }

  public static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
      }
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> result.add(String.valueOf(item)));
    } else if (value instanceof String text && text.trim().startsWith("[")) {
      try {
        for (Object item : JSON.readValue(text, List.class)) {
          result.add(String.valueOf(item));
        }
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not a JSON list: " + text, e);
      }
    }
    return result;
  }

  /** A JSON list variable, the type Camunda Forms read into checklists. */
  public static TypedValue jsonList(Collection<?> items) {
    return SpinValues.jsonValue(toJson(items)).create();
  }

  /** A JSON list of {label, value} options for a checklist's {@code valuesKey}. */
  public static TypedValue jsonOptions(Map<String, String> labelsByValue) {
    List<Map<String, String>> options = new ArrayList<>();
    labelsByValue.forEach((value, label) -> options.add(Map.of("label", label, "value", value)));
    return SpinValues.jsonValue(toJson(options)).create();
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
