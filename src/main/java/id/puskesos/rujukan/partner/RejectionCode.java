package id.puskesos.rujukan.partner;

/** Why a partner rejects a referral: coded, so the figures can count reasons; OTHER needs a text. */
public enum RejectionCode {
  NOT_ELIGIBLE("Tidak memenuhi syarat program"),
  OUT_OF_BUDGET_PERIOD("Di luar periode anggaran"),
  DUPLICATE("Ganda atau sudah menerima bantuan"),
  DATA_INVALID("Data tidak valid"),
  /** A national proposal the ministry did not set (its decision list says why). */
  MINISTRY_REJECTED("Tidak ditetapkan Kementerian Sosial"),
  OTHER("Lainnya");

  private final String label;

  RejectionCode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
