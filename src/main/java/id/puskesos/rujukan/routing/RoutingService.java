package id.puskesos.rujukan.routing;
// Size: one pass over the eligibility rows, the rules in code and the ledger chooses a program.

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.assessment.Assessment;
import id.puskesos.rujukan.assessment.AssessmentService;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.Asnaf;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.RoutingChoices.Choice;
import id.puskesos.rujukan.referral.RoutingChoices.Role;
import id.puskesos.rujukan.referral.RoutingChoices;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * Partner routing that matches instead of spraying. The facts of a case go into the eligibility table
 * ({@code program-eligibility.dmn}, which analysts change): each row names the need it answers and its rank. For every
 * confirmed need, the best-ranked program that passes the rules in code (DTKS/DTSEN membership, consent to share
 * data, PKH's components) and that the household ledger lets the household hold is chosen; a program with budget now
 * goes before an equally ranked one without. The other rows of the need become its alternatives, tried in rank order
 * when the chosen program rejects, waits too long for budget, is not decided in time, or is held back. The back office
 * or the koordinator can add a program by hand, with a reason. Every choice is recorded with its reason
 * ({@link RoutingChoices}).
 */
@Service
@Transactional
public class RoutingService {

  public static final String PKH = "PKH";
  public static final String BPNT = "BPNT";
  public static final String DTKS_INCLUSION = "DTKS_INCLUSION";

  /**
   * The facts the eligibility table reads, and the PKH entitlement computed from the household.
   * {@code consentedPartners}: the partners the resident's consent lets receive their data now (a table row may read
   * it; whether a case may go to a partner is still decided in code, {@link Consents#maySendTo}).
   */
  public record Facts(long residentId, String householdKk, List<String> confirmedNeeds, String dtksStatus, Integer desil,
      PkhBenefits.Entitlement pkh, String religion, long incomePerCapita, int schoolChildren, int children,
      String povertyClass, List<String> consentedPartners) {

    public boolean dtksListed() {
      return DtksStatus.LISTED.name().equals(dtksStatus);
    }

    /** The table's inputs, by the names its columns read. */
    public Map<String, Object> variables() {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(EligibilityTable.CONFIRMED_NEEDS, new ArrayList<>(confirmedNeeds));
      variables.put(EligibilityTable.DTKS_STATUS, dtksStatus);
      variables.put(EligibilityTable.DESIL, desil);
      variables.put(EligibilityTable.PKH_COMPONENTS, pkh.componentCount());
      variables.put(EligibilityTable.RELIGION, religion);
      variables.put(EligibilityTable.POVERTY_CLASS, povertyClass);
      variables.put(EligibilityTable.SCHOOL_CHILDREN, schoolChildren);
      variables.put(EligibilityTable.CHILDREN, children);
      variables.put(EligibilityTable.CONSENTED_PARTNERS, new ArrayList<>(consentedPartners));
      return variables;
    }
  }

  /**
   * One row the eligibility table matched: the program, the need it answers, its rank (1 = first) and why; for a
   * zakat institution's row the fund (ZAKAT, INFAQ) and the asnaf, else null.
   */
  public record Match(String programCode, String need, int rank, String reason, String fund, String asnaf) {

    public Match(String programCode, String need, int rank, String reason) {
      this(programCode, need, rank, reason, null, null);
    }
  }

  /** What was sent, and a note for staff on what was held back or left without a program, and why. */
  public record Routed(List<String> referred, String note) {
  }

  private final ProgramCatalogue catalogue;
  private final CaseFile caseFile;
  private final AssessmentService assessments;
  private final Registry registry;
  private final Budgets budgets;
  private final HouseholdLedger ledger;
  private final RoutingChoices choices;
  private final Consents consents;
  private final PkhBenefits pkhBenefits;
  private final BpntBenefit bpntBenefit;
  private final CommandAuthority authority;
  private final ZakatMeasures zakat;
  private final Clock clock;

  public RoutingService(ProgramCatalogue catalogue, CaseFile caseFile, AssessmentService assessments,
      Registry registry, Budgets budgets, HouseholdLedger ledger, RoutingChoices choices, Consents consents,
      PkhBenefits pkhBenefits, BpntBenefit bpntBenefit, CommandAuthority authority, ZakatMeasures zakat,
      Clock clock) {
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.assessments = assessments;
    this.registry = registry;
    this.budgets = budgets;
    this.ledger = ledger;
    this.choices = choices;
    this.consents = consents;
    this.pkhBenefits = pkhBenefits;
    this.bpntBenefit = bpntBenefit;
    this.authority = authority;
    this.zakat = zakat;
    this.clock = clock;
  }

  /** The case's facts from the registry and the latest needs assessment. */
  @Transactional(readOnly = true)
  public Facts facts(String referralNumber) {
    Resident resident = registry.get(caseFile.get(referralNumber).residentId());
    Assessment a = assessments.latest(referralNumber).orElseThrow(
        () -> new NotFoundException("Rujukan " + referralNumber + " belum diasesmen"));
    List<PkhBenefits.Member> members = registry.household(resident.kkNumber()).stream()
        .map(r -> new PkhBenefits.Member(r.fullName(), r.sex(), r.birthDate(), r.familyRelationship(), r.deceased(),
            r.movedAway()))
        .toList();
    PkhBenefits.Entitlement pkh = pkhBenefits.entitlement(new PkhBenefits.Household(a.pregnantCount(),
        a.childrenUnder6(), a.primarySchoolChildren(), a.juniorSchoolChildren(), a.seniorSchoolChildren(),
        a.disabledMembers(), a.elderlyMembers()), members, LocalDate.now(clock));
    long incomePerCapita = a.monthlyIncome() / Math.max(1, a.householdSize());
    return new Facts(resident.id(), resident.kkNumber(), a.needs().stream().sorted().map(Need::name).toList(),
        resident.dtksStatus() == null ? null : resident.dtksStatus().name(), resident.desil(), pkh,
        a.religion() == null ? null : a.religion().name(), incomePerCapita,
        a.primarySchoolChildren() + a.juniorSchoolChildren() + a.seniorSchoolChildren(), a.children(),
        zakat.povertyClass(incomePerCapita), consents.consentedPartners(resident.id()));
  }

  /**
   * Chooses at most one program per confirmed need from the rows the table matched, refers the case to them and
   * records the alternatives and exclusions, and the version of the table that matched them (null for a case routed
   * before versions were recorded).
   */
  public Routed route(String referralNumber, List<Match> matches, Integer tableVersion, String actor) {
    Facts facts = facts(referralNumber);
    if (tableVersion != null) {
      caseFile.recordEligibilityTableVersion(referralNumber, tableVersion);
    }
    ProgramChoice.Result result = ProgramChoice.choose(candidates(referralNumber, matches, facts), facts,
        c -> send(referralNumber, c.program(), facts, basis(c.reason(), c.fund(), c.asnaf()), actor),
        d -> choices.add(referralNumber, d.need(), d.programCode(), d.rank(), d.role(), d.reason(), d.fund(),
            d.asnaf(), actor));
    List<String> chosen = result.chosen();
    Map<String, String> excluded = result.excluded();
    List<String> unanswered = result.unanswered();
    String note = note(referralNumber, excluded, unanswered);
    caseFile.record(referralNumber, EventType.ROUTED, actor, (chosen.isEmpty()
        ? "Tidak ada program yang dapat dirujuk otomatis"
        : "Dirujuk: " + chosenText(referralNumber)) + (note == null ? "" : "; " + note)
        + (tableVersion == null ? "" : " (tabel kelayakan versi " + tableVersion + ")"));
    return new Routed(chosen, note);
  }

  /**
   * The chosen program did not deliver (rejected, too long a wait for budget, no decision in time, held back by the
   * ledger): the next alternative of each need it answered takes over. Returns the program that goes on in the same
   * partner referral, or null when no alternative is left. A second need left without a program is noted on the
   * case for the back office, who can add one by hand.
   */
  public String nextAlternative(String referralNumber, String failedProgram, String why, String actor) {
    List<Choice> all = choices.of(referralNumber);
    Set<String> needs = new LinkedHashSet<>();
    for (Choice c : all) {
      if (c.programCode().equals(failedProgram) && c.role().answers()) {
        if (c.need() != null) {
          needs.add(c.need());
        }
        choices.set(c.id(), Role.TRIED, why, actor);
      }
    }
    Facts facts = null;
    String next = null;
    List<String> unanswered = new ArrayList<>();
    for (String need : needs) {
      if (answered(referralNumber, need, failedProgram)) {
        continue;
      }
      boolean covered = false;
      for (Choice alternative : alternatives(referralNumber, need)) {
        String code = alternative.programCode();
        if (code.equals(next) || answers(referralNumber, code)) {
          choices.set(alternative.id(), Role.COVERED, null, actor);
          covered = true;
          break;
        }
        if (next != null) {
          continue;
        }
        if (triedBefore(referralNumber, code)) {
          choices.set(alternative.id(), Role.TRIED, "Sudah pernah dirujuk untuk kasus ini", actor);
          continue;
        }
        Program program = catalogue.findProgram(code).filter(Program::active).orElse(null);
        if (program == null) {
          choices.set(alternative.id(), Role.EXCLUDED, "Program tidak ada di katalog atau tidak aktif", actor);
          continue;
        }
        facts = facts == null ? facts(referralNumber) : facts;
        String heldBack = send(referralNumber, program, facts,
            basis(alternative.reason(), alternative.fund(), alternative.asnaf()), actor);
        if (heldBack != null) {
          choices.set(alternative.id(), Role.EXCLUDED, heldBack, actor);
          continue;
        }
        choices.set(alternative.id(), Role.CHOSEN, null, actor);
        next = code;
        covered = true;
        break;
      }
      if (!covered) {
        unanswered.add(need);
      }
    }
    String outcome;
    if (next != null) {
      outcome = "dialihkan ke alternatif berikutnya: " + name(next)
          + (unanswered.isEmpty() ? "" : "; " + unansweredText(unanswered));
    } else if (!unanswered.isEmpty()) {
      outcome = "tidak ada alternatif lagi: " + unansweredText(unanswered);
    } else {
      outcome = needs.isEmpty() ? "tidak ada program alternatif" : "kebutuhannya sudah dijawab program lain";
    }
    caseFile.record(referralNumber, EventType.ROUTED, actor, "%s tidak tersalurkan (%s); %s".formatted(
        name(failedProgram), why, outcome));
    return next;
  }

  /** Whether an alternative is left for a need the program answers (the rules are checked when it is tried). */
  @Transactional(readOnly = true)
  public boolean hasAlternative(String referralNumber, String programCode) {
    List<Choice> all = choices.of(referralNumber);
    return all.stream()
        .filter(c -> c.programCode().equals(programCode) && c.role().answers())
        .map(Choice::need).filter(need -> need != null)
        .anyMatch(need -> all.stream().anyMatch(c -> need.equals(c.need()) && c.role() == Role.ALTERNATIVE
            && !triedBefore(referralNumber, c.programCode())));
  }

  /**
   * The back office takes a recommended program out of the case's recommendation, with its reason: it is not sent,
   * and the household's holding is released.
   */
  public void removeByHand(String referralNumber, String programCode, String reason, String actor) {
    authority.require("Rekomendasi layanan", "back office Puskesos", Groups.BACK_OFFICE);
    takeOut(referralNumber, programCode, "Dihapus dari rekomendasi oleh back office: " + reason, actor);
  }

  /**
   * At the koordinator's approval, the last moment before a program goes out: takes out of the recommendation every
   * program that may no longer be sent (the resident withdrew consent, the partner or program was deactivated since
   * routing); returns them with why.
   */
  public Map<String, String> takeOutWhatMayNotBeSent(String referralNumber, String actor) {
    Map<String, String> takenOut = new LinkedHashMap<>();
    Facts facts = null;
    for (ProgramReferral referral : caseFile.programs(referralNumber)) {
      if (referral.status() != ProgramStatus.RECOMMENDED) {
        continue;
      }
      Program program = catalogue.findProgram(referral.programCode()).orElse(null);
      String why;
      if (program == null || !program.active()) {
        why = "Program atau mitranya tidak aktif lagi";
      } else {
        facts = facts == null ? facts(referralNumber) : facts;
        why = holdBackReason(program, catalogue.partnerOf(program), facts);
      }
      if (why != null) {
        takeOut(referralNumber, referral.programCode(), "Tidak dikirim saat penetapan: " + why, actor);
        takenOut.put(referral.programCode(), why);
      }
    }
    return takenOut;
  }

  private void takeOut(String referralNumber, String programCode, String why, String actor) {
    ProgramReferral referral = caseFile.programs(referralNumber).stream()
        .filter(p -> p.programCode().equals(programCode) && p.status() == ProgramStatus.RECOMMENDED).findFirst()
        .orElseThrow(() -> new InvalidInputException(CaseVariables.REMOVED_PROGRAMS.name(),
            "Program " + programCode + " tidak ada dalam rekomendasi kasus ini"));
    caseFile.setProgramStatus(referralNumber, referral.programCode(), ProgramStatus.CANCELLED, why);
    ledger.release(referralNumber, programCode, why);
    for (Choice c : choices.of(referralNumber)) {
      if (c.programCode().equals(programCode) && c.role().answers()) {
        choices.set(c.id(), Role.EXCLUDED, why, actor);
      }
    }
    caseFile.record(referralNumber, EventType.PROGRAM_SKIPPED, actor, name(programCode) + ": " + why);
  }

  /**
   * A program added to a case by hand (the back office or the koordinator, with a reason), besides what routing
   * chose: the same rules in code and the household ledger apply. Fails with the reason when it may not be sent.
   */
  public void addByHand(String referralNumber, String programCode, String need, String reason, String actor) {
    Checks checks = new Checks();
    Program program = catalogue.findProgram(programCode).filter(Program::active).orElse(null);
    checks.check(program != null, CaseVariables.PROGRAM_CODE.name(),
        "Program " + programCode + " tidak dikenal atau tidak aktif");
    String why = checks.required("reason", reason, "Alasan menambah program");
    checks.check(need == null || isNeed(need), "need", "Kebutuhan " + need + " tidak dikenal");
    checks.throwIfAny();
    Facts facts = facts(referralNumber);
    // two additions to one case (or one household) at once: the second checks after the first committed
    ledger.lockHousehold(facts.householdKk());
    checks.check(!answers(referralNumber, programCode) && caseFile.programs(referralNumber).stream()
        .noneMatch(p -> p.programCode().equals(programCode) && p.status().isOpen()), CaseVariables.PROGRAM_CODE.name(),
        program.name() + " sudah dirujuk untuk kasus ini");
    checks.throwIfAny();
    String held = send(referralNumber, program, facts, "Ditambahkan manual: " + why, actor);
    if (held != null) {
      throw new InvalidInputException(CaseVariables.PROGRAM_CODE.name(), program.name() + ": " + held);
    }
    choices.add(referralNumber, need, programCode, 0, Role.MANUAL, why, actor);
  }

  /**
   * The back office redirects a case that waited too long for budget to another program, in place of the one it
   * waited for. Fails with the reason when the program may not receive it.
   */
  public void referInstead(String referralNumber, String programCode, String insteadOf, String actor) {
    Checks checks = new Checks();
    Program program = catalogue.findProgram(programCode).filter(Program::active).orElse(null);
    checks.check(program != null, CaseVariables.REDIRECT_PROGRAM.name(),
        "Program " + programCode + " tidak dikenal atau tidak aktif");
    checks.throwIfAny();
    String held = send(referralNumber, program, facts(referralNumber), "Dialihkan back office", actor);
    if (held != null) {
      checks.add(CaseVariables.REDIRECT_PROGRAM.name(), held);
      checks.throwIfAny();
    }
    for (Choice c : choices.of(referralNumber)) {
      if (c.programCode().equals(insteadOf) && (c.role() == Role.CHOSEN || c.role() == Role.COVERED)) {
        choices.set(c.id(), Role.TRIED, "Dialihkan ke " + program.name(), actor);
        choices.add(referralNumber, c.need(), programCode, c.rank(), Role.MANUAL, "Dialihkan back office", actor);
      }
    }
  }

  /** Every active program, code to label: the options of the coordinator's and back office's forms. */
  @Transactional(readOnly = true)
  public Map<String, String> programOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    catalogue.activePrograms().forEach(p -> options.put(p.code(), catalogue.label(p)));
    return options;
  }

  /**
   * Why the household ledger keeps the case from a program, in the words staff read: who holds it, in which period,
   * through which case.
   */
  public String ledgerReason(String referralNumber, Program wanted, HouseholdLedger.Holder holder) {
    String held = name(holder.programCode());
    String text;
    if (holder.source() == HouseholdLedger.Source.IMPORT) {
      text = "Keluarga sudah terdaftar sebagai penerima %s periode %s (data DTKS/DTSEN)".formatted(held,
          holder.period());
    } else if (referralNumber.equals(holder.referralNumber())) {
      text = "%s sudah dipilih untuk kasus ini".formatted(held);
    } else {
      text = "Keluarga (KK yang sama) sudah memegang %s periode %s melalui rujukan %s".formatted(held,
          holder.period(), holder.referralNumber());
    }
    if (holder.programCode().equals(wanted.code())) {
      return text;
    }
    return text + (PKH.equals(holder.programCode()) && BPNT.equals(wanted.code())
        ? "; keluarga penerima PKH sudah terhitung penerima Sembako"
        : "; %s dan %s hanya boleh satu per keluarga per periode".formatted(held, wanted.name()));
  }

  // ---- the rules that need code ------------------------------------------------------------------------------

  /** A row of the table, with the program it names and whether that program has budget for the case now. */
  public record Candidate(Program program, String need, int rank, String reason, String fund, String asnaf,
      boolean budgetNow, int row) {
  }

  static final String INCLUSION_UNDER_WAY =
      "Usulan masuk DTKS/DTSEN sudah diajukan ke Dinas Sosial saat verifikasi (dilacak tersendiri)";

  /** What the partner reads as the basis of a referral: the row's reason, and for zakat lines the fund and asnaf. */
  static String basis(String reason, String fund, String asnaf) {
    RoutingChoices.Fund f = RoutingChoices.Fund.of(fund);
    if (f == null) {
      return reason;
    }
    Asnaf a = f == RoutingChoices.Fund.ZAKAT ? Asnaf.of(asnaf) : null;
    return "%s (dana %s%s)".formatted(reason, f.label(), a == null ? "" : ", asnaf " + a.label());
  }

  /** The order rows are tried in: by rank; among equal ranks a program with budget now first; then the table's. */
  static final Comparator<Candidate> TRY_ORDER = Comparator.comparingInt(Candidate::rank)
      .thenComparing(c -> !c.budgetNow()).thenComparingInt(Candidate::row);

  /**
   * The rows for the case's confirmed needs in the order they are tried: by rank; among equal ranks a program with
   * budget now first; then in the table's order.
   */
  private List<Candidate> candidates(String referralNumber, List<Match> matches, Facts facts) {
    return ProgramChoice.candidates(matches, facts, code -> catalogue.findProgram(code).filter(Program::active),
        program -> hasBudgetNow(referralNumber, program, facts));
  }

  /** Whether the pool the case would draw from (the city's, or its Puskesos's) covers the grant with nobody waiting. */
  private boolean hasBudgetNow(String referralNumber, Program program, Facts facts) {
    if (!program.budgeted()) {
      return true;
    }
    Long amount = proposedAmount(program, facts);
    return budgets.coversNow(program, referralNumber, amount == null ? 1 : amount);
  }

  /**
   * Refers the case to the program when the rules in code and the household ledger let it, with what the Puskesos
   * proposes; otherwise records it as not sent. Returns why it was not sent, or null.
   */
  private String send(String referralNumber, Program program, Facts facts, String why, String actor) {
    Partner partner = catalogue.partnerOf(program);
    String reason = holdBackReason(program, partner, facts);
    if (reason == null) {
      reason = ledger.hold(facts.householdKk(), program, budgets.currentPeriod(program), referralNumber,
          HouseholdLedger.Status.PROPOSED).map(h -> ledgerReason(referralNumber, program, h)).orElse(null);
    }
    if (reason != null) {
      caseFile.skipProgram(referralNumber, program.code(), partner.code(), reason, actor);
      caseFile.record(referralNumber, EventType.PROGRAM_SKIPPED, actor,
          "%s tidak dikirim: %s".formatted(program.name(), reason));
      return reason;
    }
    String basis = switch (program.code()) {
      case PKH -> facts.pkh().summary();
      case BPNT -> "%s per bulan x %d bulan".formatted(Budgets.format(bpntBenefit.monthlyAmount()),
          program.budgetPeriod().months());
      default -> why;
    };
    caseFile.referProgram(referralNumber, program.code(), partner.code(), proposedAmount(program, facts), basis, actor);
    caseFile.record(referralNumber, EventType.PROGRAM_REFERRED, actor, "Dirujuk ke %s (%s)%s".formatted(program.name(),
        partner.name(), why == null ? "" : ": " + why));
    return null;
  }

  /** Why a program that fits must not receive the case, or null; the household ledger is asked after this. */
  private String holdBackReason(Program program, Partner partner, Facts facts) {
    return ProgramChoice.holdBackReason(program, partner, facts,
        () -> consents.maySendTo(facts.residentId(), partner.code(), partner.government()));
  }

  private Long proposedAmount(Program program, Facts facts) {
    return switch (program.code()) {
      case PKH -> facts.pkh().quarterly();
      case BPNT -> bpntBenefit.amountFor(program.budgetPeriod().months());
      default -> program.defaultAmount();
    };
  }

  /** Whether a need is answered by a program still chosen for the case, other than the one that failed. */
  private boolean answered(String referralNumber, String need, String except) {
    return choices.of(referralNumber).stream()
        .anyMatch(c -> need.equals(c.need()) && !c.programCode().equals(except) && c.role().answers());
  }

  /** Whether the program is chosen for the case (for some need, or by hand) and not yet found wanting. */
  private boolean answers(String referralNumber, String programCode) {
    return choices.of(referralNumber).stream().anyMatch(c -> c.programCode().equals(programCode)
        && (c.role() == Role.CHOSEN || c.role() == Role.MANUAL));
  }

  /** Whether the case went to the program before (and it did not deliver): it is not tried twice. */
  private boolean triedBefore(String referralNumber, String programCode) {
    return caseFile.programs(referralNumber).stream()
        .anyMatch(p -> p.programCode().equals(programCode) && p.status().wasReferred());
  }

  private List<Choice> alternatives(String referralNumber, String need) {
    return choices.of(referralNumber).stream().filter(c -> need.equals(c.need()) && c.role() == Role.ALTERNATIVE)
        .toList();
  }

  private String note(String referralNumber, Map<String, String> excluded, List<String> unanswered) {
    List<String> parts = new ArrayList<>();
    if (!excluded.isEmpty()) {
      parts.add(heldBackText(excluded));
    }
    if (!unanswered.isEmpty()) {
      parts.add(unansweredText(unanswered));
    }
    String alternatives = choices.of(referralNumber).stream().filter(c -> c.role() == Role.ALTERNATIVE)
        .map(c -> name(c.programCode()) + " (" + Need.valueOf(c.need()).label().toLowerCase() + ")")
        .distinct().collect(Collectors.joining(", "));
    if (!alternatives.isEmpty()) {
      parts.add(0, "alternatif: " + alternatives);
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private String chosenText(String referralNumber) {
    return choices.of(referralNumber).stream().filter(c -> c.role() == Role.CHOSEN)
        .map(c -> name(c.programCode()) + " untuk " + Need.valueOf(c.need()).label().toLowerCase())
        .collect(Collectors.joining(", "));
  }

  private String heldBackText(Map<String, String> heldBack) {
    return "tidak dikirim: " + heldBack.entrySet().stream().map(e -> name(e.getKey()) + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private static String unansweredText(List<String> needs) {
    return "belum ada program untuk kebutuhan " + needs.stream().map(n -> Need.valueOf(n).label().toLowerCase())
        .collect(Collectors.joining(", "));
  }

  private static boolean isNeed(String need) {
    for (Need n : Need.values()) {
      if (n.name().equals(need)) {
        return true;
      }
    }
    return false;
  }

  private String name(String code) {
    return catalogue.findProgram(code).map(Program::name).orElse(code);
  }

  private String names(List<String> codes) {
    return String.join(", ", codes.stream().map(this::name).toList());
  }
}
