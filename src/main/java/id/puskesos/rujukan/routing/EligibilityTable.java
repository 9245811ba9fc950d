package id.puskesos.rujukan.routing;

/**
 * The names {@code processes/program-eligibility.dmn} ({@code ReferralProcess.DECISION_PROGRAM_ELIGIBILITY}) reads and
 * writes: its input variables and its output columns.
 * The table answers, per row, one program for one need with its rank (1 = tried first).
 */
public final class EligibilityTable {

  // inputs
  public static final String CONFIRMED_NEEDS = "confirmedNeeds";
  public static final String DTKS_STATUS = "dtksStatus";
  public static final String DESIL = "desil";
  public static final String PKH_COMPONENTS = "pkhComponents";
  public static final String RELIGION = "religion";
  public static final String INCOME_PER_CAPITA = "incomePerCapita";
  public static final String SCHOOL_CHILDREN = "schoolChildren";
  public static final String CHILDREN = "children";

  // outputs
  public static final String PROGRAM_CODE = "programCode";
  public static final String NEED = "need";
  public static final String RANK = "rank";
  public static final String REASON = "reason";

  private EligibilityTable() {
  }
}
