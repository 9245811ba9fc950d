package id.puskesos.rujukan.referral;

import java.util.Collection;

/** How a closed case ended. */
public enum Outcome {
  FACILITATED("Terfasilitasi"),
  PARTLY_FACILITATED("Terfasilitasi sebagian"),
  REJECTED("Ditolak mitra"),
  /** Handed over by the partner's record, but not received by the resident, as the koordinator's check found. */
  NOT_RECEIVED("Bantuan tidak diterima warga"),
  NOT_ELIGIBLE("Tidak memenuhi syarat"),
  WITHDRAWN("Dicabut warga"),
  /** The Puskesos could not resolve the case; the city SLRT took it over (escalation answered). */
  ESCALATED("Ditangani SLRT kota"),
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
   * The outcome of a case that went to partners, from what its programs delivered: facilitated when every program
   * still standing delivered, partly when some did; when none did, not received if a handover was found never to have
   * reached the resident, else rejected. Programs not sent, and programs given up for an alternative (cancelled), do
   * not count against the case: the alternative that took over does.
   */
  public static Outcome fromPrograms(Collection<ProgramStatus> statuses) {
    long delivered = statuses.stream().filter(ProgramStatus::delivered).count();
    long standing = statuses.stream().filter(s -> s.wasReferred() && s != ProgramStatus.CANCELLED).count();
    if (delivered == 0) {
      return statuses.contains(ProgramStatus.NOT_RECEIVED) ? NOT_RECEIVED : REJECTED;
    }
    return delivered == standing ? FACILITATED : PARTLY_FACILITATED;
  }

  /**
   * The outcome after the follow-up, where the resident's word counts: not reached has its own outcome; aid received
   * only in part is at most partly facilitated.
   */
  public static Outcome afterFollowUp(Outcome delivered, FollowUp followUp) {
    if (!followUp.reached()) {
      return UNREACHABLE;
    }
    return delivered == FACILITATED && followUp.aidReceived() == FollowUp.Answer.PARTLY ? PARTLY_FACILITATED
        : delivered;
  }
}
