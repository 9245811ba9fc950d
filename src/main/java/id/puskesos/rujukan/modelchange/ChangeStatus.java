package id.puskesos.rujukan.modelchange;

/** Where a model change stands. */
public enum ChangeStatus {
  SUBMITTED("Diajukan, sedang diperiksa"),
  CHECKS_FAILED("Tidak lulus pemeriksaan, menunggu perbaikan analis"),
  AWAITING_APPROVAL("Menunggu persetujuan"),
  SENT_BACK("Dikembalikan ke analis"),
  APPROVED("Disetujui, menunggu deployment oleh administrator"),
  DEPLOYED("Berlaku");

  private final String label;

  ChangeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
