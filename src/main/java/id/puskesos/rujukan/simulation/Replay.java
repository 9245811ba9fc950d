package id.puskesos.rujukan.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.routing.RoutingService;
import id.puskesos.rujukan.simulation.PastCases.PastCase;

/**
 * The what-if of a past period, computed in memory (docs/simulation.md): each case rerouted with the deployed table
 * (the baseline) and with the candidate table; what the candidate changes against the baseline is applied to what
 * actually happened; the budgets are replayed for both sides; the figures are counted by the facilitation figures' own
 * definition. Reads only.
 */
@Component
class Replay {

  /** Program statuses that asked the budget: the partner accepted (reserved or waiting) and perhaps handed over. */
  private static final Set<ProgramStatus> ASKED_BUDGET = EnumSet.of(ProgramStatus.WAITING_BUDGET,
      ProgramStatus.ACCEPTED, ProgramStatus.CONFIRMED, ProgramStatus.PARTLY_DISTRIBUTED, ProgramStatus.DISTRIBUTED,
      ProgramStatus.NOT_RECEIVED);
  /** A closed case with one of these outcomes keeps it in the what-if: its aid could not have changed that. */
  private static final Set<Outcome> KEPT_OUTCOMES = EnumSet.of(Outcome.UNREACHABLE, Outcome.WITHDRAWN,
      Outcome.ESCALATED);

  static final List<String> ASSUMPTIONS = List.of(
      "Kasus yang diputar ulang: semua pengaduan yang diterima pada periode (bukan yang digabung), dengan fakta dari "
          + "registri dan asesmen terakhir saat ini; kasus tanpa asesmen tidak diputar ulang dan tetap seperti kenyataan.",
      "Perubahan dihitung terhadap tabel yang berlaku: program yang dipilih tabel kandidat tetapi tidak dipilih tabel "
          + "yang berlaku ditambahkan ke kasus, yang sebaliknya dihapus; selebihnya kasus tetap seperti kenyataan.",
      "Keputusan mitra untuk program yang memang didapat kasus: seperti kenyataan. Program baru dianggap diterima "
          + "mitra dan tersalurkan bila anggarannya cukup (batas atas).",
      "Anggaran: alokasi per periode dari tabel anggaran saat ini (termasuk tambahan yang sudah terjadi) tersedia "
          + "sejak hari pertama periode; tambahan simulasi masuk pada hari pertama periodenya dan melayani daftar "
          + "tunggu berurutan. Permintaan dilayani menurut tanggal perutean kasus; nilai: komitmen atau bantuan yang "
          + "tercatat, untuk program baru nilai baku program (tanpa nilai baku: 0).",
      "Daftar tunggu dan lama tunggu di kedua kolom berasal dari pemutaran ulang anggaran yang sama, sehingga "
          + "selisihnya adalah akibat perubahan saja. Lama tunggu kasus yang masih menunggu dihitung sampai akhir periode.",
      "Simulasi tidak menulis ke berkas kasus, tidak mengirim pesan dan tidak membuat tugas.");

  private final RoutingService routing;
  private final Rerouting rerouting;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;
  private final FacilitationFigures figures;

  Replay(RoutingService routing, Rerouting rerouting, ProgramCatalogue catalogue, Budgets budgets,
      FacilitationFigures figures) {
    this.routing = routing;
    this.rerouting = rerouting;
    this.catalogue = catalogue;
    this.budgets = budgets;
    this.figures = figures;
  }

  Report run(LocalDate from, LocalDate to, CandidateTable.Table deployed, CandidateTable.Table candidate,
      List<WhatIf.TopUp> topUps, List<PastCase> cases) {
    List<PastCase> ordered = new ArrayList<>(cases);
    ordered.sort(Comparator.comparing(PastCase::routedOn).thenComparing(PastCase::number));
    Map<String, Set<String>> gained = new LinkedHashMap<>();
    Map<String, Set<String>> lost = new LinkedHashMap<>();
    Rerouting.Ledger baselineLedger = new Rerouting.Ledger();
    Rerouting.Ledger candidateLedger = new Rerouting.Ledger();
    int replayed = 0;
    for (PastCase c : ordered) {
      RoutingService.Facts facts;
      try {
        facts = routing.facts(c.number());
      } catch (RuntimeException notAssessed) {
        continue;
      }
      replayed++;
      List<String> baseline = rerouting.chosen(deployed, c.number(), facts, c.routedOn(), baselineLedger, topUps);
      List<String> chosen = candidate == deployed ? baseline
          : rerouting.chosen(candidate, c.number(), facts, c.routedOn(), candidateLedger, topUps);
      Set<String> actual = codes(c);
      gained.put(c.number(), minus(minus(chosen, baseline), actual));
      Set<String> lostHere = minus(baseline, chosen);
      lostHere.retainAll(actual);
      lost.put(c.number(), lostHere);
    }
    // the budget replay, per budgeted program, actual beside what-if
    Set<String> codes = new TreeSet<>();
    ordered.forEach(c -> codes.addAll(codes(c)));
    gained.values().forEach(codes::addAll);
    Map<String, BudgetReplay.Result> actualBudget = new LinkedHashMap<>();
    Map<String, BudgetReplay.Result> whatIfBudget = new LinkedHashMap<>();
    for (String code : codes) {
      Program program = catalogue.findProgram(code).orElse(null);
      if (program == null || !program.budgeted()) {
        continue;
      }
      Map<String, Long> allocated = new LinkedHashMap<>();
      // every pool of the period together: the replay treats a program kept per kelurahan as one city pool
      budgets.budgets(code).forEach(b -> allocated.merge(b.period(), b.allocated(), Long::sum));
      List<BudgetReplay.Ask> actualAsks = new ArrayList<>();
      List<BudgetReplay.Ask> whatIfAsks = new ArrayList<>();
      for (PastCase c : ordered) {
        boolean asked = c.actual().programs().stream()
            .anyMatch(p -> p.programCode().equals(code) && ASKED_BUDGET.contains(p.status()));
        BudgetReplay.Ask ask = new BudgetReplay.Ask(c.number(), c.routedOn(), amount(c, program));
        if (asked) {
          actualAsks.add(ask);
        }
        if ((asked && !lost.getOrDefault(c.number(), Set.of()).contains(code))
            || gained.getOrDefault(c.number(), Set.of()).contains(code)) {
          whatIfAsks.add(ask);
        }
      }
      List<BudgetReplay.Added> added = topUps.stream().filter(t -> t.programCode().equals(code))
          .map(t -> new BudgetReplay.Added(t.period(), t.amount())).toList();
      actualBudget.put(code, BudgetReplay.replay(program.budgetPeriod(), allocated, List.of(), actualAsks, to));
      whatIfBudget.put(code, BudgetReplay.replay(program.budgetPeriod(), allocated, added, whatIfAsks, to));
    }
    // the what-if cases, by the facilitation figures' definition
    List<FacilitationFigures.Case> actualCases = new ArrayList<>();
    List<FacilitationFigures.Case> whatIfCases = new ArrayList<>();
    List<Report.Change> changes = new ArrayList<>();
    for (PastCase c : cases) {
      actualCases.add(c.actual());
      whatIfCases.add(whatIf(c, gained.getOrDefault(c.number(), Set.of()), lost.getOrDefault(c.number(), Set.of()),
          actualBudget, whatIfBudget));
      gained.getOrDefault(c.number(), Set.of()).forEach(code -> changes.add(change(c, code, Report.GAINED)));
      lost.getOrDefault(c.number(), Set.of()).forEach(code -> changes.add(change(c, code, Report.LOST)));
    }
    return report(from, to, candidate, topUps, cases.size(), replayed, codes, actualCases, whatIfCases,
        actualBudget, whatIfBudget, gained, lost, changes);
  }

  private FacilitationFigures.Case whatIf(PastCase c, Set<String> gained, Set<String> lost,
      Map<String, BudgetReplay.Result> actualBudget, Map<String, BudgetReplay.Result> whatIfBudget) {
    FacilitationFigures.Case a = c.actual();
    List<FacilitationFigures.Program> programs = new ArrayList<>();
    boolean changed = !gained.isEmpty() || !lost.isEmpty();
    for (FacilitationFigures.Program p : a.programs()) {
      if (lost.contains(p.programCode())) {
        continue;
      }
      ProgramStatus status = p.status();
      if (ASKED_BUDGET.contains(status) && actualBudget.containsKey(p.programCode())) {
        boolean servedActual = actualBudget.get(p.programCode()).servedOn().containsKey(a.referralNumber());
        boolean servedWhatIf = whatIfBudget.get(p.programCode()).servedOn().containsKey(a.referralNumber());
        if (servedActual && !servedWhatIf) {
          status = ProgramStatus.WAITING_BUDGET;
        } else if (!servedActual && servedWhatIf && !status.delivered()) {
          status = ProgramStatus.DISTRIBUTED;
        }
      }
      changed |= status != p.status();
      programs.add(new FacilitationFigures.Program(p.programCode(), p.partnerCode(), status, p.firstAid()));
    }
    for (String code : gained) {
      Program program = catalogue.program(code);
      ProgramStatus status = program.proposal() ? ProgramStatus.ENROLLED
          : !program.budgeted() || whatIfBudget.get(code).servedOn().containsKey(a.referralNumber())
              ? ProgramStatus.DISTRIBUTED : ProgramStatus.WAITING_BUDGET;
      programs.add(new FacilitationFigures.Program(code, program.partner(), status, null));
    }
    if (!changed) {
      return a;
    }
    boolean kept = a.closed() && KEPT_OUTCOMES.contains(a.outcome());
    return new FacilitationFigures.Case(a.referralNumber(), a.receivedAt(), kept, kept ? a.outcome() : null,
        a.aidReceived(), a.aidHelped(), a.satisfaction(), a.needs(), programs);
  }

  private Report report(LocalDate from, LocalDate to, CandidateTable.Table candidate, List<WhatIf.TopUp> topUps,
      int received, int replayed, Set<String> codes, List<FacilitationFigures.Case> actualCases,
      List<FacilitationFigures.Case> whatIfCases, Map<String, BudgetReplay.Result> actualBudget,
      Map<String, BudgetReplay.Result> whatIfBudget, Map<String, Set<String>> gained, Map<String, Set<String>> lost,
      List<Report.Change> changes) {
    List<Report.ProgramRow> rows = new ArrayList<>();
    for (String code : codes) {
      Program program = catalogue.findProgram(code).orElse(null);
      int casesActual = referredTo(actualCases, code);
      int casesWhatIf = referredTo(whatIfCases, code);
      if (program == null || casesActual + casesWhatIf == 0) {
        continue;
      }
      BudgetReplay.Result a = actualBudget.get(code);
      BudgetReplay.Result w = whatIfBudget.get(code);
      rows.add(new Report.ProgramRow(code, program.name(), program.partner(),
          catalogue.findPartner(program.partner()).map(p -> p.name()).orElse(program.partner()), a != null,
          program.unit(), casesActual, casesWhatIf, a == null ? Map.of() : a.neededPerMonth(),
          w == null ? Map.of() : w.neededPerMonth(), a == null ? 0 : a.waiting().size(),
          w == null ? 0 : w.waiting().size(), a == null ? null : a.meanWaitDays(), w == null ? null : w.meanWaitDays()));
    }
    return new Report(candidate.label(), topUps, received, replayed, received - replayed, rows,
        (int) actualCases.stream().filter(c -> !c.referred()).count(),
        (int) whatIfCases.stream().filter(c -> !c.referred()).count(),
        facilitation(from, to, actualCases), facilitation(from, to, whatIfCases),
        (int) gained.values().stream().filter(s -> !s.isEmpty()).count(),
        (int) lost.values().stream().filter(s -> !s.isEmpty()).count(),
        gained.values().stream().mapToInt(Set::size).sum(), lost.values().stream().mapToInt(Set::size).sum(),
        actualBudget.values().stream().mapToInt(r -> r.waiting().size()).sum(),
        whatIfBudget.values().stream().mapToInt(r -> r.waiting().size()).sum(), changes,
        FacilitationFigures.DEFINITIONS.studyRate() + " " + FacilitationFigures.DEFINITIONS.facilitated(),
        ASSUMPTIONS);
  }

  private Report.Facilitation facilitation(LocalDate from, LocalDate to, List<FacilitationFigures.Case> cases) {
    FacilitationFigures.Rate r = FacilitationFigures.compute(from, to, cases, figures.partnerNames(),
        figures.programNames()).overall();
    return new Report.Facilitation(r.received(), r.referred(), r.facilitated(), r.rate(), r.referredRate());
  }

  private static int referredTo(List<FacilitationFigures.Case> cases, String code) {
    return (int) cases.stream().filter(c -> c.programs().stream()
        .anyMatch(p -> p.programCode().equals(code) && p.status().wasReferred())).count();
  }

  private Report.Change change(PastCase c, String code, String change) {
    return new Report.Change(c.number(), mask(c.residentName()), code,
        catalogue.findProgram(code).map(Program::name).orElse(code), change);
  }

  /** "Siti Wahyuni" as "S*** W***": each word's first letter. */
  static String mask(String name) {
    List<String> words = new ArrayList<>();
    for (String word : name == null ? new String[0] : name.trim().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(word.charAt(0) + "***");
      }
    }
    return String.join(" ", words);
  }

  private static long amount(PastCase c, Program program) {
    Long amount = c.amounts().get(program.code());
    return amount != null ? amount : program.defaultAmount() == null ? 0 : program.defaultAmount();
  }

  private static Set<String> codes(PastCase c) {
    Set<String> codes = new LinkedHashSet<>();
    c.actual().programs().forEach(p -> codes.add(p.programCode()));
    return codes;
  }

  private static Set<String> minus(Collection<String> a, Collection<String> b) {
    Set<String> rest = new LinkedHashSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
