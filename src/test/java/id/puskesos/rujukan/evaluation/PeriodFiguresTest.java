package id.puskesos.rujukan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.board.StageTimes;
import id.puskesos.rujukan.evaluation.PeriodFigures.*;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.registry.ChangeSource;

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
              "2026-07-02T10:00", "2026-07-04T10:00", null),
          program("A", "2026-07-01T00:30", "SALMAN_SEMBAKO", "SALMAN", ProgramStatus.DISTRIBUTED, null,
              "2026-07-02T10:00", "2026-07-02T16:00", "2026-07-05"),
          program("B", "2026-08-10T09:00", "BAZNAS_SEHAT", "BAZNAS", ProgramStatus.WAITING_BUDGET, null,
              "2026-08-11T09:00", "2026-08-12T09:00", null),
          program("B", "2026-08-10T09:00", "PKH", "DINSOS", ProgramStatus.NOT_SENT, null, "2026-08-11T09:00", null, null),
          program("C", "2026-09-30T23:30", "BPNT", "DINSOS", ProgramStatus.REFERRED, null, "2026-10-01T09:00", null,
              "2026-10-05"),
          program("D", "2026-06-30T23:59", "BPNT", "DINSOS", ProgramStatus.DISTRIBUTED, null, "2026-07-01T08:00",
              "2026-07-01T20:00", "2026-07-03")),
      List.of(new Handover("A", "SALMAN_SEMBAKO", "SALMAN", LocalDate.parse("2026-07-05"), null, 1L, "paket", true),
          new Handover("D", "BPNT", "DINSOS", LocalDate.parse("2026-07-03"), 200_000L, null, "Rp", true),
          new Handover("D", "BPNT", "DINSOS", LocalDate.parse("2026-08-03"), 200_000L, null, "Rp", false),
          new Handover("C", "BPNT", "DINSOS", LocalDate.parse("2026-10-05"), 200_000L, null, "Rp", true)),
      List.of(entry("A", Stage.INTAKE, "2026-07-01T00:30"), entry("A", Stage.VERIFICATION, "2026-07-01T01:30"),
          entry("A", Stage.PARTNER_DECISION, "2026-07-02T01:30"), entry("A", Stage.CLOSED, "2026-07-10T01:30"),
          entry("B", Stage.INTAKE, "2026-08-10T09:00"), entry("B", Stage.VERIFICATION, "2026-08-10T12:00"),
          entry("C", Stage.INTAKE, "2026-09-30T23:30"), entry("D", Stage.INTAKE, "2026-06-30T23:59")),
      Map.of("A", at("2026-07-10T01:30")),
      List.of(new CompletedTask("task_homeVisit", at("2026-08-13T16:00"), at("2026-08-12T15:00")),
          new CompletedTask("task_decideReferral", at("2026-07-03T16:00"), at("2026-07-04T10:00")),
          new CompletedTask("task_decideReferral", at("2026-07-05T16:00"), at("2026-07-02T16:00")),
          new CompletedTask("task_reviewDuplicate", at("2026-09-01T16:00"), at("2026-09-02T09:00")),
          new CompletedTask("task_followUp", at("2026-07-01T16:00"), at("2026-06-30T12:00"))),
      List.of(new Notice("REMINDED", "task_homeVisit", at("2026-08-12T09:00")),
          new Notice("ESCALATED", "task_decideReferral", at("2026-07-04T08:00")),
          new Notice("SLRT", "task_decideReferral", at("2026-07-08T08:00")),
          new Notice("ESCALATED", "task_reviewDuplicate", at("2026-09-02T08:00")),
          new Notice("ESCALATED", "task_followUp", at("2026-10-02T08:00"))),
      List.of(new Budget("SALMAN_SEMBAKO", "2026-07", 50, 0, 10), new Budget("SALMAN_SEMBAKO", "2026-08", 50, 5, 20),
          new Budget("BAZNAS_SEHAT", "2026-08", 10_000_000, 0, 0)),
      List.of(new Commitment("BAZNAS_SEHAT", at("2026-08-12T09:00"), null, true),
          new Commitment("SALMAN_SEMBAKO", at("2026-07-02T16:00"), at("2026-07-02T16:00"), false),
          new Commitment("BPNT", at("2026-07-01T20:00"), at("2026-07-06T20:00"), false)),
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
        new Decisions("DINSOS", "BPNT", 1, 1, 0, Map.of(), 12.0),
        new Decisions("DINSOS", "PKH", 1, 0, 1, Map.of("NOT_ELIGIBLE", 1L), 48.0),
        new Decisions("SALMAN", "SALMAN_SEMBAKO", 1, 1, 0, Map.of(), 6.0));
  }

  @Test
  void facilitationCountsAidHandedOverBeforeTheQuarterEnded() {
    assertThat(figures.facilitation()).isEqualTo(new Facilitation("", 3, 1, 0.333));
    assertThat(figures.facilitationByMonth()).containsExactly(new Facilitation("2026-07", 1, 1, 1.0),
        new Facilitation("2026-08", 1, 0, 0.0), new Facilitation("2026-09", 1, 0, 0.0));
    assertThat(figures.facilitationByPartner()).containsExactly(new Facilitation("BAZNAS", 1, 0, 0.0),
        new Facilitation("DINSOS", 2, 0, 0.0), new Facilitation("SALMAN", 1, 1, 1.0));
    // the quarter before: D was referred, its aid came in July, after that quarter ended
    Figures q2 = PeriodFigures.compute(withPeriod(Q3.previous()));
    assertThat(q2.facilitation()).isEqualTo(new Facilitation("", 1, 0, 0.0));
  }

  @Test
  void timePerStageRunsAnOpenCaseToTheQuarterEnd() {
    assertThat(figures.stageTimes()).containsExactly(new StageTime(Stage.INTAKE, 3, 1.0, 3.0),
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
        new PartnerRecord("DINSOS", 1, 2, 400_000, 2, 30.0, 0.5), new PartnerRecord("SALMAN", 1, 1, 0, 1, 6.0, 1.0));
    Map<String, List<String>> reasons = Appreciation.reasons(figures, Map.of("BAZNAS", 1));
    assertThat(reasons.get("BAZNAS")).containsExactly("Memutuskan 1 rujukan dengan waktu tanggap median 24 jam",
        "Menyumbang ide yang diadopsi dalam rapat evaluasi bersama");
    assertThat(reasons.get("DINSOS")).containsExactly(
        "Menyalurkan bantuan kepada 1 warga dalam 2 kali penyerahan (tunai Rp400.000)",
        "Melayani warga terbanyak di antara mitra", "Memutuskan 2 rujukan dengan waktu tanggap median 30 jam");
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
        "3 kasus baru diterima; 1 dari 3 kasus yang dirujuk ke mitra terfasilitasi (33,3%).",
        "2 tugas selesai tepat waktu (50%); 3 eskalasi; kepuasan warga rata-rata 4 dari 5.");
    assertThat(section(pack, "Tingkat fasilitasi").paragraphs().get(1))
        .isEqualTo("Periode sebelumnya (Triwulan II 2026): 0% (0 dari 1); tren: naik 33,3 poin.");
    assertThat(table(pack, "bantuan-disalurkan").rows()).containsExactly(
        List.of("Dinas Sosial Kota Bandung", "BPNT", "2", "1", "Rp400.000", "-"),
        List.of("Rumah Amal Salman", "Paket sembako", "1", "1", "-", "1 paket"));
    assertThat(table(pack, "anggaran").rows().get(2)).containsExactly("Paket sembako", "100", "5", "30", "35%", "0",
        "0", "-");
    Set<String> ids = new HashSet<>();
    pack.sections().forEach(s -> s.tables().forEach(t -> assertThat(ids.add(t.id())).as(t.id()).isTrue()));
    assertThat(ids).hasSizeGreaterThan(15).allMatch(id -> id.matches("[a-z0-9-]+"));
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
        DATA.dataChanges(), DATA.programs(), DATA.handovers(), DATA.stageEntries(), DATA.caseEnds(), DATA.tasks(),
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
      ProgramStatus status, String rejection, String referred, String decided, String firstAid) {
    return new ProgramRow(number, at(received), program, partner, status, rejection, at(referred),
        decided == null ? null : at(decided), firstAid == null ? null : LocalDate.parse(firstAid));
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
