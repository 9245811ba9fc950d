package id.puskesos.rujukan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.board.StageTimes;
import id.puskesos.rujukan.distribution.FacilitationFigures.Program;
import id.puskesos.rujukan.distribution.FacilitationFigures.Rate;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.distribution.HandBuiltQuarter;
import id.puskesos.rujukan.evaluation.Appreciation;
import id.puskesos.rujukan.evaluation.EvaluationPack;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.registry.ChangeSource;
import id.puskesos.rujukan.report.PeriodFigures.*;

/**
 * Every figure of the evaluation pack against a hand-built third quarter of 2026 (1 July to 30 September, Bandung
 * time). A: 00:30 on 1 July (still June in UTC), food package from Salman, PKH rejected. B: health, BAZNAS accepted,
 * waiting for budget, still in verification. C: 23:30 on 30 September, BPNT referred and handed over in October.
 * D: received 30 June (the quarter before), BPNT referred and handed over in July.
 */
class PeriodFiguresTest {

  private static final Period Q3 = Period.quarterOf(LocalDate.of(2026, 8, 1));

  private static final Data DATA = new Data(Q3,
      List.of(intake("A", Channel.WALK_IN, "2026-07-01T00:30", false, Need.FOOD, Need.CASH),
          intake("B", Channel.WHATSAPP, "2026-08-10T09:00", false, Need.HEALTH),
          intake("C", Channel.RT_RW, "2026-09-30T23:30", false, Need.FOOD),
          intake("D", Channel.WALK_IN, "2026-06-30T23:59", false, Need.EDUCATION),
          intake("A", Channel.HOME_VISIT, "2026-08-01T10:00", true, Need.HOUSING)),
      List.of(new RegistryCheck("A", at("2026-07-01T01:00"), true), new RegistryCheck("B", at("2026-08-10T10:00"), false),
          new RegistryCheck("D", at("2026-06-30T23:59"), false)),
      List.of(new FieldVisit("B", at("2026-08-12T10:00"), true), new FieldVisit("E", at("2026-09-01T10:00"), false)),
      2,
      List.of(new DataChange(1, at("2026-08-12T10:00"), ChangeSource.FIELD_VERIFICATION),
          new DataChange(1, at("2026-08-12T10:00"), ChangeSource.FIELD_VERIFICATION),
          new DataChange(2, at("2026-09-15T10:00"), ChangeSource.IMPORT),
          new DataChange(3, at("2026-06-29T10:00"), ChangeSource.INTAKE)),
      List.of(program("A", "2026-07-01T00:30", "PKH", "DINSOS", ProgramStatus.REJECTED, "NOT_ELIGIBLE",
              "2026-07-02T10:00", "2026-07-04T10:00"),
          program("A", "2026-07-01T00:30", "SALMAN_SEMBAKO", "SALMAN", ProgramStatus.DISTRIBUTED, null,
              "2026-07-02T10:00", "2026-07-02T16:00"),
          program("B", "2026-08-10T09:00", "BAZNAS_SEHAT", "BAZNAS", ProgramStatus.WAITING_BUDGET, null,
              "2026-08-11T09:00", "2026-08-12T09:00"),
          program("B", "2026-08-10T09:00", "PKH", "DINSOS", ProgramStatus.NOT_SENT, null, "2026-08-11T09:00", null),
          program("C", "2026-09-30T23:30", "BPNT", "DINSOS", ProgramStatus.DISTRIBUTED, null, "2026-10-01T09:00", null),
          program("D", "2026-06-30T23:59", "BPNT", "DINSOS", ProgramStatus.DISTRIBUTED, null, "2026-07-01T08:00",
              "2026-07-01T20:00"),
          // E: a rejection recorded a day before its referral (a wrong clock): counted, but in no response time
          program("E", "2026-08-20T09:00", "BPNT", "DINSOS", ProgramStatus.REJECTED, "DUPLICATE", "2026-09-02T10:00",
              "2026-09-01T10:00")),
      // the cases as they stand now: A closed partly facilitated; B waiting for budget; C's BPNT handed over in
      // October; D (the quarter before) handed over in July
      List.of(facilitationCase("A", "2026-07-01T00:30", Outcome.PARTLY_FACILITATED, "YES", "YES", 5,
              new Program("PKH", "DINSOS", ProgramStatus.REJECTED, null),
              new Program("SALMAN_SEMBAKO", "SALMAN", ProgramStatus.DISTRIBUTED, LocalDate.parse("2026-07-05"))),
          facilitationCase("B", "2026-08-10T09:00", null, null, null, null,
              new Program("BAZNAS_SEHAT", "BAZNAS", ProgramStatus.WAITING_BUDGET, null),
              new Program("PKH", "DINSOS", ProgramStatus.NOT_SENT, null)),
          facilitationCase("C", "2026-09-30T23:30", null, null, null, null,
              new Program("BPNT", "DINSOS", ProgramStatus.DISTRIBUTED, LocalDate.parse("2026-10-05"))),
          facilitationCase("D", "2026-06-30T23:59", null, "YES", "PARTLY", 3,
              new Program("BPNT", "DINSOS", ProgramStatus.DISTRIBUTED, LocalDate.parse("2026-07-03")))),
      List.of(new Handover("A", "SALMAN_SEMBAKO", "SALMAN", LocalDate.parse("2026-07-05"), null, 1L, "paket", true),
          new Handover("D", "BPNT", "DINSOS", LocalDate.parse("2026-07-03"), 200_000L, null, "Rp", true),
          new Handover("D", "BPNT", "DINSOS", LocalDate.parse("2026-08-03"), 200_000L, null, "Rp", false),
          new Handover("C", "BPNT", "DINSOS", LocalDate.parse("2026-10-05"), 200_000L, null, "Rp", true)),
      List.of(entry("A", Stage.INTAKE, "2026-07-01T00:30"), entry("A", Stage.VERIFICATION, "2026-07-01T01:30"),
          entry("A", Stage.PARTNER_DECISION, "2026-07-02T01:30"), entry("A", Stage.CLOSED, "2026-07-10T01:30"),
          entry("B", Stage.INTAKE, "2026-08-10T09:00"), entry("B", Stage.VERIFICATION, "2026-08-10T12:00"),
          entry("C", Stage.INTAKE, "2026-09-30T23:30"), entry("D", Stage.INTAKE, "2026-06-30T23:59")),
      // C's end lies before its intake (a clock quirk): its stage is left out and counted
      Map.of("A", at("2026-07-10T01:30"), "C", at("2026-09-30T23:00")),
      List.of(new CompletedTask(Stage.VERIFICATION, at("2026-08-13T16:00"), at("2026-08-12T15:00")),
          new CompletedTask(Stage.PARTNER_DECISION, at("2026-07-03T16:00"), at("2026-07-04T10:00")),
          new CompletedTask(Stage.PARTNER_DECISION, at("2026-07-05T16:00"), at("2026-07-02T16:00")),
          new CompletedTask(null, at("2026-09-01T16:00"), at("2026-09-02T09:00")),
          new CompletedTask(Stage.FOLLOW_UP, at("2026-07-01T16:00"), at("2026-06-30T12:00"))),
      List.of(new Notice("REMINDED", Stage.VERIFICATION, at("2026-08-12T09:00")),
          new Notice("ESCALATED", Stage.PARTNER_DECISION, at("2026-07-04T08:00")),
          new Notice("SLRT", Stage.PARTNER_DECISION, at("2026-07-08T08:00")),
          new Notice("ESCALATED", null, at("2026-09-02T08:00")),
          new Notice("ESCALATED", Stage.FOLLOW_UP, at("2026-10-02T08:00"))),
      List.of(new Budget("SALMAN_SEMBAKO", "2026-07", 50, 0, 10), new Budget("SALMAN_SEMBAKO", "2026-08", 50, 5, 20),
          new Budget("BAZNAS_SEHAT", "2026-08", 10_000_000, 0, 0)),
      List.of(new Commitment("BAZNAS_SEHAT", at("2026-08-12T09:00"), null, true),
          new Commitment("SALMAN_SEMBAKO", at("2026-07-02T16:00"), at("2026-07-02T16:00"), false),
          new Commitment("BPNT", at("2026-07-01T20:00"), at("2026-07-06T20:00"), false),
          new Commitment("BPNT", at("2026-09-05T10:00"), at("2026-09-04T10:00"), false)),
      List.of(new FollowUp("A", at("2026-07-12T10:00"), "YES", "YES", 5),
          new FollowUp("D", at("2026-07-20T10:00"), "YES", "PARTLY", 3),
          new FollowUp("E", at("2026-09-10T10:00"), "NO", "NO", null),
          new FollowUp("X", at("2026-10-02T10:00"), "YES", "YES", 1)),
      names("BAZNAS", "BAZNAS Kota Bandung", "DINSOS", "Dinas Sosial Kota Bandung", "SALMAN", "Rumah Amal Salman"),
      names("PKH", "PKH", "BPNT", "BPNT", "BAZNAS_SEHAT", "Bandung Sehat", "SALMAN_SEMBAKO", "Paket sembako"));

  private final Figures figures = PeriodFigures.compute(DATA);

  @Test
  void complaintsAreCountedInTheQuarterOfTheirDayInBandungByChannelAndNeed() {
    assertThat(figures.received()).extracting(Received::cases, Received::intakes, Received::merged)
        .containsExactly(3L, 4L, 1L);
    assertThat(figures.received().byChannel()).extracting(Count::key, Count::count).containsExactly(
        tuple("WALK_IN", 1L), tuple("RT_RW", 1L), tuple("HOME_VISIT", 1L), tuple("WHATSAPP", 1L));
    assertThat(figures.received().byNeed()).extracting(Count::key, Count::count).containsExactly(
        tuple("FOOD", 2L), tuple("CASH", 1L), tuple("HEALTH", 1L), tuple("HOUSING", 1L));
  }

  @Test
  void verificationCountsChecksVisitsProposalsAndCorrectionsOfTheQuarter() {
    assertThat(figures.verification()).isEqualTo(new Verification(2, 1, 1, 2, 1, 1, 2, 3, 2, List.of(
        new Count("FIELD_VERIFICATION", "Verifikasi lapangan", 2), new Count("IMPORT", "Impor DTKS/DTSEN", 1))));
  }

  @Test
  void decisionsCountWhatWasSentAndDecidedInTheQuarterWithReasonsAndMedianResponse() {
    assertThat(figures.decisions()).containsExactly(
        new Decisions("BAZNAS", "BAZNAS_SEHAT", 1, 1, 0, Map.of(), 24.0),
        new Decisions("DINSOS", "BPNT", 2, 1, 1, Map.of("DUPLICATE", 1L), 12.0),
        new Decisions("DINSOS", "PKH", 1, 0, 1, Map.of("NOT_ELIGIBLE", 1L), 48.0),
        new Decisions("SALMAN", "SALMAN_SEMBAKO", 1, 1, 0, Map.of(), 6.0));
  }

  @Test
  void facilitationFollowsTheQuartersCasesToWhereTheyStandNow() {
    assertThat(figures.facilitation().overall()).extracting(Rate::received, Rate::referred, Rate::facilitated,
        Rate::rate, Rate::referredRate).containsExactly(3, 3, 2, 0.667, 0.667);
    assertThat(figures.facilitation().byMonth()).extracting(Rate::month, Rate::received, Rate::facilitated)
        .containsExactly(tuple("2026-07", 1, 1), tuple("2026-08", 1, 0), tuple("2026-09", 1, 1));
    Figures q2 = PeriodFigures.compute(withPeriod(Q3.previous()));
    assertThat(q2.facilitation().overall()).extracting(Rate::received, Rate::facilitated).containsExactly(1, 1);
  }

  @Test
  void durationsRunningBackwardsAreLeftOutAndCountedNeverNegative() {
    assertThat(figures.dataErrors()).isEqualTo(new DataErrors(0, 1, 1, 1));
    assertThat(figures.stageTimes()).allSatisfy(t -> assertThat(t.medianHours()).isNotNegative());
    assertThat(figures.decisions()).allSatisfy(d -> assertThat(d.medianResponseHours()).isNotNegative());
  }

  @Test
  void timePerStageRunsAnOpenCaseToTheQuarterEnd() {
    assertThat(figures.stageTimes()).containsExactly(new StageTime(Stage.INTAKE, 2, 2.0, 3.0),
        new StageTime(Stage.VERIFICATION, 2, 630.0, 1236.0), new StageTime(Stage.PARTNER_DECISION, 1, 192.0, 192.0));
  }

  @Test
  void serviceLevelComplianceIsPerStageOfTheTasksCompletedInTheQuarter() {
    assertThat(figures.onTime()).extracting(OnTime::key, OnTime::completed, OnTime::onTime, OnTime::rate)
        .containsExactly(tuple("VERIFICATION", 1L, 1L, 1.0), tuple("PARTNER_DECISION", 2L, 1L, 0.5),
            tuple(PeriodFigures.OTHER_WORK, 1L, 0L, 0.0));
    assertThat(figures.onTimeOverall()).extracting(OnTime::completed, OnTime::onTime, OnTime::rate)
        .containsExactly(4L, 2L, 0.5);
  }

  @Test
  void escalationsAreCountedByKindAndStage() {
    assertThat(figures.escalations()).isEqualTo(new Escalations(1, 2, 1, List.of(
        new Count(PeriodFigures.OTHER_WORK, "Registri, evaluasi dan laporan", 1),
        new Count("PARTNER_DECISION", "Keputusan mitra", 2))));
  }

  @Test
  void budgetUseAndWaitingAreSummedPerProgram() {
    assertThat(figures.budgets()).containsExactly(
        new BudgetUse("BAZNAS_SEHAT", 10_000_000, 0, 0, 0.0, 1, 1, null),
        new BudgetUse("BPNT", 0, 0, 0, null, 1, 0, 5.0),
        new BudgetUse("SALMAN_SEMBAKO", 100, 5, 30, 0.35, 0, 0, null));
  }

  @Test
  void residentSatisfactionComesFromTheQuartersFollowUps() {
    assertThat(figures.satisfaction()).isEqualTo(new Satisfaction(3, 4.0, Map.of(1, 0L, 2, 0L, 3, 1L, 4, 0L, 5, 1L),
        2, 0, 1, 1, 1, 1));
  }

  @Test
  void aidIsSummedPerProgramInCashAndGoods() {
    assertThat(figures.aid()).containsExactly(new AidGiven("BPNT", "DINSOS", 2, 1, 400_000, 0, "Rp"),
        new AidGiven("SALMAN_SEMBAKO", "SALMAN", 1, 1, 0, 1, "paket"));
  }

  @Test
  void eachPartnersRecordFeedsItsAppreciation() {
    assertThat(figures.partners()).containsExactly(new PartnerRecord("BAZNAS", 0, 0, 0, 1, 24.0, null),
        new PartnerRecord("DINSOS", 1, 2, 400_000, 3, 30.0, 0.5), new PartnerRecord("SALMAN", 1, 1, 0, 1, 6.0, 1.0));
    Map<String, List<String>> reasons = Appreciation.reasons(figures, Map.of("BAZNAS", 1));
    assertThat(reasons.get("BAZNAS")).containsExactly("Memutuskan 1 rujukan dengan waktu tanggap median 24 jam",
        "Menyumbang ide yang diadopsi dalam rapat evaluasi bersama");
    assertThat(reasons.get("DINSOS")).containsExactly(
        "Menyalurkan bantuan kepada 1 warga dalam 2 kali penyerahan (tunai Rp400.000)",
        "Melayani warga terbanyak di antara mitra", "Memutuskan 3 rujukan dengan waktu tanggap median 30 jam");
    assertThat(reasons.get("SALMAN")).containsExactly("Menyalurkan bantuan kepada 1 warga dalam 1 kali penyerahan",
        "Melayani warga terbanyak di antara mitra",
        "Memutuskan 1 rujukan dengan waktu tanggap median 6 jam, tercepat di antara mitra",
        "Data penyaluran paling lengkap: 100% penyerahan dikonfirmasi warga");
  }

  @Test
  void thePackPrintsTheFiguresWithTheTrendAndGivesEveryTableItsOwnCsvName() {
    Figures q2 = PeriodFigures.compute(withPeriod(Q3.previous()));
    Report pack = EvaluationPack.build(new EvaluationPack.Inputs(figures, q2, null, List.of(), List.of(),
        Appreciation.reasons(figures, Map.of()), group -> group), "Disusun uji");
    assertThat(pack.subtitle()).startsWith("Triwulan III 2026");
    assertThat(pack.sections().get(0).paragraphs()).contains(
        "3 pengaduan diterima; 2 terfasilitasi (66,7%); 2 dari 3 kasus yang dirujuk ke mitra terfasilitasi (66,7%).",
        "2 tugas selesai tepat waktu (50%); 3 eskalasi; kepuasan warga rata-rata 4 dari 5.");
    assertThat(section(pack, "Tingkat fasilitasi").paragraphs().get(1))
        .isEqualTo("Periode sebelumnya (Triwulan II 2026): 100% (1 dari 1 pengaduan); tren: turun 33,3 poin.");
    assertThat(table(pack, "bantuan-disalurkan").rows()).containsExactly(
        List.of("Dinas Sosial Kota Bandung", "BPNT", "2", "1", "Rp400.000", "-"),
        List.of("Rumah Amal Salman", "Paket sembako", "1", "1", "-", "1 paket"));
    assertThat(table(pack, "anggaran").rows().get(2)).containsExactly("Paket sembako", "100", "5", "30", "35%", "0",
        "0", "-");
    Set<String> ids = new HashSet<>();
    pack.sections().forEach(s -> s.tables().forEach(t -> assertThat(ids.add(t.id())).as(t.id()).isTrue()));
    assertThat(ids).hasSizeGreaterThan(15).allMatch(id -> id.matches("[a-z0-9-]+"));
  }

  /**
   * The pack of the hand-built quarter of {@link HandBuiltQuarter}: thirteen complaints became cases (two more were
   * merged into open cases), nine were referred, five facilitated. The pack prints the study's rate with its
   * definition, the rate of the referred beside it, the residents' answers and the days to the first aid.
   */
  @Test
  @SuppressWarnings("unchecked")
  void thePackPrintsTheStudysRateWithItsDefinitionBesideTheRateOfTheReferred() {
    List<Intake> intakes = new ArrayList<>();
    HandBuiltQuarter.CASES.forEach(c -> intakes.add(new Intake(c.referralNumber(), Channel.WALK_IN, c.needs(),
        c.receivedAt(), false)));
    HandBuiltQuarter.MERGED_INTAKES.forEach(m -> intakes.add(new Intake((String) m[0], Channel.WHATSAPP,
        (Set<Need>) m[2], at((String) m[1]), true)));
    Data quarter = new Data(Q3, intakes, List.of(), List.of(), 0, List.of(), List.of(), HandBuiltQuarter.CASES,
        List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        HandBuiltQuarter.PARTNERS, HandBuiltQuarter.PROGRAMS);
    Figures f = PeriodFigures.compute(quarter);
    Data before = new Data(Q3.previous(), intakes, List.of(), List.of(), 0, List.of(), List.of(),
        HandBuiltQuarter.CASES, List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        HandBuiltQuarter.PARTNERS, HandBuiltQuarter.PROGRAMS);

    Report pack = EvaluationPack.build(new EvaluationPack.Inputs(f, PeriodFigures.compute(before), null, List.of(),
        List.of(), Appreciation.reasons(f, Map.of()), group -> group), "Disusun uji");

    // merged complaints are complaints, not cases: 15 came in, 13 cases
    assertThat(f.received()).extracting(Received::cases, Received::intakes, Received::merged)
        .containsExactly(13L, 15L, 2L);
    assertThat(f.facilitation().overall().received()).isEqualTo(13);
    String rates = "13 pengaduan diterima; 5 terfasilitasi (38,5%); 5 dari 9 kasus yang dirujuk ke mitra "
        + "terfasilitasi (55,6%).";
    assertThat(pack.sections().get(0).paragraphs()).contains(rates,
        "Tingkat fasilitasi (ukuran studi): kasus terfasilitasi dibagi semua pengaduan yang diterima pada periode "
            + "(pengaduan yang digabung ke kasus yang masih terbuka bukan kasus baru).");
    assertThat(section(pack, "Tingkat fasilitasi").paragraphs()).containsSequence(
        rates + " Kajian mencatat 3 sampai 5 dari 10 usulan warga terfasilitasi.",
        "Periode sebelumnya (Triwulan II 2026): 100% (1 dari 1 pengaduan); tren: turun 61,5 poin.",
        "Tindak lanjut: 5 warga menjawab; bantuan membantu 1, membantu sebagian 1, tidak membantu 2 (membantu: 50%); "
            + "1 menerima bantuan tetapi tidak terbantu; kepuasan rata-rata 3 dari 5.",
        "Hari dari pengaduan sampai bantuan pertama (4 kasus terfasilitasi): median 4,5, rata-rata 4, persentil 90 5."
            + " 1 kasus tidak dihitung karena penyerahannya tercatat sebelum hari pengaduan (kesalahan data).");
    assertThat(section(pack, "Tingkat fasilitasi").paragraphs()).contains(
        FacilitationFigures.DEFINITIONS.studyRate(), FacilitationFigures.DEFINITIONS.referredRate(),
        FacilitationFigures.DEFINITIONS.facilitated(), FacilitationFigures.DEFINITIONS.perPartner(),
        FacilitationFigures.DEFINITIONS.perNeed());
    assertThat(table(pack, "fasilitasi-per-bulan").rows()).containsExactly(
        List.of("Juli 2026", "3", "3", "2", "66,7%", "66,7%", "100%", "3,5"),
        List.of("Agustus 2026", "3", "3", "1", "33,3%", "33,3%", "0%", "2"),
        List.of("September 2026", "7", "3", "2", "28,6%", "66,7%", "100%", "4"));
    assertThat(table(pack, "fasilitasi-per-mitra").rows()).containsExactly(
        List.of("BAZNAS Kota Bandung", "3", "2", "66,7%", "100%", "4"),
        List.of("Dinas Sosial Kota Bandung", "6", "2", "33,3%", "0%", "2"),
        List.of("Rumah Amal Salman", "1", "1", "100%", "100%", "5"));
    assertThat(table(pack, "fasilitasi-per-program").rows()).contains(List.of("BPNT / Sembako", "5", "2", "40%"));
    assertThat(table(pack, "fasilitasi-per-kebutuhan").rows()).contains(
        List.of("Pangan", "6", "6", "3", "50%", "50%"), List.of("Pendidikan", "1", "0", "0", "0%", "-"));
    assertThat(table(pack, "hari-sampai-bantuan").rows()).containsExactly(
        List.of("Juli 2026", "2", "4,5", "4,5", "5", "0"), List.of("Agustus 2026", "1", "2", "2", "2", "0"),
        List.of("September 2026", "1", "5", "5", "5", "1"));
    assertThat(f.dataErrors()).isEqualTo(new DataErrors(1, 0, 0, 0));
    assertThat(section(pack, "Waktu layanan dibanding standar (SLA)").paragraphs()).contains("Kesalahan data: 1 "
        + "catatan dengan urutan waktu terbalik tidak dihitung dalam angka waktu (penyerahan sebelum pengaduan 1, "
        + "keputusan mitra sebelum rujukan 0, tahap 0, anggaran dicadangkan sebelum diminta 0).");
  }

  // ---- fixture helpers -------------------------------------------------------------------------------------------

  private static Report.Section section(Report report, String title) {
    return report.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
  }

  private static Report.Table table(Report report, String id) {
    return report.sections().stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow();
  }

  private static Data withPeriod(Period period) {
    return new Data(period, DATA.intakes(), DATA.registryChecks(), DATA.fieldVisits(), DATA.dtksProposals(),
        DATA.dataChanges(), DATA.programs(), DATA.cases(), DATA.handovers(), DATA.stageEntries(), DATA.caseEnds(), DATA.tasks(),
        DATA.notices(), DATA.budgets(), DATA.commitments(), DATA.followUps(), DATA.partnerNames(),
        DATA.programNames());
  }

  private static OffsetDateTime at(String bandungTime) {
    return LocalDateTime.parse(bandungTime).atZone(RujukanApplication.ZONE).toOffsetDateTime();
  }

  private static Intake intake(String number, Channel channel, String at, boolean merged, Need... needs) {
    Set<Need> set = EnumSet.noneOf(Need.class);
    set.addAll(List.of(needs));
    return new Intake(number, channel, set, at(at), merged);
  }

  private static ProgramRow program(String number, String received, String program, String partner,
      ProgramStatus status, String rejection, String referred, String decided) {
    return new ProgramRow(number, at(received), program, partner, status, rejection, at(referred),
        decided == null ? null : at(decided));
  }

  private static FacilitationFigures.Case facilitationCase(String number, String received, Outcome outcome,
      String aidReceived, String aidHelped, Integer satisfaction, Program... programs) {
    return new FacilitationFigures.Case(number, at(received), outcome != null, outcome, aidReceived, aidHelped,
        satisfaction, Set.of(Need.FOOD), List.of(programs));
  }

  private static StageTimes.Entry entry(String number, Stage stage, String at) {
    return new StageTimes.Entry(number, stage, at(at));
  }

  private static Map<String, String> names(String... pairs) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      names.put(pairs[i], pairs[i + 1]);
    }
    return names;
  }
}
