package id.puskesos.rujukan.migration;

import java.util.List;
import java.util.Locale;

import id.puskesos.rujukan.migration.Mapping.Refused;

/**
 * Why cases stay on their version, in sentences for the koordinator who approves a model change. Camunda's own
 * validation failures (English, naming only model ids) are summarised and quoted for the analyst.
 */
final class Reasons {

  private static final String FINISH_ON_OLD = " Kasusnya diselesaikan pada versi lama.";

  private Reasons() {
  }

  static String cannotMove(String activityId, Mapping mapping) {
    Refused refused = mapping.refused().get(activityId);
    if (refused == null) {
      return "Langkah ini tidak ada di versi baru dan tidak dipetakan ke langkah lain." + FINISH_ON_OLD;
    }
    return "Camunda menolak memindahkannya ke '" + refused.targetActivityId() + "': " + summary(refused.failures())
        + " (Camunda: " + String.join("; ", refused.failures()) + ")." + FINISH_ON_OLD;
  }

  static String heldBy(String otherActivityName) {
    return "Kasus yang sama juga menunggu di '" + otherActivityName + "', yang tidak dapat dipindahkan; Camunda "
        + "memindahkan sebuah kasus seluruhnya atau tidak sama sekali." + FINISH_ON_OLD;
  }

  static String olderVersion(int version) {
    return "Berjalan pada versi " + version + ", tidak dipindahkan otomatis." + FINISH_ON_OLD;
  }

  private static String summary(List<String> failures) {
    String text = String.join(" ", failures).toLowerCase(Locale.ROOT);
    if (text.contains("does not exist")) {
      return "langkah tujuannya tidak ada di versi baru";
    }
    if (text.contains("multi-instance") || text.contains("multiinstance")) {
      return "bentuk pengulangannya (multi-instance) berbeda";
    }
    if (text.contains("incompatible") || text.contains("type")) {
      return "jenis langkahnya berbeda";
    }
    if (text.contains("multiple") || text.contains("more than one")) {
      return "langkah itu dipetakan lebih dari sekali";
    }
    if (text.contains("scope") || text.contains("ancestor")) {
      return "letaknya di dalam sub-proses tidak sepadan";
    }
    return "pemetaannya tidak sah";
  }
}
