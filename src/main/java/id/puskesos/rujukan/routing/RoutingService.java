package id.puskesos.rujukan.routing;

import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.assessment.Assessment;
import id.puskesos.rujukan.assessment.AssessmentService;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * Partner routing. The facts of a case go into the eligibility table ({@code program-eligibility.dmn}, which
 * analysts change); what it finds is checked against the rules that need code (the household's current aid, PKH's
 * components and payee, BPNT's amount, DTKS/DTSEN membership and consent to share data), and the case is referred to
 * every program that passes. With nothing to refer, the coordinator routes by hand or closes the case.
 */
@Service
@Transactional
public class RoutingService {

  public static final String PKH = "PKH";
  public static final String BPNT = "BPNT";
  /** The table's status for a program that fits but whose partner may not receive the data. */
  public static final String NO_CONSENT = "NO_CONSENT";

  /** The coordinator's choice when no program fitted. */
  public enum ManualRouting {
    ROUTE, CLOSE
  }

  /** The facts the eligibility table reads, and the PKH entitlement computed from the household. */
  public record Facts(long residentId, String householdKk, List<String> confirmedNeeds, String dtksStatus, Integer desil,
      PkhBenefits.Entitlement pkh, String religion, long incomePerCapita, int schoolChildren, int children,
      boolean consentBaznas, boolean consentSalman) {

    public boolean dtksListed() {
      return DtksStatus.LISTED.name().equals(dtksStatus);
    }

    /** The table's inputs, by the names its columns read. */
    public Map<String, Object> variables() {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("confirmedNeeds", new ArrayList<>(confirmedNeeds));
      variables.put("dtksStatus", dtksStatus);
      variables.put("desil", desil);
      variables.put("pkhComponents", pkh.componentCount());
      variables.put("religion", religion);
      variables.put("incomePerCapita", incomePerCapita);
      variables.put("schoolChildren", schoolChildren);
      variables.put("children", children);
      variables.put("consentBaznas", consentBaznas);
      variables.put("consentSalman", consentSalman);
      return variables;
    }
  }

  /** One row the eligibility table matched. */
  public record Match(String programCode, String status, String reason) {
  }

  /** What was sent, and a note for the coordinator on what was held back and why. */
  public record Routed(List<String> referred, String note) {
  }

  private final ProgramCatalogue catalogue;
  private final CaseFile caseFile;
  private final AssessmentService assessments;
  private final Registry registry;
  private final Budgets budgets;
  private final Consents consents;
  private final PkhBenefits pkhBenefits;
  private final BpntBenefit bpntBenefit;
  private final Clock clock;

  public RoutingService(ProgramCatalogue catalogue, CaseFile caseFile, AssessmentService assessments,
      Registry registry, Budgets budgets, Consents consents, PkhBenefits pkhBenefits, BpntBenefit bpntBenefit,
      Clock clock) {
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.assessments = assessments;
    this.registry = registry;
    this.budgets = budgets;
    this.consents = consents;
    this.pkhBenefits = pkhBenefits;
    this.bpntBenefit = bpntBenefit;
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
    Map<Consents.Purpose, Boolean> consent = consents.current(resident.id());
    return new Facts(resident.id(), resident.kkNumber(), a.needs().stream().sorted().map(Need::name).toList(),
        resident.dtksStatus() == null ? null : resident.dtksStatus().name(), resident.desil(), pkh,
        a.religion() == null ? null : a.religion().name(), a.monthlyIncome() / Math.max(1, a.householdSize()),
        a.primarySchoolChildren() + a.juniorSchoolChildren() + a.seniorSchoolChildren(), a.children(),
        consent.getOrDefault(Consents.Purpose.SHARE_BAZNAS, false),
        consent.getOrDefault(Consents.Purpose.SHARE_SALMAN, false));
  }

  /** Refers the case to every program the table matched that passes the rules in code; records the rest. */
  public Routed route(String referralNumber, List<Match> matches, String actor) {
    Facts facts = facts(referralNumber);
    Set<String> seen = new LinkedHashSet<>();
    List<String> referred = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    for (Match match : matches) {
      if (!seen.add(match.programCode())) {
        continue;
      }
      String reason = NO_CONSENT.equals(match.status()) ? match.reason() : null;
      refer(referralNumber, match.programCode(), match.reason(), reason, facts, actor, referred, heldBack);
    }
    caseFile.record(referralNumber, EventType.ROUTED, actor, referred.isEmpty()
        ? "Tidak ada program yang dapat dirujuk otomatis" + (heldBack.isEmpty() ? "" : ": " + String.join("; ", heldBack))
        : "Dirujuk otomatis ke " + names(referred) + (heldBack.isEmpty() ? "" : "; tidak dikirim: "
            + String.join("; ", heldBack)));
    return new Routed(referred, heldBack.isEmpty() ? null : String.join("; ", heldBack));
  }

  /** The coordinator's routing of a case nothing fitted: to the programs chosen, or closed with a reason. */
  public Routed routeByHand(String referralNumber, ManualRouting choice, List<String> selected, String reason,
      String actor) {
    Checks checks = new Checks();
    if (choice == ManualRouting.ROUTE) {
      checks.check(!selected.isEmpty(), "selectedPrograms", "Pilih minimal satu program untuk dirujuk");
      selected.stream().filter(code -> catalogue.findProgram(code).filter(Program::active).isEmpty())
          .forEach(code -> checks.add("selectedPrograms", "Program " + code + " tidak dikenal atau tidak aktif"));
    } else {
      checks.check(reason != null, "notEligibleReason", "Alasan penutupan wajib diisi");
    }
    checks.throwIfAny();
    if (choice == ManualRouting.CLOSE) {
      caseFile.record(referralNumber, EventType.SERVICE_DECIDED, actor,
          "Koordinator menutup kasus tanpa rujukan: " + reason);
      return new Routed(List.of(), null);
    }
    Facts facts = facts(referralNumber);
    List<String> referred = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    for (String code : new LinkedHashSet<>(selected)) {
      refer(referralNumber, code, "Dipilih koordinator", null, facts, actor, referred, heldBack);
    }
    caseFile.record(referralNumber, EventType.SERVICE_DECIDED, actor, "Koordinator merujuk ke " + names(selected)
        + (heldBack.isEmpty() ? "" : "; tidak dikirim: " + String.join("; ", heldBack)));
    return new Routed(referred, heldBack.isEmpty() ? null : String.join("; ", heldBack));
  }

  /**
   * Refers the case to one more program (the back office redirecting a case that waited too long for budget).
   * Fails with the reason when the program may not receive it.
   */
  public void referInstead(String referralNumber, String programCode, String actor) {
    List<String> referred = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    Checks checks = new Checks();
    checks.check(catalogue.findProgram(programCode).filter(Program::active).isPresent(), "redirectProgram",
        "Program " + programCode + " tidak dikenal atau tidak aktif");
    checks.throwIfAny();
    refer(referralNumber, programCode, "Dialihkan back office", null, facts(referralNumber), actor, referred, heldBack);
    if (referred.isEmpty()) {
      checks.add("redirectProgram", heldBack.get(0));
      checks.throwIfAny();
    }
  }

  /** Every active program, code to label: the options of the coordinator's and back office's forms. */
  @Transactional(readOnly = true)
  public Map<String, String> programOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    catalogue.activePrograms().forEach(p -> options.put(p.code(), catalogue.label(p)));
    return options;
  }

  // ---- the rules that need code ------------------------------------------------------------------------------

  private void refer(String referralNumber, String code, String why, String tableReason, Facts facts, String actor,
      List<String> referred, List<String> heldBack) {
    Program program = catalogue.findProgram(code).orElse(null);
    if (program == null || !program.active()) {
      heldBack.add(code + ": program tidak ada di katalog atau tidak aktif");
      return;
    }
    Partner partner = catalogue.partnerOf(program);
    String reason = tableReason != null ? tableReason : holdBackReason(program, partner, facts);
    if (reason != null) {
      caseFile.skipProgram(referralNumber, code, partner.code(), reason, actor);
      caseFile.record(referralNumber, EventType.PROGRAM_SKIPPED, actor,
          "%s tidak dikirim: %s".formatted(program.name(), reason));
      heldBack.add(program.name() + ": " + reason);
      return;
    }
    Long amount = proposedAmount(program, facts);
    String basis = switch (code) {
      case PKH -> facts.pkh().summary();
      case BPNT -> "%s per bulan x %d bulan".formatted(Budgets.format(bpntBenefit.monthlyAmount()),
          program.budgetPeriod().months());
      default -> why;
    };
    caseFile.referProgram(referralNumber, code, partner.code(), amount, basis, actor);
    caseFile.record(referralNumber, EventType.PROGRAM_REFERRED, actor, "Dirujuk ke %s (%s)%s".formatted(program.name(),
        partner.name(), why == null ? "" : ": " + why));
    referred.add(code);
  }

  /** Why a program that fits must not receive the case, or null. */
  private String holdBackReason(Program program, Partner partner, Facts facts) {
    if (program.requiresDtks() && !facts.dtksListed()) {
      return "Warga belum terdaftar di DTKS/DTSEN (usulan ke Dinas Sosial berjalan)";
    }
    if (!consents.maySendTo(facts.residentId(), partner.code(), partner.government())) {
      return "Warga belum menyetujui data dibagikan kepada " + partner.name();
    }
    if (PKH.equals(program.code()) && facts.pkh().componentCount() == 0) {
      return "Keluarga tidak memiliki komponen PKH";
    }
    String period = budgets.currentPeriod(program);
    if (budgets.householdHolds(facts.householdKk(), program.code(), period)) {
      return "Keluarga sudah menerima %s pada periode %s".formatted(program.name(), period);
    }
    if (BPNT.equals(program.code())) {
      Program pkh = catalogue.findProgram(PKH).orElse(null);
      if (pkh != null && budgets.householdHolds(facts.householdKk(), PKH, budgets.currentPeriod(pkh))) {
        return "Keluarga penerima PKH sudah terhitung penerima Sembako";
      }
    }
    return null;
  }

  private Long proposedAmount(Program program, Facts facts) {
    return switch (program.code()) {
      case PKH -> facts.pkh().quarterly();
      case BPNT -> bpntBenefit.amountFor(program.budgetPeriod().months());
      default -> program.defaultAmount();
    };
  }

  private String names(List<String> codes) {
    return String.join(", ", codes.stream()
        .map(c -> catalogue.findProgram(c).map(Program::name).orElse(c)).toList());
  }
}
