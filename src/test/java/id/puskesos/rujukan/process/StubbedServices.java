package id.puskesos.rujukan.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.assessment.Assessment;
import id.puskesos.rujukan.assessment.AssessmentService;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.escalation.Escalations;
import id.puskesos.rujukan.partner.Letters;
import id.puskesos.rujukan.proposal.Proposals;
import id.puskesos.rujukan.recommendation.Recommendations;
import id.puskesos.rujukan.recommendation.Recommendations.CaseRoute;
import id.puskesos.rujukan.recommendation.Recommendations.Decided;
import id.puskesos.rujukan.routing.RecommendationView;
import id.puskesos.rujukan.distribution.DistributionService;
import id.puskesos.rujukan.evaluation.ActionItem;
import id.puskesos.rujukan.report.ActivityReports;
import id.puskesos.rujukan.report.PeriodData;
import id.puskesos.rujukan.evaluation.EvaluationFeedback;
import id.puskesos.rujukan.evaluation.EvaluationMeetings;
import id.puskesos.rujukan.evaluation.EvaluationParticipants;
import id.puskesos.rujukan.evaluation.Evaluations;
import id.puskesos.rujukan.followup.ClosingService;
import id.puskesos.rujukan.intake.IntakeResult;
import id.puskesos.rujukan.intake.IntakeService;
import id.puskesos.rujukan.intake.ProcessStarter;
import id.puskesos.rujukan.partner.PartnerService;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.RegistrySettings;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.registry.Reverification;
import id.puskesos.rujukan.catalogue.AidKind;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramKind;
import id.puskesos.rujukan.routing.PkhBenefits;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.routing.RoutingService;
import id.puskesos.rujukan.routing.ZakatMeasures;
import id.puskesos.rujukan.verification.FieldVerification;
import id.puskesos.rujukan.verification.VerificationService;

/**
 * The services behind the real delegates, as the process tests need them: Mockito mocks (from {@link RealDelegates})
 * stubbed with a small in-memory world of one village, whose answers decide the models' gateways. The fields are the
 * knobs a test turns before it starts a case; what the delegates passed on is verified on the mocks.
 */
final class StubbedServices {

  /** Partner groups of the programs the tests use. */
  static final Map<String, String> PARTNER_GROUPS = Map.of(
      "PKH", "dinsos", "BPNT", "dinsos", "BAZNAS_KONSUMTIF", "baznas", "BAZNAS_SEHAT", "baznas",
      "BAZNAS_MAKMUR", "baznas", "BAZNAS_PEDULI", "baznas", "SALMAN_SEMBAKO", "salman", "SALMAN_YATIM", "salman");
  /** The number the intake gives a new case, and the one a resident's open case has. */
  static final String NEW_CASE = "RJK-2026-000001";
  static final String OPEN_CASE = "RJK-2026-000007";
  /** The participants the feedback round asks, with their groups. */
  static final Map<String, String> GROUPS = Map.of("PUSKESOS", "koordinator,bo,fasilitator,fo",
      "DINSOS", "dinsos", "BAZNAS", "baznas", "SALMAN", "salman");
  static final List<String> PARTICIPANT_CODES = List.of("PUSKESOS", "DINSOS", "BAZNAS", "SALMAN");
  /** The owners of the action items the meeting agrees (by id): 101 due on 15 January 2027, 102 a week later. */
  static final Map<Long, String> OWNERS = Map.of(101L, "bo", 102L, "dinsos");

  /** Whether the resident already has an open case (the intake merges into it). */
  boolean openCase = false;
  /** What the automated registry check finds: a clean, fresh record unless a test says otherwise. */
  boolean registryClean = true;
  /** Whether the resident is in DTKS/DTSEN. */
  boolean dtksListed = true;
  /** The household the eligibility table sees; a poor Muslim family in DTKS desil 2. */
  int desil = 2;
  int pkhComponents = 2;
  long incomePerCapita = 300_000L;
  /** The default settings' measures (application.yaml, rujukan.zakat). */
  static final ZakatMeasures ZAKAT = new ZakatMeasures(772_088L, 614_707L);
  /** The partners the assessment asks consent for, code to name. */
  static final Map<String, String> CONSENT_PARTNERS = new TreeMap<>(Map.of("BAZNAS", "BAZNAS Kota Bandung", "SALMAN",
      "Rumah Amal Salman"));
  /** Whether a partner's acceptance finds budget; otherwise the case waits on the list. */
  boolean budgetAvailable = true;
  /** Whether an acceptance is given up (held back by the household ledger, or too long a waiting list). */
  boolean acceptanceGivenUp = false;
  /** The national programs (kind PROPOSAL, decided by the ministry per period); any other is a partner's SERVICE. */
  final Set<String> proposalPrograms = new HashSet<>();
  /** What the imported decision lists say of a proposal, list after list; once used up, it is carried over again. */
  final Deque<Proposals.Outcome> proposalOutcomes = new ArrayDeque<>();
  /** Routing's next alternative per program that does not deliver; a program missing here has none. */
  final Map<String, String> alternatives = new HashMap<>();
  /** How many residents each re-verification batch leaves due, batch after batch. */
  final Deque<Long> remainingDue = new ArrayDeque<>();
  /** Whether the evaluation's period was evaluated before (the timer then ends at once). */
  boolean alreadyEvaluated;
  /** The action items the evaluation meeting agrees. */
  List<Long> actionItemIds = new ArrayList<>(List.of(101L, 102L));

  private final RealDelegates delegates;
  /** The case file's partner referrals: process instance to case and program. */
  private final Map<String, CaseFile.PartnerAssignment> assignments = new ConcurrentHashMap<>();
  private final Map<String, List<String>> confirmedNeeds = new ConcurrentHashMap<>();
  private final Map<String, List<String>> handedOver = new ConcurrentHashMap<>();
  /** The programs recommended per case (status RECOMMENDED): routing's choice, as the back office edited it. */
  private final Map<String, Set<String>> recommended = new ConcurrentHashMap<>();
  /** The back office's recommendation awaiting the koordinator's decision per case, and its reason. */
  private final Map<String, String[]> openRound = new ConcurrentHashMap<>();
  /** How many decision lists moved each proposal (a carried-over proposal is in its next period). */
  private final Map<String, Integer> proposalCycles = new ConcurrentHashMap<>();

  private StubbedServices(RealDelegates delegates) {
    this.delegates = delegates;
  }

  static StubbedServices stub(RealDelegates delegates) {
    StubbedServices services = new StubbedServices(delegates);
    services.settings();
    doReturn("petugas").when(delegates.mock(Actors.class)).current();
    // the engine's own reads a delegate makes without the user's grants: made, as the engine makes them
    doAnswer(call -> call.<java.util.concurrent.Callable<?>>getArgument(0).call())
        .when(delegates.mock(CaseAccess.class)).withoutAuthorization(any());
    services.caseFile();
    services.intake();
    services.verification();
    services.assessmentAndRouting();
    services.recommendation();
    services.escalation();
    services.partners();
    services.proposals();
    services.distributionAndClosing();
    services.registry();
    services.evaluation();
    return services;
  }

  /** The settings the timers read; the plain engine has no working-day calendar, so ISO durations. */
  private void settings() {
    ReferralSettings referral = (ReferralSettings) delegates.beans().get("referralSettings");
    referral.setFollowUpDelay("P30D");
    referral.setDecisionTimeout("P14D");
    referral.setUrgentDecisionTimeout("P2D");
    ((RegistrySettings) delegates.beans().get("registrySettings")).setReverificationCycle("R/P30D");
  }

  private void caseFile() {
    CaseFile caseFile = delegates.mock(CaseFile.class);
    doAnswer(i -> Optional.ofNullable(assignments.get(i.<String>getArgument(0)))).when(caseFile)
        .partnerAssignment(anyString());
    doAnswer(i -> assignments.put(i.getArgument(2), new CaseFile.PartnerAssignment(i.getArgument(0),
        i.getArgument(1)))).when(caseFile).assignPartnerInstance(anyString(), anyString(), anyString());
  }

  /** The intake numbers a new case and starts its process, or finds the resident's open case. */
  private void intake() {
    doAnswer(i -> {
      if (openCase) {
        return new IntakeResult(OPEN_CASE, "pi-open", true, List.of());
      }
      String processInstanceId = i.<ProcessStarter>getArgument(3).start(NEW_CASE,
          Map.of(CaseVariables.REFERRAL_NUMBER.name(), NEW_CASE));
      return new IntakeResult(NEW_CASE, processInstanceId, false, List.of());
    }).when(delegates.mock(IntakeService.class)).register(any(), any(), any(), any());
  }

  private void verification() {
    VerificationService verification = delegates.mock(VerificationService.class);
    doAnswer(i -> new VerificationService.RegistryCheck(resident(), !registryClean,
        registryClean ? List.of() : List.of("Data terakhir diperbarui 2023"))).when(verification)
        .check(anyString(), any());
    doAnswer(i -> {
      FieldVerification visit = i.getArgument(1);
      return new VerificationService.FieldOutcome(!"NOT_ELIGIBLE".equals(visit.result()),
          visit.opinionsRequested(), dtksListed, visit.address());
    }).when(verification).recordFieldVerification(anyString(), any(), any());
    doAnswer(i -> i.getArgument(1) + ": " + i.getArgument(2)).when(verification)
        .recordOpinion(anyString(), anyString(), any(), any());
  }

  private Resident resident() {
    return new Resident(1L, "3273010101800001", "3273010101090001", "Siti Aminah", LocalDate.of(1980, 1, 1), null,
        "Jl. Tamansari No. 5", "003", "007", "Lebak Siliwangi", null, "KEPALA_KELUARGA",
        dtksListed ? DtksStatus.LISTED : DtksStatus.NOT_LISTED, dtksListed ? desil : null, null, null, null, false,
        false, true, null);
  }

  /**
   * The assessment asks consent for the catalogue's two non-government partners (the resident consents to BAZNAS
   * already) and keeps the needs it confirmed; routing's facts are the household's, and it refers, per need, the
   * table's best-ranked program (as the real service does when no ledger or budget holds one back).
   */
  private void assessmentAndRouting() {
    AssessmentService assessment = delegates.mock(AssessmentService.class);
    doReturn(new AssessmentService.ConsentQuestions(CONSENT_PARTNERS, List.of("BAZNAS"))).when(assessment)
        .consentQuestions(anyString());
    doAnswer(i -> confirmedNeeds.put(i.getArgument(0), i.<Assessment>getArgument(1).needs().stream()
        .sorted().map(Need::name).toList())).when(assessment).record(anyString(), any(), any(), any());
    RoutingService routing = delegates.mock(RoutingService.class);
    doAnswer(i -> new RoutingService.Facts(1L, "3273010101090001",
        confirmedNeeds.getOrDefault(i.<String>getArgument(0), List.of()), dtksListed ? "LISTED" : "NOT_LISTED",
        desil, pkh(), "ISLAM", incomePerCapita, 1, 2, ZAKAT.povertyClass(incomePerCapita), List.of("BAZNAS")))
        .when(routing).facts(anyString());
    doAnswer(i -> {
      Map<String, RoutingService.Match> best = new TreeMap<>();
      for (RoutingService.Match match : i.<List<RoutingService.Match>>getArgument(1)) {
        best.merge(match.need(), match, (a, b) -> b.rank() < a.rank() ? b : a);
      }
      List<String> programs = best.values().stream().map(RoutingService.Match::programCode).distinct().toList();
      recommended.put(i.getArgument(0), new LinkedHashSet<>(programs));
      return new RoutingService.Routed(programs, programs.isEmpty() ? "Tidak ada program yang cocok" : null);
    }).when(routing).route(anyString(), any(), any(), any());
    doAnswer(i -> alternatives.containsKey(i.<String>getArgument(1))).when(routing)
        .hasAlternative(anyString(), anyString());
    doAnswer(i -> alternatives.remove(i.<String>getArgument(1))).when(routing)
        .nextAlternative(anyString(), anyString(), any(), any());
  }

  /**
   * The back office's recommendation edits the case's recommended programs (and, like the real service, refers
   * nothing when nothing is recommended); the koordinator's decision on the open round says where the case goes: its
   * recommended programs to the partners, closed with the back office's reason, escalated, or sent back.
   */
  private void recommendation() {
    RecommendationView view = delegates.mock(RecommendationView.class);
    doAnswer(i -> recommendedOptions(i.getArgument(0))).when(view).recommended(anyString());
    doAnswer(i -> summary(i.getArgument(0))).when(view).summary(anyString());
    doAnswer(i -> {
      CaseVariables.RECOMMENDATION_SUMMARY.set(i.getArgument(0), summary(i.getArgument(1)));
      CaseVariables.RECOMMENDED_OPTIONS.set(i.getArgument(0), recommendedOptions(i.getArgument(1)));
      return null;
    }).when(view).show(any(), anyString());
    Recommendations recommendations = delegates.mock(Recommendations.class);
    doAnswer(i -> {
      String number = i.getArgument(0);
      Set<String> programs = recommended.computeIfAbsent(number, k -> new LinkedHashSet<>());
      programs.removeAll(i.<List<String>>getArgument(2));
      programs.addAll(i.<List<String>>getArgument(3));
      if ("REFER".equals(i.getArgument(1)) && programs.isEmpty()) {
        throw new InvalidInputException(CaseVariables.RECOMMENDATION.name(), "Tidak ada program dalam rekomendasi");
      }
      openRound.put(number, new String[] {i.getArgument(1), i.getArgument(4)});
      return null;
    }).when(recommendations).prepare(anyString(), any(), any(), any(), any(), any());
    doAnswer(i -> {
      String number = i.getArgument(0);
      String[] round = openRound.remove(number);
      return switch (Recommendations.CaseDecision.valueOf(i.getArgument(1))) {
        case SEND_BACK -> new Decided(CaseRoute.SEND_BACK, List.of(), null);
        case ESCALATE -> new Decided(CaseRoute.ESCALATE, List.of(), null);
        case APPROVE -> switch (Recommendations.Recommendation.valueOf(round[0])) {
          case REFER -> new Decided(CaseRoute.PARTNERS, List.copyOf(recommended.get(number)), null);
          case CLOSE -> new Decided(CaseRoute.CLOSE, List.of(), round[1]);
          case ESCALATE -> new Decided(CaseRoute.ESCALATE, List.of(), null);
        };
      };
    }).when(recommendations).decide(anyString(), any(), any(), any());
  }

  /** The recommended programs, code to label, as the forms' checklists offer them. */
  private Map<String, String> recommendedOptions(String number) {
    Map<String, String> options = new java.util.LinkedHashMap<>();
    recommended.getOrDefault(number, Set.of()).forEach(code -> options.put(code, "Program " + code));
    return options;
  }

  private String summary(String number) {
    Set<String> programs = recommended.getOrDefault(number, Set.of());
    return programs.isEmpty() ? "- Belum ada program yang direkomendasikan"
        : String.join("\n", programs.stream().map(code -> "- **Program " + code + "**").toList());
  }

  /** The city SLRT receives the case with its recommendation; its answer is the one its form gave. */
  private void escalation() {
    Escalations escalations = delegates.mock(Escalations.class);
    doAnswer(i -> "**Alasan eskalasi:** -\n\n**Rekomendasi Puskesos:**\n" + summary(i.getArgument(0)))
        .when(escalations).escalate(anyString(), any());
    doAnswer(i -> {
      Escalations.Answer answer = Escalations.Answer.valueOf(i.getArgument(1));
      if (answer == Escalations.Answer.TAKEN_OVER) {
        recommended.remove(i.<String>getArgument(0));
      }
      return answer;
    }).when(escalations).answer(anyString(), any(), any(), any());
  }

  /** The PKH entitlement of the household: as many counted components as {@link #pkhComponents}. */
  private PkhBenefits.Entitlement pkh() {
    List<PkhBenefits.Component> counted = new ArrayList<>();
    for (int i = 0; i < pkhComponents; i++) {
      counted.add(PkhBenefits.Component.values()[i]);
    }
    return new PkhBenefits.Entitlement(counted, List.of(), 0, 0, null, null);
  }

  private void partners() {
    PartnerService partners = delegates.mock(PartnerService.class);
    doAnswer(i -> new Program(i.getArgument(0), "Program " + i.getArgument(0), i.getArgument(0), AidKind.GOODS,
        "paket", null, BudgetPeriod.MONTH, false, true, null,
        proposalPrograms.contains(i.<String>getArgument(0)) ? ProgramKind.PROPOSAL : null, null))
        .when(partners).program(anyString());
    doAnswer(i -> "REK/" + i.getArgument(0) + "/" + i.<Program>getArgument(1).code())
        .when(delegates.mock(Letters.class)).sendOut(anyString(), any());
    doAnswer(i -> {
      String program = i.<Program>getArgument(0).code();
      return new Partner(program, "Mitra " + program, PARTNER_GROUPS.get(program), false, true);
    }).when(partners).partnerOf(any());
    doAnswer(i -> new ProgramReferral(i.getArgument(1), null, ProgramStatus.REFERRED, "tidak diputuskan", null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null)).when(partners)
        .referral(anyString(), anyString());
    doAnswer(i -> new PartnerService.Decided(budgetAvailable && !acceptanceGivenUp, null, acceptanceGivenUp))
        .when(partners).decide(anyString(), anyString(), any(), any(), any(), any(), any(), any(), any());
    doAnswer(i -> i.getArgument(2) == PartnerService.WaitingAction.REDIRECT ? i.getArgument(3) : i.getArgument(1))
        .when(partners).reviewWaiting(anyString(), anyString(), any(), any(), any(), any());
  }

  /**
   * A national program's proposal joins the batch of period 2026-11, decided (or due a reminder) a month from now;
   * each decision list says the next of {@link #proposalOutcomes}, and a proposal carried over is in the next period.
   */
  private void proposals() {
    Proposals proposals = delegates.mock(Proposals.class);
    doAnswer(i -> proposal(i.getArgument(0), i.getArgument(1))).when(proposals).propose(anyString(), anyString());
    doAnswer(i -> Optional.of(proposal(i.getArgument(0), i.getArgument(1)))).when(proposals)
        .find(anyString(), anyString());
    doAnswer(i -> new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000)).when(proposals).decisionDue(any());
    doAnswer(i -> {
      Proposals.Outcome outcome = proposalOutcomes.isEmpty() ? Proposals.Outcome.CARRIED_OVER
          : proposalOutcomes.poll();
      if (outcome == Proposals.Outcome.CARRIED_OVER) {
        proposalCycles.merge(i.<String>getArgument(0) + "/" + i.getArgument(1), 1, Integer::sum);
      }
      return outcome;
    }).when(proposals).applyDecision(anyString(), anyString());
  }

  private Proposals.Proposal proposal(String number, String program) {
    int cycles = proposalCycles.getOrDefault(number + "/" + program, 0) + 1;
    return new Proposals.Proposal(1L, number, program, "3273010101090001", 1L,
        java.time.YearMonth.of(2026, 10).plusMonths(cycles).toString(), Proposals.Status.PROPOSED, null, cycles, null,
        null);
  }

  /**
   * A handover marked final completes the partner referral and counts as aid distributed; the koordinator's finding
   * that it never arrived sends those programs back to their handover.
   */
  private void distributionAndClosing() {
    DistributionService distribution = delegates.mock(DistributionService.class);
    doAnswer(i -> {
      boolean complete = Boolean.TRUE.equals(i.getArgument(10));
      if (complete) {
        handedOver.computeIfAbsent(i.getArgument(0), k -> new ArrayList<>()).add(i.getArgument(1));
      }
      return new DistributionService.Recorded(complete, complete ? null : "Sisa bantuan menyusul");
    }).when(distribution).record(anyString(), anyString(), any(), any(), any(), any(), any(), any(), any(),
        anyBoolean(), anyBoolean(), any());
    doAnswer(i -> new DistributionService.Summary(handedOver.getOrDefault(i.<String>getArgument(0), List.of()).size(),
        "-")).when(distribution).summarise(anyString());
    ClosingService closing = delegates.mock(ClosingService.class);
    doAnswer(i -> "NO".equals(i.getArgument(2)) ? ClosingService.FollowUpResult.DISCREPANCY
        : ClosingService.FollowUpResult.CLOSE).when(closing).recordFollowUp(anyString(), any(), any(), any(), any(),
        any(), any());
    doReturn("-").when(closing).handoverRecords(anyString());
    doAnswer(i -> i.getArgument(1) == ClosingService.Resolution.HAND_OVER_AGAIN
        ? handedOver.remove(i.<String>getArgument(0)) : List.of()).when(closing)
        .resolveDiscrepancy(anyString(), any(), any(), any());
  }

  private void registry() {
    doAnswer(i -> new Reverification.Batch(1, remainingDue.isEmpty() ? 0L : remainingDue.poll()))
        .when(delegates.mock(Reverification.class)).issueBatch();
  }

  private void evaluation() {
    Evaluations evaluations = delegates.mock(Evaluations.class);
    doAnswer(i -> new Evaluations.Opened(7L, "Triwulan III 2026", "EVAL-2026-Q3", PARTICIPANT_CODES,
        alreadyEvaluated)).when(evaluations).open(any(), any(), any(), anyBoolean(), any());
    doAnswer(i -> new Date(System.currentTimeMillis() + 21L * 24 * 3600 * 1000)).when(evaluations)
        .feedbackClosesAt();
    doReturn(new EvaluationFeedback.Summary("-", Map.of(), Map.of(), Map.of()))
        .when(delegates.mock(EvaluationFeedback.class)).summarise(anyLong());
    EvaluationMeetings meetings = delegates.mock(EvaluationMeetings.class);
    doAnswer(i -> new ArrayList<>(actionItemIds)).when(meetings).recordMeeting(anyLong(), any(), any(), any(),
        any(), any(), any(), any());
    doAnswer(i -> {
      long id = i.getArgument(0);
      return new ActionItem(id, 7L, "Triwulan III 2026", (int) (id - 100), "Tindak lanjut " + id, OWNERS.get(id),
          LocalDate.of(2027, 1, id == 101L ? 15 : 22), ActionItem.Status.values()[0], null, null);
    }).when(meetings).action(anyLong());
    // the participants (a model bean built for real) know the partners from the period's data
    doReturn(PARTICIPANT_CODES.stream().filter(code -> !code.equals(EvaluationParticipants.PUSKESOS))
        .map(code -> new Partner(code, "Mitra " + code, GROUPS.get(code), false, true)).toList())
        .when(delegates.mock(PeriodData.class)).partners();

    ActivityReports reports = delegates.mock(ActivityReports.class);
    doAnswer(i -> i.getArgument(0) == null ? java.time.YearMonth.of(2026, 10)
        : java.time.YearMonth.parse(i.getArgument(0))).when(reports).month(any());
    doReturn(3L).when(reports).generate(any(), any(), any(), any());
    doReturn("Oktober 2026").when(reports).label(any());
    doReturn("-").when(reports).summary(anyLong());
  }
}
