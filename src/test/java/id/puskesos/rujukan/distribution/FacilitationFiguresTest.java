package id.puskesos.rujukan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.distribution.FacilitationFigures.Figures;
import id.puskesos.rujukan.distribution.FacilitationFigures.Rate;
import id.puskesos.rujukan.distribution.FacilitationFigures.Row;

/** Every figure of the facilitation report against a hand-built set of four cases over two months. */
class FacilitationFiguresTest {

  // A: PKH rejected, Salman's food package handed over 3 days later -> facilitated (by Salman, not by Dinsos)
  // B: BPNT handed over 10 days later (intake late at night, Bandung time)
  // C: received 00:30 on 1 November in Bandung (still 31 October in UTC): Bandung Sehat, no aid
  // D: BPNT the next day and BAZNAS consumptive aid later: facilitated once, 1 day to the first aid
  private static final List<Row> ROWS = List.of(
      row("A", "2026-10-05T10:00", "PKH", "DINSOS", null),
      row("A", "2026-10-05T10:00", "SALMAN_SEMBAKO", "SALMAN", "2026-10-08"),
      row("B", "2026-10-20T23:30", "BPNT", "DINSOS", "2026-10-30"),
      row("C", "2026-11-01T00:30", "BAZNAS_SEHAT", "BAZNAS", null),
      row("D", "2026-11-10T09:00", "BPNT", "DINSOS", "2026-11-11"),
      row("D", "2026-11-10T09:00", "BAZNAS_KONSUMTIF", "BAZNAS", "2026-11-15"));

  private final Figures figures = FacilitationFigures.compute("2026-10", "2026-11", ROWS);

  @Test
  void overallRateCountsCasesNotPrograms() {
    assertThat(figures.overall()).extracting(Rate::referred, Rate::facilitated, Rate::rate).containsExactly(4, 3, 0.75);
  }

  @Test
  void monthsFollowTheIntakeDayInBandung() {
    assertThat(figures.byMonth()).extracting(Rate::month, Rate::referred, Rate::facilitated, Rate::rate)
        .containsExactly(tuple("2026-10", 2, 2, 1.0), tuple("2026-11", 2, 1, 0.5));
  }

  @Test
  void aPartnerIsCreditedOnlyWithAidFromItsOwnPrograms() {
    assertThat(figures.byPartner()).extracting(Rate::key, Rate::month, Rate::referred, Rate::facilitated)
        .containsExactly(tuple("BAZNAS", "2026-11", 2, 1), tuple("DINSOS", "2026-10", 2, 1),
            tuple("DINSOS", "2026-11", 1, 1), tuple("SALMAN", "2026-10", 1, 1));
  }

  @Test
  void eachProgramHasItsRatePerMonth() {
    assertThat(figures.byProgram()).extracting(Rate::key, Rate::month, Rate::referred, Rate::facilitated)
        .containsExactly(tuple("BAZNAS_KONSUMTIF", "2026-11", 1, 1), tuple("BAZNAS_SEHAT", "2026-11", 1, 0),
            tuple("BPNT", "2026-10", 1, 1), tuple("BPNT", "2026-11", 1, 1), tuple("PKH", "2026-10", 1, 0),
            tuple("SALMAN_SEMBAKO", "2026-10", 1, 1));
  }

  @Test
  void daysToFirstAidUseTheEarliestHandoverOfTheCase() {
    assertThat(figures.daysToFirstAid()).extracting(d -> d.month(), d -> d.cases(), d -> d.median(), d -> d.average(),
        d -> d.p90()).containsExactly(tuple("2026-10", 2, 6.5, 6.5, 10), tuple("2026-11", 1, 1.0, 1.0, 1));
  }

  @Test
  void nothingReferredGivesNoRateRatherThanZero() {
    Figures empty = FacilitationFigures.compute("2026-10", "2026-10", List.of());
    assertThat(empty.overall().referred()).isZero();
    assertThat(empty.overall().rate()).isNull();
    assertThat(empty.byMonth()).isEmpty();
  }

  private static Row row(String number, String receivedInBandung, String program, String partner, String firstAid) {
    OffsetDateTime received = LocalDateTime.parse(receivedInBandung).atZone(RujukanApplication.ZONE)
        .toOffsetDateTime().withOffsetSameInstant(java.time.ZoneOffset.UTC);
    return new Row(number, received, program, partner, firstAid == null ? null : LocalDate.parse(firstAid));
  }
}
