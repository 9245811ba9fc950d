package id.puskesos.rujukan.routing;

/**
 * The names {@code processes/program-eligibility.dmn} ({@code ReferralProcess.DECISION_PROGRAM_ELIGIBILITY}) reads and
 * writes: its input variables and its output columns.
 * The table answers, per row, one program for one need with its rank (1 = tried first), and for a zakat
 * institution's row the fund it pays from and the asnaf the household is served as.
 */
public final class EligibilityTable {

  // inputs
  public static final String CONFIRMED_NEEDS = "confirmedNeeds";
  public static final String DTKS_STATUS = "dtksStatus";
  public static final String DESIL = "desil";
  public static final String PKH_COMPONENTS = "pkhComponents";
  public static final String RELIGION = "religion";
  /** FAKIR, MISKIN or ABOVE: the household's income per person against the zakat measures ({@link ZakatMeasures}). */
  public static final String POVERTY_CLASS = "povertyClass";
  public static final String SCHOOL_CHILDREN = "schoolChildren";
  public static final String CHILDREN = "children";
  /**
   * The codes of the partners the resident consents to share data with (a list). A row may read it; it cannot send a
   * case past a missing consent, which routing checks in code for every non-government partner.
   */
  public static final String CONSENTED_PARTNERS = "consentedPartners";

  // outputs
  public static final String PROGRAM_CODE = "programCode";
  public static final String NEED = "need";
  public static final String RANK = "rank";
  public static final String REASON = "reason";
  /** ZAKAT or INFAQ, on a zakat institution's rows; empty elsewhere. */
  public static final String FUND = "fund";
  /** On zakat rows: the asnaf the household is served as (FAKIR, MISKIN, GHARIMIN, ...). */
  public static final String ASNAF = "asnaf";

  private EligibilityTable() {
  }
}
