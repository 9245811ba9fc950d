package id.puskesos.rujukan.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * The stages of a referral, in the order a case moves through them. Which task belongs to which stage is the models'
 * fact, not this enum's: the extension property {@value #PROPERTY} on the task ({@link Stages}).
 */
public enum Stage {
  INTAKE("Penerimaan pengaduan"),
  VERIFICATION("Verifikasi dan validasi"),
  ASSESSMENT("Asesmen kebutuhan"),
  ROUTING("Penentuan rujukan"),
  PARTNER_DECISION("Keputusan mitra"),
  DISTRIBUTION("Penyaluran bantuan"),
  FOLLOW_UP("Tindak lanjut dan evaluasi"),
  CLOSED("Selesai");

  /** The extension property (set in Camunda Modeler) that names an element's stage, e.g. {@code stage=ROUTING}. */
  public static final String PROPERTY = "stage";

  private static final Set<Stage> PAST_ROUTING = EnumSet.of(PARTNER_DECISION, DISTRIBUTION, FOLLOW_UP);

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The stage a label names ("Verifikasi dan validasi"), or null. */
  public static Stage labelled(String label) {
    for (Stage stage : values()) {
      if (stage.label.equals(label)) {
        return stage;
      }
    }
    return null;
  }

  /** Programs are already chosen: needs added now must be reviewed by the back office. */
  public boolean isPastRouting() {
    return PAST_ROUTING.contains(this);
  }
}
