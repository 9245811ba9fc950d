package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import id.puskesos.rujukan.catalogue.AidKind;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.catalogue.Program;

/** The order routing tries the table's rows in: rank first, then budget now, then the table's own order. */
class RoutingOrderTest {

  @Test
  void aProgramWithBudgetNowGoesBeforeAnEquallyRankedOneWithout() {
    List<RoutingService.Candidate> rows = new ArrayList<>(List.of(
        candidate("SALMAN_SEMBAKO", 2, false, 0),
        candidate("BAZNAS_KONSUMTIF", 2, true, 1)));

    rows.sort(RoutingService.TRY_ORDER);

    assertThat(rows).extracting(c -> c.program().code()).containsExactly("BAZNAS_KONSUMTIF", "SALMAN_SEMBAKO");
  }

  @Test
  void budgetNeverOutranksTheRankAnalystsGave() {
    List<RoutingService.Candidate> rows = new ArrayList<>(List.of(
        candidate("SALMAN_SEMBAKO", 3, true, 0),
        candidate("BPNT", 2, false, 1)));

    rows.sort(RoutingService.TRY_ORDER);

    assertThat(rows).extracting(c -> c.program().code()).containsExactly("BPNT", "SALMAN_SEMBAKO");
  }

  @Test
  void equalRankAndBudgetKeepTheTablesOrder() {
    List<RoutingService.Candidate> rows = new ArrayList<>(List.of(
        candidate("B", 1, true, 1),
        candidate("A", 1, true, 0)));

    rows.sort(RoutingService.TRY_ORDER);

    assertThat(rows).extracting(c -> c.program().code()).containsExactly("A", "B");
  }

  @Test
  void theBasisAPartnerReadsNamesTheFundAndForZakatTheAsnaf() {
    assertThat(RoutingService.basis("Muslim fakir/miskin", "ZAKAT", "MISKIN"))
        .isEqualTo("Muslim fakir/miskin (dana zakat, asnaf miskin)");
    assertThat(RoutingService.basis("Utang", "ZAKAT", "GHARIMIN")).isEqualTo("Utang (dana zakat, asnaf gharimin)");
    assertThat(RoutingService.basis("Rumah", "INFAQ", "MISKIN")).isEqualTo("Rumah (dana infak/sedekah)");
    assertThat(RoutingService.basis("Pangan", null, null)).isEqualTo("Pangan");
  }

  private static RoutingService.Candidate candidate(String code, int rank, boolean budgetNow, int row) {
    return new RoutingService.Candidate(new Program(code, code, "X", AidKind.CASH, "Rp", 1L, BudgetPeriod.MONTH,
        false, true, null, null, null), "FOOD", rank, null, null, null, budgetNow, row);
  }
}
