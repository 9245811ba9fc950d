package id.puskesos.rujukan.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.catalogue.BudgetPeriod;

class BudgetReplayTest {

  private static final LocalDate END = LocalDate.of(2025, 6, 30);
  private static final List<BudgetReplay.Ask> ASKS = List.of(
      new BudgetReplay.Ask("A", LocalDate.of(2025, 5, 2), 100),
      new BudgetReplay.Ask("B", LocalDate.of(2025, 5, 3), 100),
      new BudgetReplay.Ask("C", LocalDate.of(2025, 5, 4), 100),
      new BudgetReplay.Ask("D", LocalDate.of(2025, 5, 10), 100));

  @Test
  void requestsBeyondThePeriodsAllocationWaitInOrderUntilTheEnd() {
    BudgetReplay.Result r = BudgetReplay.replay(BudgetPeriod.MONTH, Map.of("2025-05", 200L), List.of(), ASKS, END);

    assertThat(r.servedOn()).containsOnlyKeys("A", "B");
    assertThat(r.waiting()).containsExactly("C", "D");
    assertThat(r.waitDays()).containsExactly(57L, 51L);
    assertThat(r.meanWaitDays()).isEqualTo(54.0);
    assertThat(r.neededPerMonth()).containsExactly(Map.entry("2025-05", 400L));
  }

  @Test
  void aTopUpInALaterMonthServesTheWaitingListFromItsFirstDay() {
    BudgetReplay.Result r = BudgetReplay.replay(BudgetPeriod.MONTH, Map.of("2025-05", 200L),
        List.of(new BudgetReplay.Added("2025-06", 150)), ASKS, END);

    assertThat(r.servedOn()).containsEntry("C", LocalDate.of(2025, 6, 1));
    assertThat(r.waiting()).as("50 left does not cover D's 100").containsExactly("D");
    assertThat(r.waitDays()).containsExactly(28L, 51L);
    assertThat(r.meanWaitDays()).isEqualTo(39.5);
  }

  @Test
  void nobodyJumpsTheWaitingListEvenWhenTheRestWouldCoverIt() {
    BudgetReplay.Result r = BudgetReplay.replay(BudgetPeriod.MONTH, Map.of("2025-05", 250L), List.of(),
        List.of(ASKS.get(0), ASKS.get(1), ASKS.get(2), new BudgetReplay.Ask("E", LocalDate.of(2025, 5, 20), 50)), END);

    assertThat(r.waiting()).containsExactly("C", "E");
  }

  @Test
  void aQuarterlyTopUpCountsForTheWholeQuarter() {
    BudgetReplay.Result r = BudgetReplay.replay(BudgetPeriod.QUARTER, Map.of(),
        List.of(new BudgetReplay.Added("2025-Q2", 300)), ASKS, END);

    assertThat(r.servedOn()).containsOnlyKeys("A", "B", "C");
    assertThat(r.waiting()).containsExactly("D");
  }

  @Test
  void nobodyWaitedMeansNoMeanWait() {
    BudgetReplay.Result r = BudgetReplay.replay(BudgetPeriod.MONTH, Map.of("2025-05", 1000L), List.of(), ASKS, END);

    assertThat(r.waiting()).isEmpty();
    assertThat(r.meanWaitDays()).isNull();
  }
}
