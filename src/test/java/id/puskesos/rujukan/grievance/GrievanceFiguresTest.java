package id.puskesos.rujukan.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pack's grievance figures against a hand-built quarter. */
class GrievanceFiguresTest {

  private static final OffsetDateTime START = OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
  private static final OffsetDateTime END = START.plusMonths(3);

  @Test
  void countsByKindAndOrganisationTheMedianAndTheJustifiedOnesOfThePeriod() {
    List<GrievanceFigures.Entry> entries = List.of(
        // received before the period, resolved in it after 48 hours: resolved, not received
        entry(GrievanceKind.TERLAMBAT, "Puskesos", START.minusHours(24), START.plusHours(24), GrievanceOutcome.DITERIMA),
        // received and resolved in the period after 10 hours
        entry(GrievanceKind.TERLAMBAT, "Puskesos", START.plusDays(3), START.plusDays(3).plusHours(10),
            GrievanceOutcome.DITOLAK),
        // forwarded to BAZNAS after 20 hours
        entry(GrievanceKind.BANTUAN_TIDAK_SESUAI, "BAZNAS", START.plusDays(5), START.plusDays(5).plusHours(20),
            GrievanceOutcome.DITERUSKAN),
        // received in the period, still open at its end
        entry(GrievanceKind.TIDAK_SOPAN, "BAZNAS", END.minusDays(1), null, null),
        // a response before its receipt: a data error, out of the median
        entry(GrievanceKind.LAINNYA, "Puskesos", START.plusDays(9), START.plusDays(8), GrievanceOutcome.DITERIMA));

    GrievanceFigures.Figures f = GrievanceFigures.compute(entries, START, END);

    assertThat(f.received()).isEqualTo(4);
    assertThat(f.byKind()).containsEntry(GrievanceKind.TERLAMBAT, 1L).containsEntry(GrievanceKind.TIDAK_SOPAN, 1L)
        .containsEntry(GrievanceKind.BANTUAN_TIDAK_SESUAI, 1L).containsEntry(GrievanceKind.LAINNYA, 1L);
    assertThat(f.byOrganisation()).containsExactly(java.util.Map.entry("BAZNAS", 2L),
        java.util.Map.entry("Puskesos", 2L));
    assertThat(f.resolved()).isEqualTo(4);
    assertThat(f.justified()).isEqualTo(2);
    assertThat(f.rejected()).isEqualTo(1);
    assertThat(f.forwarded()).isEqualTo(1);
    assertThat(f.medianHoursToResolve()).isEqualTo(20.0);
    assertThat(f.openAtEnd()).isEqualTo(1);
    assertThat(f.dataErrors()).isEqualTo(1);
  }

  @Test
  void aPeriodWithoutGrievancesHasNoMedian() {
    GrievanceFigures.Figures f = GrievanceFigures.compute(List.of(), START, END);
    assertThat(f.received()).isZero();
    assertThat(f.medianHoursToResolve()).isNull();
    assertThat(f.byKind()).hasSize(GrievanceKind.values().length).allSatisfy((k, n) -> assertThat(n).isZero());
  }

  private static GrievanceFigures.Entry entry(GrievanceKind kind, String organisation, OffsetDateTime received,
      OffsetDateTime resolved, GrievanceOutcome outcome) {
    return new GrievanceFigures.Entry(kind, organisation, received, resolved, outcome);
  }
}
