package id.puskesos.rujukan.board;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.puskesos.rujukan.referral.Stage;

/**
 * Time spent per stage, from the stage entries of each case: a stage lasts until the next one begins, the last
 * until the case closed (or until now, for an open case). Median and 90th percentile in hours, per stage.
 */
public final class StageTimes {

  /** A case's entry into a stage. */
  public record Entry(String referralNumber, Stage stage, OffsetDateTime at) {
  }

  public record Figure(Stage stage, String label, int cases, double medianHours, double p90Hours) {
  }

  private StageTimes() {
  }

  /**
   * @param entries every stage entry of the cases, ordered by case, then time
   * @param endOf when each case's last stage ended (closing time, or now for an open case)
   */
  public static List<Figure> compute(List<Entry> entries, Map<String, OffsetDateTime> endOf) {
    Map<Stage, List<Double>> hours = new EnumMap<>(Stage.class);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (entry.stage() == Stage.CLOSED) {
        continue;
      }
      Entry next = i + 1 < entries.size() && entries.get(i + 1).referralNumber().equals(entry.referralNumber())
          ? entries.get(i + 1) : null;
      OffsetDateTime end = next != null ? next.at() : endOf.get(entry.referralNumber());
      if (end != null && !end.isBefore(entry.at())) {
        hours.computeIfAbsent(entry.stage(), s -> new ArrayList<>())
            .add(Duration.between(entry.at(), end).toMinutes() / 60.0);
      }
    }
    List<Figure> figures = new ArrayList<>();
    hours.forEach((stage, values) -> figures.add(new Figure(stage, stage.label(), values.size(),
        round(percentile(values, 0.5)), round(percentile(values, 0.9)))));
    return figures;
  }

  /** The nearest-rank percentile; the median of an even count is the mean of the two middle values. */
  static double percentile(Collection<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (p == 0.5 && n % 2 == 0) {
      return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
    return sorted.get(Math.max(0, (int) Math.ceil(p * n) - 1));
  }

  private static double round(double hours) {
    return Math.round(hours * 10) / 10.0;
  }
}
