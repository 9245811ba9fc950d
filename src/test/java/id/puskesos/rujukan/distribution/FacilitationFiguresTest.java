package id.puskesos.rujukan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.distribution.FacilitationFigures.Days;
import id.puskesos.rujukan.distribution.FacilitationFigures.Figures;
import id.puskesos.rujukan.distribution.FacilitationFigures.FollowUps;
import id.puskesos.rujukan.distribution.FacilitationFigures.PartnerRate;
import id.puskesos.rujukan.distribution.FacilitationFigures.Rate;

/** Every facilitation figure against the hand-built third quarter of 2026 ({@link HandBuiltQuarter}). */
class FacilitationFiguresTest {

  private final Figures figures = HandBuiltQuarter.figures();

  @Test
  void theStudysRateDividesByEveryCaseReceivedAndTheReferredRateStandsBesideIt() {
    assertThat(figures.overall()).extracting(Rate::received, Rate::referred, Rate::facilitated,
        Rate::facilitatedReferred, Rate::rate, Rate::referredRate).containsExactly(13, 9, 5, 5, 0.385, 0.556);
    assertThat(figures.definitions().studyRate()).startsWith(
        "Tingkat fasilitasi (ukuran studi): kasus terfasilitasi dibagi semua pengaduan yang diterima pada periode");
    assertThat(figures.definitions().referredRate()).startsWith(
        "Tingkat fasilitasi dari kasus yang dirujuk: kasus terfasilitasi dibagi kasus yang dirujuk ke mitra");
  }

  @Test
  void casesOutsideTheQuarterInBandungTimeDoNotCount() {
    // A came in at 00:30 on 1 July (30 June in UTC), L at 23:30 on 30 September; N (30 June) and O (1 October) not
    assertThat(HandBuiltQuarter.CASES).hasSize(15);
    assertThat(figures.byMonth()).extracting(Rate::month, Rate::received).containsExactly(tuple("2026-07", 3),
        tuple("2026-08", 3), tuple("2026-09", 7));
  }

  @Test
  void programsNotSentOrKeptAsAlternativesAreNotReferrals() {
    // G: Bandung Cerdas not sent; H: Salman's orphan aid kept as an alternative, PKH not sent
    assertThat(figures.byMonth().get(2)).extracting(Rate::received, Rate::referred).containsExactly(7, 3);
    assertThat(figures.byProgram()).extracting(PartnerRate::key).doesNotContain("BAZNAS_CERDAS", "SALMAN_YATIM");
    assertThat(figures.byProgram()).filteredOn(r -> r.key().equals("PKH")).extracting(PartnerRate::referred)
        .containsExactly(1);
  }

  @Test
  void aidThatNeverArrivedAnUnreachableResidentAndANoAtTheFollowUpAreNotFacilitated() {
    assertThat(facilitated()).containsExactlyInAnyOrder("A", "B", "F", "L", "M")
        .doesNotContain("C", "D", "E");
  }

  @Test
  void anOpenCaseWithAidDeliveredAndNoFollowUpYetIsFacilitated() {
    // B and L are open, their aid handed over, the follow-up not yet done
    assertThat(case_("B").facilitated()).isTrue();
    assertThat(case_("L").facilitated()).isTrue();
    // C is open with aid handed over, but the resident said at the follow-up that nothing arrived
    assertThat(case_("C").facilitated()).isFalse();
  }

  @Test
  void eachMonthOfReceiptHasBothRatesAndItsFollowUps() {
    assertThat(figures.byMonth()).extracting(Rate::month, Rate::received, Rate::referred, Rate::facilitated,
        Rate::rate, Rate::referredRate).containsExactly(
            tuple("2026-07", 3, 3, 2, 0.667, 0.667),
            tuple("2026-08", 3, 3, 1, 0.333, 0.333),
            tuple("2026-09", 7, 3, 2, 0.286, 0.667));
    assertThat(figures.byMonth()).extracting(Rate::followUps).containsExactly(
        new FollowUps(2, 1, 0, 0, 0, 1.0, 3.5),
        new FollowUps(2, 0, 0, 2, 1, 0.0, 2.0),
        new FollowUps(1, 0, 1, 0, 0, 1.0, 4.0));
  }

  @Test
  void aPartnerIsCreditedOnlyWithAidFromItsOwnProgramsOverTheCasesReferredToIt() {
    // A: PKH rejected, Salman's food package delivered: Salman facilitated A, Dinas Sosial did not
    assertThat(figures.byPartner()).extracting(PartnerRate::key, PartnerRate::label, PartnerRate::referred,
        PartnerRate::facilitated, PartnerRate::rate).containsExactly(
            tuple("BAZNAS", "BAZNAS Kota Bandung", 3, 2, 0.667),
            tuple("DINSOS", "Dinas Sosial Kota Bandung", 6, 2, 0.333),
            tuple("SALMAN", "Rumah Amal Salman", 1, 1, 1.0));
    assertThat(figures.byPartnerAndMonth()).extracting(PartnerRate::key, PartnerRate::month, PartnerRate::referred,
        PartnerRate::facilitated).containsExactly(
            tuple("BAZNAS", "2026-07", 1, 1), tuple("BAZNAS", "2026-08", 1, 0), tuple("BAZNAS", "2026-09", 1, 1),
            tuple("DINSOS", "2026-07", 2, 0), tuple("DINSOS", "2026-08", 2, 1), tuple("DINSOS", "2026-09", 2, 1),
            tuple("SALMAN", "2026-07", 1, 1));
  }

  @Test
  void eachProgramHasItsRateOverTheCasesReferredToIt() {
    assertThat(figures.byProgram()).extracting(PartnerRate::key, PartnerRate::referred, PartnerRate::facilitated,
        PartnerRate::rate).containsExactly(
            tuple("BAZNAS_KONSUMTIF", 1, 0, 0.0), tuple("BAZNAS_SEHAT", 2, 2, 1.0), tuple("BPNT", 5, 2, 0.4),
            tuple("PKH", 1, 0, 0.0), tuple("SALMAN_SEMBAKO", 1, 1, 1.0));
    assertThat(figures.byProgramAndMonth()).filteredOn(r -> r.key().equals("BPNT"))
        .extracting(PartnerRate::month, PartnerRate::referred, PartnerRate::facilitated)
        .containsExactly(tuple("2026-07", 1, 0), tuple("2026-08", 2, 1), tuple("2026-09", 2, 1));
  }

  @Test
  void eachNeedCountsTheCasesReceivedWithIt() {
    assertThat(figures.byNeed()).extracting(Rate::key, Rate::label, Rate::received, Rate::referred,
        Rate::facilitated, Rate::rate, Rate::referredRate).containsExactly(
            tuple("FOOD", "Pangan", 6, 6, 3, 0.5, 0.5),
            tuple("CASH", "Bantuan tunai", 2, 2, 1, 0.5, 0.5),
            tuple("EDUCATION", "Pendidikan", 1, 0, 0, 0.0, null),
            tuple("HEALTH", "Kesehatan", 2, 2, 2, 1.0, 1.0),
            tuple("ORPHAN", "Anak yatim/piatu", 1, 0, 0, 0.0, null),
            tuple("HOUSING", "Perumahan", 1, 0, 0, 0.0, null),
            tuple("CIVIL_DOCUMENTS", "Dokumen kependudukan", 1, 0, 0, 0.0, null));
  }

  @Test
  void theResidentsAnswersStandBesideTheRate() {
    // A yes/yes 5, C not received 2, D not received/no 1, F partly/no 3 (received but did not help), M yes/partly 4
    assertThat(figures.overall().followUps()).isEqualTo(new FollowUps(5, 1, 1, 2, 1, 0.5, 3.0));
    // per partner: the cases it handed aid over to
    assertThat(figures.byPartner()).extracting(PartnerRate::followUps).containsExactly(
        new FollowUps(1, 0, 1, 0, 0, 1.0, 4.0),
        new FollowUps(3, 0, 0, 2, 1, 0.0, 2.0),
        new FollowUps(1, 1, 0, 0, 0, 1.0, 5.0));
  }

  @Test
  void noDurationIsNegativeAHandoverDatedBeforeTheComplaintIsADataError() {
    // M's handover is dated the day before its complaint: left out and counted, never -1 days
    assertThat(figures.daysToFirstAidOverall()).isEqualTo(new Days(null, 4, 4.5, 4.0, 5, 1));
    assertThat(figures.daysToFirstAid()).containsExactly(new Days("2026-07", 2, 4.5, 4.5, 5, 0),
        new Days("2026-08", 1, 2.0, 2.0, 2, 0), new Days("2026-09", 1, 5.0, 5.0, 5, 1));
    assertThat(figures.daysToFirstAid()).allSatisfy(d -> assertThat(d.median()).isNotNegative());
  }

  @Test
  void nothingReceivedGivesNoRateRatherThanZero() {
    Figures empty = FacilitationFigures.compute(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), List.of(),
        Map.of(), Map.of());
    assertThat(empty.overall()).extracting(Rate::received, Rate::rate, Rate::referredRate)
        .containsExactly(0, null, null);
    assertThat(empty.byMonth()).extracting(Rate::month, Rate::rate).containsExactly(tuple("2026-10", null));
    assertThat(empty.byPartner()).isEmpty();
    assertThat(empty.daysToFirstAidOverall()).isEqualTo(new Days(null, 0, null, null, null, 0));
  }

  private static FacilitationFigures.Case case_(String number) {
    return HandBuiltQuarter.CASES.stream().filter(c -> c.referralNumber().equals(number)).findFirst().orElseThrow();
  }

  private static List<String> facilitated() {
    return HandBuiltQuarter.CASES.stream()
        .filter(c -> !c.receivedOn().isBefore(HandBuiltQuarter.FROM) && !c.receivedOn().isAfter(HandBuiltQuarter.TO))
        .filter(FacilitationFigures.Case::facilitated).map(FacilitationFigures.Case::referralNumber).toList();
  }
}
