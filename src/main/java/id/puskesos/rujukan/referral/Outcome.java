package id.puskesos.rujukan.referral;

import java.util.Collection;

/** How a closed case ended. */
public enum Outcome {
  FACILITATED("Terfasilitasi"),
  PARTLY_FACILITATED("Terfasilitasi sebagian"),
  REJECTED("Ditolak mitra"),
  NOT_ELIGIBLE("Tidak memenuhi syarat"),
  WITHDRAWN("Dicabut warga"),
  /** Aid was recorded as handed over, but the follow-up could not reach the resident to confirm it. */
  UNREACHABLE("Warga tidak dapat dihubungi");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The outcome of a case that went to partners: facilitated when every program it was referred to delivered,
   * partly when some did, rejected when none did. Programs not sent (no consent, not in DTKS) were never referred.
   */
  public static Outcome fromPrograms(Collection<ProgramStatus> statuses) {
    long referred = statuses.stream().filter(ProgramStatus::wasReferred).count();
    long delivered = statuses.stream().filter(ProgramStatus::delivered).count();
    if (delivered == 0) {
      return REJECTED;
    }
    return delivered == referred ? FACILITATED : PARTLY_FACILITATED;
  }
}
