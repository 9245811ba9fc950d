package id.puskesos.rujukan.report;
// Size: all figures of a period from the loaded records, so report, pack and board agree.

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import id.puskesos.rujukan.board.StageTimes;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.registry.ChangeSource;

/**
 * The figures of a period, computed from what was recorded: every figure counts what happened inside the period
 * (an intake, a decision, a handover, a completed task are counted in the period they happened in), so the figures
 * of a past period stay the same when they are computed again later. The rows come from {@link PeriodData}; this
 * class only counts, so every figure can be checked against a hand-built fixture.
 */
public final class PeriodFigures {

  // ---- what was recorded (the input) ---------------------------------------------------------------------------

  /** A complaint or proposal received; {@code merged} when it joined a case already open. */
  public record Intake(String referralNumber, Channel channel, Set<Need> needs, OffsetDateTime at, boolean merged) {
  }

  /** The automated registry check of a case: clean, or field verification needed. */
  public record RegistryCheck(String referralNumber, OffsetDateTime at, boolean clean) {
  }

  /** A field verification (home visit): the data valid, or the resident not eligible. */
  public record FieldVisit(String referralNumber, OffsetDateTime at, boolean eligible) {
  }

  /** A change to a resident's record. */
  public record DataChange(long residentId, OffsetDateTime at, ChangeSource source) {
  }

  /** A case's referral to one program, with its decision. */
  public record ProgramRow(String referralNumber, OffsetDateTime caseReceivedAt, String programCode,
      String partnerCode, ProgramStatus status, String rejectionCode, OffsetDateTime referredAt,
      OffsetDateTime decidedAt) {
  }

  /** One handover of aid (money in rupiah and/or goods in the program's unit). */
  public record Handover(String referralNumber, String programCode, String partnerCode, LocalDate on, Long amount,
      Long quantity, String unit, boolean receiptConfirmed) {
  }

  /**
   * A completed user task with its service level: on time when completed by its due date. {@code stage}: the one its
   * model gives it, null for registry, evaluation and report work.
   */
  public record CompletedTask(Stage stage, OffsetDateTime due, OffsetDateTime end) {
  }

  /** A reminder or escalation of the service-level watch, with the stage of its task as in {@link CompletedTask}. */
  public record Notice(String kind, Stage stage, OffsetDateTime at) {
  }

  /** A program's budget for one of its budget periods. */
  public record Budget(String programCode, String period, long allocated, long reserved, long disbursed) {
  }

  /** A request on a budget; it waited when it was not reserved at once. */
  public record Commitment(String programCode, OffsetDateTime requestedAt, OffsetDateTime reservedAt,
      boolean stillWaiting) {
  }

  /** The fasilitator's follow-up of a case. */
  public record FollowUp(String referralNumber, OffsetDateTime at, String aidReceived, String aidHelped,
      Integer satisfaction) {
  }

  /** Everything recorded that the figures of a period read. */
  public record Data(Period period, List<Intake> intakes, List<RegistryCheck> registryChecks,
      List<FieldVisit> fieldVisits, long dtksProposals, List<DataChange> dataChanges, List<ProgramRow> programs,
      List<FacilitationFigures.Case> cases, List<Handover> handovers, List<StageTimes.Entry> stageEntries, Map<String, OffsetDateTime> caseEnds,
      List<CompletedTask> tasks, List<Notice> notices, List<Budget> budgets, List<Commitment> commitments,
      List<FollowUp> followUps, Map<String, String> partnerNames, Map<String, String> programNames) {
  }

  // ---- the figures (the output) ---------------------------------------------------------------------------------

  public record Count(String key, String label, long count) {
  }

  public record Received(long cases, long intakes, long merged, List<Count> byChannel, List<Count> byNeed) {
  }

  public record Verification(long registryChecks, long clean, long fieldVerificationNeeded, long fieldVisits,
      long validAfterVisit, long notEligibleAfterVisit, long dtksProposals, long dataChanges,
      long residentsChanged, List<Count> changesBySource) {
  }

  /** Referrals sent to a program in the period, and the decisions its partner made in the period. */
  public record Decisions(String partnerCode, String programCode, long referred, long accepted, long rejected,
      Map<String, Long> rejectionsByCode, Double medianResponseHours) {
  }

  public record StageTime(Stage stage, int cases, double medianHours, double p90Hours) {
  }

  /** Tasks completed in the period by their due date, per stage (or "REGISTRY" for registry and other work). */
  public record OnTime(String key, String label, long completed, long onTime, Double rate) {
  }

  public record Escalations(long reminders, long escalations, long slrt, List<Count> escalationsByStage) {
  }

  public record BudgetUse(String programCode, long allocated, long reserved, long disbursed, Double use,
      long waitedInPeriod, long stillWaiting, Double medianDaysWaited) {
  }

  public record Satisfaction(long followUps, Double averageScore, Map<Integer, Long> scores, long aidReceived,
      long aidPartly, long aidNotReceived, long helped, long helpedPartly, long notHelped) {
  }

  public record AidGiven(String programCode, String partnerCode, long handovers, long cases, long cash,
      long goods, String unit) {
  }

  /**
   * Records left out of the duration figures because their times run backwards (a clock quirk or a wrong date):
   * never shown as a negative duration, counted here instead.
   */
  public record DataErrors(long handoversBeforeIntake, long decisionsBeforeReferral, long stagesOutOfOrder,
      long reservedBeforeRequest) {

    public long total() {
      return handoversBeforeIntake + decisionsBeforeReferral + stagesOutOfOrder + reservedBeforeRequest;
    }
  }

  /** What a partner did in the period, from the records; the appreciation letters name it. */
  public record PartnerRecord(String partnerCode, long residentsServed, long handovers, long cash, long decisions,
      Double medianResponseHours, Double receiptConfirmedShare) {
  }

  /** The period's figures; {@code facilitation} follows the cases received in it ({@link FacilitationFigures}). */
  public record Figures(Period period, Received received, Verification verification, List<Decisions> decisions,
      FacilitationFigures.Figures facilitation, List<StageTime> stageTimes, List<OnTime> onTime,
      OnTime onTimeOverall, Escalations escalations, List<BudgetUse> budgets, Satisfaction satisfaction,
      List<AidGiven> aid, List<PartnerRecord> partners, DataErrors dataErrors, Map<String, String> partnerNames,
      Map<String, String> programNames) {

    public String partnerName(String code) {
      return partnerNames.getOrDefault(code, code);
    }

    public String programName(String code) {
      return programNames.getOrDefault(code, code);
    }
  }

  /** The key of tasks outside a case's stages (registry, evaluation and report work). */
  public static final String OTHER_WORK = "OTHER";

  private PeriodFigures() {
  }

  public static Figures compute(Data data) {
    Period period = data.period();
    FacilitationFigures.Figures facilitation = FacilitationFigures.compute(period.from(), period.to(), data.cases(),
        data.partnerNames(), data.programNames());
    return new Figures(period, received(data), verification(data), decisions(data), facilitation, stageTimes(data),
        onTime(data, false).stream().toList(), onTime(data, true).get(0), escalations(data), budgets(data),
        satisfaction(data), aid(data), partners(data), dataErrors(data, facilitation), data.partnerNames(),
        data.programNames());
  }

  private static Received received(Data data) {
    List<Intake> intakes = data.intakes().stream().filter(i -> data.period().contains(i.at())).toList();
    Map<Channel, Long> channels = new EnumMap<>(Channel.class);
    Map<Need, Long> needs = new EnumMap<>(Need.class);
    for (Intake intake : intakes) {
      channels.merge(intake.channel(), 1L, Long::sum);
      intake.needs().forEach(need -> needs.merge(need, 1L, Long::sum));
    }
    List<Count> byChannel = new ArrayList<>();
    channels.forEach((channel, n) -> byChannel.add(new Count(channel.name(), channel.label(), n)));
    List<Count> byNeed = new ArrayList<>();
    needs.forEach((need, n) -> byNeed.add(new Count(need.name(), need.label(), n)));
    long merged = intakes.stream().filter(Intake::merged).count();
    return new Received(intakes.size() - merged, intakes.size(), merged, byChannel, byNeed);
  }

  private static Verification verification(Data data) {
    Period p = data.period();
    List<RegistryCheck> checks = data.registryChecks().stream().filter(c -> p.contains(c.at())).toList();
    List<FieldVisit> visits = data.fieldVisits().stream().filter(v -> p.contains(v.at())).toList();
    List<DataChange> changes = data.dataChanges().stream().filter(c -> p.contains(c.at())).toList();
    long clean = checks.stream().filter(RegistryCheck::clean).count();
    long valid = visits.stream().filter(FieldVisit::eligible).count();
    Map<ChangeSource, Long> bySource = new EnumMap<>(ChangeSource.class);
    changes.forEach(c -> bySource.merge(c.source(), 1L, Long::sum));
    List<Count> sources = new ArrayList<>();
    bySource.forEach((source, n) -> sources.add(new Count(source.name(), Labels.source(source), n)));
    return new Verification(checks.size(), clean, checks.size() - clean, visits.size(), valid, visits.size() - valid,
        data.dtksProposals(), changes.size(), changes.stream().map(DataChange::residentId).distinct().count(), sources);
  }

  private static List<Decisions> decisions(Data data) {
    Period p = data.period();
    Map<List<String>, List<ProgramRow>> byProgram = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
        ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
    for (ProgramRow row : data.programs()) {
      if (row.status() != ProgramStatus.NOT_SENT && (p.contains(row.referredAt()) || p.contains(row.decidedAt()))) {
        byProgram.computeIfAbsent(List.of(row.partnerCode(), row.programCode()), k -> new ArrayList<>()).add(row);
      }
    }
    List<Decisions> result = new ArrayList<>();
    byProgram.forEach((key, rows) -> {
      long referred = rows.stream().filter(r -> p.contains(r.referredAt())).count();
      List<ProgramRow> decided = rows.stream().filter(r -> p.contains(r.decidedAt())).toList();
      Map<String, Long> codes = new TreeMap<>();
      long rejected = 0;
      for (ProgramRow row : decided) {
        if (row.rejectionCode() != null) {
          rejected++;
          codes.merge(row.rejectionCode(), 1L, Long::sum);
        }
      }
      result.add(new Decisions(key.get(0), key.get(1), referred, decided.size() - rejected, rejected, codes,
          medianHours(decided)));
    });
    return result;
  }

  /**
   * Median hours from referral to the partner's decision (null without decisions); a decision recorded before its
   * referral is left out (counted in {@link DataErrors}).
   */
  private static Double medianHours(Collection<ProgramRow> decided) {
    List<Double> hours = decided.stream().filter(PeriodFigures::inOrder)
        .map(r -> Duration.between(r.referredAt(), r.decidedAt()).toMinutes() / 60.0).toList();
    return hours.isEmpty() ? null : round1(median(hours));
  }

  /** Time per stage of the cases received in the period; an open case's last stage runs to the period's end. */
  private static List<StageTime> stageTimes(Data data) {
    return StageTimes.compute(periodStageEntries(data), periodCaseEnds(data)).stream()
        .map(f -> new StageTime(f.stage(), f.cases(), f.medianHours(), f.p90Hours())).toList();
  }

  private static Set<String> periodCases(Data data) {
    Set<String> cases = new HashSet<>();
    data.intakes().stream().filter(i -> !i.merged() && data.period().contains(i.at()))
        .forEach(i -> cases.add(i.referralNumber()));
    return cases;
  }

  private static List<StageTimes.Entry> periodStageEntries(Data data) {
    Set<String> cases = periodCases(data);
    return data.stageEntries().stream()
        .filter(e -> cases.contains(e.referralNumber()) && e.at().isBefore(data.period().end())).toList();
  }

  private static Map<String, OffsetDateTime> periodCaseEnds(Data data) {
    Map<String, OffsetDateTime> ends = new HashMap<>();
    for (String number : periodCases(data)) {
      OffsetDateTime end = data.caseEnds().get(number);
      ends.put(number, end == null || end.isAfter(data.period().end()) ? data.period().end() : end);
    }
    return ends;
  }

  private static List<OnTime> onTime(Data data, boolean overall) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    if (!overall) {
      for (Stage stage : Stage.values()) {
        if (stage != Stage.CLOSED) {
          counts.put(stage.name(), new long[2]);
        }
      }
      counts.put(OTHER_WORK, new long[2]);
    }
    for (CompletedTask task : data.tasks()) {
      if (!data.period().contains(task.end()) || task.due() == null) {
        continue;
      }
      Stage stage = task.stage();
      long[] c = counts.computeIfAbsent(overall ? "" : stage == null ? OTHER_WORK : stage.name(), k -> new long[2]);
      c[0]++;
      if (!task.end().isAfter(task.due())) {
        c[1]++;
      }
    }
    if (overall && counts.isEmpty()) {
      counts.put("", new long[2]);
    }
    List<OnTime> result = new ArrayList<>();
    counts.forEach((key, c) -> {
      if (overall || c[0] > 0) {
        result.add(new OnTime(key, overall ? "Semua tugas" : Labels.stage(key), c[0], c[1],
            c[0] == 0 ? null : round3((double) c[1] / c[0])));
      }
    });
    return result;
  }

  private static Escalations escalations(Data data) {
    List<Notice> notices = data.notices().stream().filter(n -> data.period().contains(n.at())).toList();
    Map<String, Long> byStage = new TreeMap<>();
    notices.stream().filter(n -> !"REMINDED".equals(n.kind())).forEach(n -> {
      Stage stage = n.stage();
      byStage.merge(stage == null ? OTHER_WORK : stage.name(), 1L, Long::sum);
    });
    List<Count> stages = new ArrayList<>();
    byStage.forEach((key, n) -> stages.add(new Count(key, Labels.stage(key), n)));
    return new Escalations(count(notices, n -> n.kind().equals("REMINDED")),
        count(notices, n -> n.kind().equals("ESCALATED")), count(notices, n -> n.kind().equals("SLRT")), stages);
  }

  private static List<BudgetUse> budgets(Data data) {
    Period p = data.period();
    Map<String, long[]> sums = new TreeMap<>();
    for (Budget budget : data.budgets()) {
      long[] s = sums.computeIfAbsent(budget.programCode(), k -> new long[3]);
      s[0] += budget.allocated();
      s[1] += budget.reserved();
      s[2] += budget.disbursed();
    }
    Map<String, List<Double>> waitedDays = new HashMap<>();
    Map<String, long[]> waits = new HashMap<>();
    for (Commitment c : data.commitments()) {
      boolean waited = c.stillWaiting() || c.reservedAt() != null
          && Duration.between(c.requestedAt(), c.reservedAt()).toMinutes() >= 1;
      if (!waited || !p.contains(c.requestedAt())) {
        continue;
      }
      sums.computeIfAbsent(c.programCode(), k -> new long[3]);
      long[] w = waits.computeIfAbsent(c.programCode(), k -> new long[2]);
      w[0]++;
      if (c.stillWaiting()) {
        w[1]++;
      } else {
        waitedDays.computeIfAbsent(c.programCode(), k -> new ArrayList<>())
            .add(Duration.between(c.requestedAt(), c.reservedAt()).toMinutes() / 1440.0);
      }
    }
    List<BudgetUse> result = new ArrayList<>();
    sums.forEach((program, s) -> {
      long[] w = waits.getOrDefault(program, new long[2]);
      List<Double> days = waitedDays.get(program);
      result.add(new BudgetUse(program, s[0], s[1], s[2], s[0] == 0 ? null : round3((double) (s[1] + s[2]) / s[0]),
          w[0], w[1], days == null ? null : round1(median(days))));
    });
    return result;
  }

  private static Satisfaction satisfaction(Data data) {
    List<FollowUp> followUps = data.followUps().stream().filter(f -> data.period().contains(f.at())).toList();
    Map<Integer, Long> scores = new TreeMap<>();
    for (int s = 1; s <= 5; s++) {
      scores.put(s, 0L);
    }
    followUps.stream().map(FollowUp::satisfaction).filter(s -> s != null && s >= 1 && s <= 5)
        .forEach(s -> scores.merge(s, 1L, Long::sum));
    double average = followUps.stream().map(FollowUp::satisfaction).filter(s -> s != null && s >= 1 && s <= 5)
        .mapToInt(Integer::intValue).average().orElse(Double.NaN);
    return new Satisfaction(followUps.size(), Double.isNaN(average) ? null : round1(average), scores,
        count(followUps, f -> "YES".equals(f.aidReceived())), count(followUps, f -> "PARTLY".equals(f.aidReceived())),
        count(followUps, f -> "NO".equals(f.aidReceived())), count(followUps, f -> "YES".equals(f.aidHelped())),
        count(followUps, f -> "PARTLY".equals(f.aidHelped())), count(followUps, f -> "NO".equals(f.aidHelped())));
  }

  private static List<AidGiven> aid(Data data) {
    Map<String, List<Handover>> byProgram = new TreeMap<>();
    data.handovers().stream().filter(h -> data.period().contains(h.on()))
        .forEach(h -> byProgram.computeIfAbsent(h.programCode(), k -> new ArrayList<>()).add(h));
    List<AidGiven> result = new ArrayList<>();
    byProgram.forEach((program, handovers) -> result.add(new AidGiven(program, handovers.get(0).partnerCode(),
        handovers.size(), handovers.stream().map(Handover::referralNumber).distinct().count(),
        handovers.stream().map(Handover::amount).filter(a -> a != null).mapToLong(Long::longValue).sum(),
        handovers.stream().map(Handover::quantity).filter(q -> q != null).mapToLong(Long::longValue).sum(),
        handovers.get(0).unit())));
    return result;
  }

  private static List<PartnerRecord> partners(Data data) {
    Period p = data.period();
    List<PartnerRecord> result = new ArrayList<>();
    for (String partner : new java.util.TreeSet<>(data.partnerNames().keySet())) {
      List<Handover> handovers = data.handovers().stream()
          .filter(h -> partner.equals(h.partnerCode()) && p.contains(h.on())).toList();
      List<ProgramRow> decided = data.programs().stream()
          .filter(r -> partner.equals(r.partnerCode()) && p.contains(r.decidedAt())).toList();
      long confirmed = count(handovers, Handover::receiptConfirmed);
      result.add(new PartnerRecord(partner, handovers.stream().map(Handover::referralNumber).distinct().count(),
          handovers.size(), handovers.stream().map(Handover::amount).filter(a -> a != null)
              .mapToLong(Long::longValue).sum(), decided.size(), medianHours(decided),
          handovers.isEmpty() ? null : round3((double) confirmed / handovers.size())));
    }
    return result;
  }

  private static boolean inOrder(ProgramRow row) {
    return row.referredAt() != null && row.decidedAt() != null && !row.decidedAt().isBefore(row.referredAt());
  }

  /** Records whose times run backwards: left out of every duration figure, counted here. */
  private static DataErrors dataErrors(Data data, FacilitationFigures.Figures facilitation) {
    Period p = data.period();
    long decisions = count(data.programs(), r -> p.contains(r.decidedAt()) && r.referredAt() != null
        && r.decidedAt().isBefore(r.referredAt()));
    long reserved = count(data.commitments(), c -> p.contains(c.requestedAt()) && c.reservedAt() != null
        && c.reservedAt().isBefore(c.requestedAt()));
    return new DataErrors(facilitation.daysToFirstAidOverall().dateErrors(), decisions,
        StageTimes.outOfOrder(periodStageEntries(data), periodCaseEnds(data)), reserved);
  }

  // ---- small helpers ------------------------------------------------------------------------------------------

  private static <T> long count(Collection<T> items, Predicate<T> test) {
    return items.stream().filter(test).count();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
