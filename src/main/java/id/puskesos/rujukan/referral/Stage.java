package id.puskesos.rujukan.referral;

import java.util.EnumSet;
import java.util.Set;

/** The stages of a referral, in the order a case moves through them. */
public enum Stage {
  INTAKE("Penerimaan pengaduan"),
  VERIFICATION("Verifikasi dan validasi"),
  ASSESSMENT("Asesmen kebutuhan"),
  ROUTING("Penentuan rujukan"),
  PARTNER_DECISION("Keputusan mitra"),
  DISTRIBUTION("Penyaluran bantuan"),
  FOLLOW_UP("Tindak lanjut dan evaluasi"),
  CLOSED("Selesai");

  private static final Set<Stage> PAST_ROUTING = EnumSet.of(PARTNER_DECISION, DISTRIBUTION, FOLLOW_UP);

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Programs are already chosen: needs added now must be reviewed by the back office. */
  public boolean isPastRouting() {
    return PAST_ROUTING.contains(this);
  }
}
