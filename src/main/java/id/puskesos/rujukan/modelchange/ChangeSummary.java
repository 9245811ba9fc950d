package id.puskesos.rujukan.modelchange;

import java.util.Set;

import id.puskesos.rujukan.migration.MigrationPlans;
import id.puskesos.rujukan.simulation.Report;

/** The text the approvers read on their form: what, why, the checks, and the simulation's or migration's figures. */
final class ChangeSummary {

  private ChangeSummary() {
  }

  static String of(ModelChange change, Set<String> programs, Report simulation, MigrationPlans.Preview preview) {
    StringBuilder text = new StringBuilder();
    text.append("**Jenis:** ").append(kindLabel(change.kind())).append(change.targetKey() == null ? ""
        : " `" + change.targetKey() + "` (versi berlaku: " + change.baseVersion() + ")").append("  \n");
    text.append("**Diajukan oleh:** ").append(change.submittedBy()).append(", revisi ").append(change.revision())
        .append("  \n");
    text.append("**Alasan:** ").append(change.reason()).append("  \n");
    if (change.actionItemId() != null) {
      text.append("**Tindak lanjut evaluasi:** nomor ").append(change.actionItemId()).append("  \n");
    }
    if (!programs.isEmpty()) {
      text.append("**Program yang tersentuh:** ").append(String.join(", ", programs)).append("  \n");
    }
    text.append("\n**Pemeriksaan:**\n");
    for (ChangeCheck check : change.checks()) {
      text.append("- ").append(check.name()).append(": ").append(switch (check.outcome()) {
        case ChangeCheck.PASSED -> "lulus";
        case ChangeCheck.NOT_RUN -> "tidak dijalankan (" + String.join("; ", check.problems()) + ")";
        default -> "gagal";
      }).append('\n');
    }
    if (simulation != null) {
      text.append("\n**Simulasi** atas ").append(simulation.casesReplayed()).append(" kasus ")
          .append(change.simulateFrom()).append(" s.d. ").append(change.simulateTo()).append(" (nyata → simulasi):\n");
      text.append("- tingkat fasilitasi: ").append(percent(simulation.facilitationActual().rate())).append(" → ")
          .append(percent(simulation.facilitationWhatIf().rate())).append('\n');
      text.append("- warga tanpa program: ").append(simulation.noProgramActual()).append(" → ")
          .append(simulation.noProgramWhatIf()).append('\n');
      text.append("- daftar tunggu anggaran: ").append(simulation.waitingActual()).append(" → ")
          .append(simulation.waitingWhatIf()).append('\n');
      text.append("- kasus yang mendapat program: ").append(simulation.casesGaining()).append(", kehilangan program: ")
          .append(simulation.casesLosing()).append('\n');
      for (Report.ProgramRow row : simulation.programs()) {
        if (row.casesActual() != row.casesWhatIf() || row.waitingActual() != row.waitingWhatIf()) {
          text.append("- ").append(row.programName()).append(" (").append(row.partnerName()).append("): ")
              .append(row.casesActual()).append(" → ").append(row.casesWhatIf()).append(" kasus, menunggu ")
              .append(row.waitingActual()).append(" → ").append(row.waitingWhatIf()).append('\n');
        }
      }
    }
    if (preview != null) {
      text.append("\n**Kasus berjalan** (versi ").append(preview.sourceVersion()).append("): ")
          .append(preview.moving()).append(" dipindahkan ke versi baru, ").append(preview.staying())
          .append(" tetap di versi lama\n");
      preview.moves().forEach(move -> text.append("- ").append(move.sourceActivityName()).append(" (")
          .append(move.sourceActivityId()).append("): ").append(move.instances()).append(" kasus pindah ke ")
          .append(move.targetActivityId()).append('\n'));
      preview.stays().forEach(stay -> text.append("- ").append(stay.activityName()).append(" (")
          .append(stay.activityId()).append("): ").append(stay.instances()).append(" kasus tetap di versi lama: ")
          .append(stay.reason()).append('\n'));
    }
    return text.toString();
  }

  private static String percent(Double rate) {
    return rate == null ? "-" : Math.round(rate * 1000) / 10.0 + "%";
  }

  static String kindLabel(ChangeKind kind) {
    return switch (kind) {
      case TABLE -> "tabel keputusan";
      case MODEL -> "model proses";
      case BUDGET -> "tambahan anggaran";
    };
  }
}
