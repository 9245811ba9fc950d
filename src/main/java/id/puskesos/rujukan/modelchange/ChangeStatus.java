package id.puskesos.rujukan.modelchange;

/** Where a model change stands. */
public enum ChangeStatus {
  SUBMITTED("Diajukan, sedang diperiksa"),
  CHECKS_FAILED("Tidak lulus pemeriksaan, menunggu perbaikan analis"),
  AWAITING_APPROVAL("Menunggu persetujuan"),
  SENT_BACK("Dikembalikan ke analis"),
  APPROVED("Disetujui, menunggu deployment oleh administrator"),
  DEPLOYED("Berlaku"),
  /** Failed its checks or sent back, and not revised in time: closed; a new proposal starts again. */
  ABANDONED("Ditinggalkan: tidak diperbaiki dalam batas waktu");

  private final String label;

  ChangeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
