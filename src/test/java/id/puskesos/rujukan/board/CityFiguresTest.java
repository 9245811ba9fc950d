package id.puskesos.rujukan.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which Puskesos the city's view names best per figure: the better value, ties all named, too few cases none. */
class CityFiguresTest {

  private static CityFigures.Row row(String id, long late, long openTasks, int received, Double rate,
      Map<String, Double> medians, Map<String, Integer> cases) {
    return new CityFigures.Row(id, "Kelurahan " + id, "Coblong", 3, late, 0, openTasks, 1, received, received,
        rate == null ? 0 : (int) Math.round(rate * received), rate, rate, medians, cases);
  }

  @Test
  void theBestIsTheBetterValueTiesAreAllNamedAndTooFewCasesNameNone() {
    List<CityFigures.Row> rows = List.of(
        row("A", 2, 10, 20, 0.5, Map.of("VERIFICATION", 30.0), Map.of("VERIFICATION", 12)),
        row("B", 0, 8, 40, 0.45, Map.of("VERIFICATION", 20.0), Map.of("VERIFICATION", 6)),
        row("C", 0, 5, 30, 0.5, Map.of("VERIFICATION", 2.0), Map.of("VERIFICATION", 2)),
        // no open tasks, a perfect rate of two cases: named for nothing
        row("D", 0, 0, 2, 1.0, Map.of(), Map.of()));

    Map<String, CityFigures.Best> best = new java.util.HashMap<>();
    CityFigures.best(rows).forEach(b -> best.put(b.key(), b));

    assertThat(best.get("lateTasks").tenantIds()).containsExactly("B", "C");
    assertThat(best.get("lateTasks").label()).isEqualTo("Tugas terlambat");
    assertThat(best.get("facilitationRate").tenantIds()).containsExactly("A", "C");
    assertThat(best.get("facilitationRate").value()).isEqualTo(0.5);
    assertThat(best.get("median:VERIFICATION").tenantIds()).as("C's two cases are too few").containsExactly("B");
    assertThat(best.get("median:ASSESSMENT").tenantIds()).isEmpty();
    assertThat(best.get("median:ASSESSMENT").value()).isNull();
  }
}
