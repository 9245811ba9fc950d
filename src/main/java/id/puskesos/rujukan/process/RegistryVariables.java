package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.common.Variable.count;
import static id.puskesos.rujukan.common.Variable.text;
import static id.puskesos.rujukan.common.Variable.wholeNumber;

import java.util.List;

import id.puskesos.rujukan.common.Variable;

/**
 * Variables of the registry's processes (dtks-inclusion, duplicate-review, resident-reverification,
 * data-reverification), each declared once as a typed {@link Variable}; docs/history.md gives the history decision
 * per variable. The resident's identity variables are those of {@link CaseVariables}.
 */
public final class RegistryVariables {

  // dtks-inclusion
  public static final Variable<String> PROPOSAL_OUTCOME = text("proposalOutcome");
  public static final Variable<String> PROPOSAL_REFERENCE = text("proposalReference");
  public static final Variable<String> DECLINE_REASON = text("declineReason").notInHistory();
  public static final Variable<String> RESULT_OUTCOME = text("resultOutcome");
  public static final Variable<Long> RESULT_DESIL = wholeNumber("resultDesil");
  public static final Variable<String> LISTED_ON = text("listedOn");
  public static final Variable<String> RESULT_NOTE = text("resultNote").notInHistory();

  // duplicate-review
  public static final Variable<Long> DUPLICATE_CANDIDATE_ID = wholeNumber("duplicateCandidateId");
  public static final Variable<String> DUPLICATE_RULE = text("duplicateRule");
  /** Each record's identity, NIK, KK, birth date and address, for the reviewer to compare. */
  public static final Variable<String> RECORD_A = text("recordA").notInHistory();
  public static final Variable<String> RECORD_B = text("recordB").notInHistory();
  public static final Variable<String> DUPLICATE_DECISION = text("duplicateDecision");
  public static final Variable<String> DUPLICATE_NOTE = text("duplicateNote").notInHistory();

  // resident-reverification and data-reverification
  public static final Variable<Long> REVERIFICATION_ID = wholeNumber("reverificationId");
  public static final Variable<String> REGISTRY_SUMMARY = text("registrySummary").notInHistory();
  public static final Variable<Long> REMAINING_DUE = wholeNumber("remainingDue");
  public static final Variable<Integer> BATCHES_ISSUED = count("batchesIssued");

  private RegistryVariables() {
  }

  /** Every variable of the registry's processes, in the order declared. */
  public static List<Variable<?>> all() {
    return Variable.declaredIn(RegistryVariables.class);
  }
}
