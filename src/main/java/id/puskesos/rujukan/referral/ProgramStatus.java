package id.puskesos.rujukan.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a case's referral to one program stands. */
public enum ProgramStatus {
  /** Chosen by routing or the back office; waits for the koordinator's decision on the case. */
  RECOMMENDED("Direkomendasikan, menunggu penetapan layanan"),
  REFERRED("Menunggu keputusan mitra"),
  /** A national program: proposed in the SIKS-NG batch, waiting for the ministry's decision of the period. */
  PROPOSED("Diusulkan, menunggu penetapan Kemensos"),
  /** A national program: the ministry set the household as a recipient (penetapan); paid through the bank. */
  ENROLLED("Ditetapkan sebagai penerima"),
  INFO_REQUESTED("Mitra meminta informasi"),
  WAITING_BUDGET("Diterima, menunggu anggaran mitra"),
  ACCEPTED("Diterima mitra, menunggu penyaluran"),
  /** Before the SLRT order: the koordinator confirmed the accepted program (kept for cases of that time). */
  CONFIRMED("Ditetapkan, menunggu penyaluran"),
  PARTLY_DISTRIBUTED("Tersalurkan sebagian"),
  DISTRIBUTED("Tersalurkan"),
  REJECTED("Ditolak"),
  CANCELLED("Dibatalkan"),
  /** Handed over by the partner's record, but the resident said it never arrived and the check found so. */
  NOT_RECEIVED("Tidak diterima warga"),
  NOT_SENT("Tidak dikirim");

  private static final Set<ProgramStatus> OPEN = EnumSet.of(RECOMMENDED, REFERRED, PROPOSED, INFO_REQUESTED,
      WAITING_BUDGET, ACCEPTED, CONFIRMED, PARTLY_DISTRIBUTED);

  private final String label;

  ProgramStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Still with the partner: a decision, the budget, the confirmation or a handover is outstanding. */
  public boolean isOpen() {
    return OPEN.contains(this);
  }

  public boolean isUndecided() {
    return this == REFERRED || this == INFO_REQUESTED;
  }

  /**
   * Aid reached the resident, in full or in part; for a national program, the ministry set the household as a
   * recipient (the payment goes through the bank; the follow-up asks the resident whether it arrived).
   */
  public boolean delivered() {
    return this == DISTRIBUTED || this == PARTLY_DISTRIBUTED || this == ENROLLED;
  }

  /**
   * The partner accepted the program and its grant is reserved (or it needs none): aid may be handed over, and was,
   * in part or in full, perhaps in question ({@code NOT_RECEIVED}). What a handover's receipt may be attached to.
   */
  public boolean approvedForHandover() {
    return this == ACCEPTED || this == CONFIRMED || this == PARTLY_DISTRIBUTED || this == DISTRIBUTED
        || this == NOT_RECEIVED;
  }

  /** Sent to the partner at some point: not a program held back (alternatives not yet tried have no row). */
  public boolean wasReferred() {
    return this != NOT_SENT;
  }
}
