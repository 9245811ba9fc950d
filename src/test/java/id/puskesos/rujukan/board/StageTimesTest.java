package id.puskesos.rujukan.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.referral.Stage;

/** Time per stage against a hand-computed fixture of three cases. */
class StageTimesTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-02T08:00:00+07:00");

  @Test
  void eachStageLastsUntilTheNextAndTheLastUntilTheCaseEnds() {
    // A: verification 10 h, assessment 20 h, routing 2 h, then closed
    // B: verification 30 h, assessment 4 h (still open, "now" is 4 h after it began)
    // C: verification 50 h, then closed
    List<StageTimes.Entry> entries = List.of(
        entry("A", Stage.VERIFICATION, 0), entry("A", Stage.ASSESSMENT, 10), entry("A", Stage.ROUTING, 30),
        entry("A", Stage.CLOSED, 32),
        entry("B", Stage.VERIFICATION, 0), entry("B", Stage.ASSESSMENT, 30),
        entry("C", Stage.VERIFICATION, 0));
    Map<String, OffsetDateTime> endOf = Map.of("A", T.plusHours(32), "B", T.plusHours(34), "C", T.plusHours(50));

    List<StageTimes.Figure> figures = StageTimes.compute(entries, endOf);

    assertThat(figures).extracting(StageTimes.Figure::stage, StageTimes.Figure::cases,
        StageTimes.Figure::medianHours, StageTimes.Figure::p90Hours)
        .containsExactly(tuple(Stage.VERIFICATION, 3, 30.0, 50.0), tuple(Stage.ASSESSMENT, 2, 12.0, 20.0),
            tuple(Stage.ROUTING, 1, 2.0, 2.0));
  }

  @Test
  void aStageThatEndsBeforeItBeganIsLeftOutAndCountedNeverNegative() {
    // A's assessment entry was written with a clock two hours behind; B closed (by its record) before it was assessed
    List<StageTimes.Entry> entries = List.of(
        entry("A", Stage.VERIFICATION, 5), entry("A", Stage.ASSESSMENT, 3),
        entry("B", Stage.VERIFICATION, 0), entry("B", Stage.ASSESSMENT, 10));
    Map<String, OffsetDateTime> endOf = Map.of("A", T.plusHours(8), "B", T.plusHours(9));

    assertThat(StageTimes.compute(entries, endOf)).extracting(StageTimes.Figure::stage, StageTimes.Figure::cases,
        StageTimes.Figure::medianHours).containsExactly(tuple(Stage.VERIFICATION, 1, 10.0),
            tuple(Stage.ASSESSMENT, 1, 5.0));
    assertThat(StageTimes.outOfOrder(entries, endOf)).isEqualTo(2);
  }

  @Test
  void percentilesUseTheNearestRankAndTheMedianOfAnEvenCountIsTheMiddleMean() {
    assertThat(StageTimes.percentile(List.of(1.0, 2.0, 3.0, 4.0), 0.5)).isEqualTo(2.5);
    assertThat(StageTimes.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9)).isEqualTo(9.0);
    assertThat(StageTimes.percentile(List.of(7.0), 0.9)).isEqualTo(7.0);
  }

  private static StageTimes.Entry entry(String number, Stage stage, int hours) {
    return new StageTimes.Entry(number, stage, T.plusHours(hours));
  }
}
