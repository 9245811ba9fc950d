package id.puskesos.rujukan.process;

/**
 * Variables of the registry's processes (dtks-inclusion, duplicate-review, resident-reverification,
 * data-reverification). The resident's identity variables are those of {@link CaseVariables}.
 */
public final class RegistryVariables {

  // dtks-inclusion
  public static final String PROPOSAL_OUTCOME = "proposalOutcome";
  public static final String PROPOSAL_REFERENCE = "proposalReference";
  public static final String DECLINE_REASON = "declineReason";
  public static final String RESULT_OUTCOME = "resultOutcome";
  public static final String RESULT_DESIL = "resultDesil";
  public static final String LISTED_ON = "listedOn";
  public static final String RESULT_NOTE = "resultNote";

  // duplicate-review
  public static final String DUPLICATE_CANDIDATE_ID = "duplicateCandidateId";
  public static final String DUPLICATE_RULE = "duplicateRule";
  public static final String RECORD_A = "recordA";
  public static final String RECORD_B = "recordB";
  public static final String DUPLICATE_DECISION = "duplicateDecision";
  public static final String DUPLICATE_NOTE = "duplicateNote";

  // resident-reverification and data-reverification
  public static final String REVERIFICATION_ID = "reverificationId";
  public static final String REGISTRY_SUMMARY = "registrySummary";
  public static final String REMAINING_DUE = "remainingDue";
  public static final String BATCHES_ISSUED = "batchesIssued";

  private RegistryVariables() {
  }
}
