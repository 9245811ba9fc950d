package id.puskesos.rujukan.referral;

/** Where a case's referral to one program stands. */
public enum ProgramStatus {
  REFERRED("Menunggu keputusan mitra"),
  INFO_REQUESTED("Mitra meminta informasi"),
  ACCEPTED("Diterima, menunggu penyaluran"),
  REJECTED("Ditolak"),
  DISTRIBUTED("Tersalurkan"),
  CANCELLED("Dibatalkan"),
  NOT_SENT("Tidak dikirim");

  private final String label;

  ProgramStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Still with the partner: a decision or a distribution is outstanding. */
  public boolean isOpen() {
    return this == REFERRED || this == INFO_REQUESTED || this == ACCEPTED;
  }

  public boolean isUndecided() {
    return this == REFERRED || this == INFO_REQUESTED;
  }

  public boolean wasReferred() {
    return this != NOT_SENT;
  }
}
