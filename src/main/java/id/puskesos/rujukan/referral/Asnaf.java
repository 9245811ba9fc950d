package id.puskesos.rujukan.referral;

/**
 * The eight groups zakat is for (QS At-Taubah 60; UU 23/2011 on zakat management). Puskesos referrals are mostly
 * fakir, miskin and gharimin; the eligibility table names which one a zakat line serves the household as.
 */
public enum Asnaf {
  FAKIR("fakir"),
  MISKIN("miskin"),
  AMIL("amil"),
  MUALAF("mualaf"),
  RIQAB("riqab"),
  GHARIMIN("gharimin"),
  FISABILILLAH("fisabilillah"),
  IBNU_SABIL("ibnu sabil");

  private final String label;

  Asnaf(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The asnaf of a code, or null for none or a code that is not one of the eight. */
  public static Asnaf of(String code) {
    for (Asnaf asnaf : values()) {
      if (asnaf.name().equals(code)) {
        return asnaf;
      }
    }
    return null;
  }
}
