package id.puskesos.rujukan.assessment;

import java.util.Set;

import id.puskesos.rujukan.referral.Need;

/**
 * The fasilitator's needs assessment of a household; {@code consentedPartners}: the codes of the partners the resident
 * agreed, at this assessment, may receive their data (of those asked, {@code ProgramCatalogue.consentPartners()}).
 */
public record Assessment(
    int householdSize,
    long monthlyIncome,
    int pregnantCount,
    int childrenUnder6,
    int primarySchoolChildren,
    int juniorSchoolChildren,
    int seniorSchoolChildren,
    int disabledMembers,
    int elderlyMembers,
    Religion religion,
    Set<Need> needs,
    Set<String> consentedPartners,
    boolean eligible,
    String notEligibleReason) {

  /** Asked only where a zakat line needs it; "not stated" is always a valid answer. */
  public enum Religion {
    ISLAM, KRISTEN, KATOLIK, HINDU, BUDDHA, KONGHUCU, TIDAK_DISEBUTKAN
  }

  public int children() {
    return childrenUnder6 + primarySchoolChildren + juniorSchoolChildren + seniorSchoolChildren;
  }
}
