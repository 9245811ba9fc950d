package id.puskesos.rujukan.board;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import id.puskesos.rujukan.referral.Stage;

/**
 * Time spent per stage, from the stage entries of each case: a stage lasts until the next one begins, the last
 * until the case closed (or until now, for an open case). Median and 90th percentile in hours, per stage. A stage
 * whose end lies before its start (a clock quirk, a wrong date) is never a negative time: it is left out, and
 * {@link #outOfOrder} counts it as a data error.
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
      OffsetDateTime end = end(entries, i, endOf);
      if (end != null && !end.isBefore(entry.at())) {
        hours.computeIfAbsent(entry.stage(), s -> new ArrayList<>())
            .add(Duration.between(entry.at(), end).toMinutes() / 60.0);
      }
    }
    List<Figure> figures = new ArrayList<>();
    hours.forEach((stage, values) -> {
      List<Double> sorted = values.stream().sorted().toList();
      figures.add(figure(stage, sorted.size(), sorted::get));
    });
    return figures;
  }

  /**
   * A stage's figure from its {@code n} durations, {@code hoursAt} giving the one at a rank (0-based, ascending); reads
   * only the ranks the median and the 90th percentile need ({@link StageTimesQuery} fetches just those).
   */
  static Figure figure(Stage stage, int n, IntFunction<Double> hoursAt) {
    return new Figure(stage, stage.label(), n, round(percentile(n, 0.5, hoursAt)), round(percentile(n, 0.9, hoursAt)));
  }

  /** Stages whose end lies before their start: left out of {@link #compute}, counted as data errors. */
  public static int outOfOrder(List<Entry> entries, Map<String, OffsetDateTime> endOf) {
    int errors = 0;
    for (int i = 0; i < entries.size(); i++) {
      OffsetDateTime end = end(entries, i, endOf);
      if (entries.get(i).stage() != Stage.CLOSED && end != null && end.isBefore(entries.get(i).at())) {
        errors++;
      }
    }
    return errors;
  }

  /** When the stage entered at {@code i} ended: the case's next entry, else the case's end. */
  private static OffsetDateTime end(List<Entry> entries, int i, Map<String, OffsetDateTime> endOf) {
    Entry entry = entries.get(i);
    Entry next = i + 1 < entries.size() && entries.get(i + 1).referralNumber().equals(entry.referralNumber())
        ? entries.get(i + 1) : null;
    return next != null ? next.at() : endOf.get(entry.referralNumber());
  }

  /** The nearest-rank percentile; the median of an even count is the mean of the two middle values. */
  static double percentile(Collection<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    return percentile(sorted.size(), p, sorted::get);
  }

  private static double percentile(int n, double p, IntFunction<Double> sorted) {
    if (p == 0.5 && n % 2 == 0) {
      return (sorted.apply(n / 2 - 1) + sorted.apply(n / 2)) / 2;
    }
    return sorted.apply(Math.max(0, (int) Math.ceil(p * n) - 1));
  }

  private static double round(double hours) {
    return Math.round(hours * 10) / 10.0;
  }
}
