package id.puskesos.rujukan.referral;

import java.util.EnumSet;
import java.util.Map;
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

  /** The stage each user task of a case belongs to, by its element id. */
  private static final Map<String, Stage> BY_TASK = Map.ofEntries(
      Map.entry("task_homeVisit", VERIFICATION), Map.entry("task_giveOpinion", VERIFICATION),
      Map.entry("task_assessNeeds", ASSESSMENT), Map.entry("task_routeManually", ROUTING),
      Map.entry("task_reviewAddedNeeds", ROUTING), Map.entry("task_decideReferral", PARTNER_DECISION),
      Map.entry("task_provideInformation", PARTNER_DECISION), Map.entry("task_reviewWaiting", PARTNER_DECISION),
      Map.entry("task_confirmService", PARTNER_DECISION), Map.entry("task_distributeAid", DISTRIBUTION),
      Map.entry("task_followUp", FOLLOW_UP), Map.entry("task_checkDiscrepancy", FOLLOW_UP));

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The stage of a case's user task; null for registry, evaluation and report work. */
  public static Stage ofTask(String taskKey) {
    return taskKey == null ? null : BY_TASK.get(taskKey);
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
