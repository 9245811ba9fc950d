package id.puskesos.rujukan.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a case's referral to one program stands. */
public enum ProgramStatus {
  REFERRED("Menunggu keputusan mitra"),
  INFO_REQUESTED("Mitra meminta informasi"),
  WAITING_BUDGET("Diterima, menunggu anggaran mitra"),
  ACCEPTED("Diterima, menunggu penetapan layanan"),
  CONFIRMED("Ditetapkan, menunggu penyaluran"),
  PARTLY_DISTRIBUTED("Tersalurkan sebagian"),
  DISTRIBUTED("Tersalurkan"),
  REJECTED("Ditolak"),
  CANCELLED("Dibatalkan"),
  /** Handed over by the partner's record, but the resident said it never arrived and the check found so. */
  NOT_RECEIVED("Tidak diterima warga"),
  NOT_SENT("Tidak dikirim");

  private static final Set<ProgramStatus> OPEN = EnumSet.of(REFERRED, INFO_REQUESTED, WAITING_BUDGET, ACCEPTED,
      CONFIRMED, PARTLY_DISTRIBUTED);

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

  /** Aid reached the resident, in full or in part. */
  public boolean delivered() {
    return this == DISTRIBUTED || this == PARTLY_DISTRIBUTED;
  }

  /** Sent to the partner at some point: not a program held back (alternatives not yet tried have no row). */
  public boolean wasReferred() {
    return this != NOT_SENT;
  }
}
