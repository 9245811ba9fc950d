package id.puskesos.rujukan.onboarding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.AidKind;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.catalogue.BudgetScope;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.PartnerGroupIds;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.catalogue.ProgramKind;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.partner.BudgetTopUps;
import id.puskesos.rujukan.security.Authorizations;
import id.puskesos.rujukan.security.TasklistFilters;
import id.puskesos.rujukan.tenant.PuskesosOnboarding;

/**
 * A partner joins in one action (docs/partners.md, "Onboarding a partner"): its catalogue entry and programs, its
 * Camunda group, the grants its staff need, its Tasklist filters, its group as a member of every Puskesos (a partner
 * works city-wide), and the first budget of each program that has one (kept city-wide or, as the partner chooses,
 * per kelurahan: {@code budgetScope}; a per-kelurahan program gets its money per Puskesos by top-ups).
 * Everything is checked before anything is written, and written in one transaction; each part is created or, when it
 * is there already as asked, left as it is, so the same request again changes nothing. A code, group or program that
 * exists with other details is refused: changing a partner is the catalogue's {@code PUT}, not a second onboarding.
 * Its staff are added to the group in Camunda Admin, as every user is.
 */
@Service
@Transactional
public class PartnerOnboarding {

  /** What one part of the onboarding did. */
  public enum Outcome {
    DIBUAT, SUDAH_ADA, DIAKTIFKAN_KEMBALI
  }

  public record Step(String part, Outcome outcome) {
  }

  public record ProgramRequest(String code, String name, String aidKind, String unit, Long defaultAmount,
      String budgetPeriod, Boolean requiresDtks, String householdGroup, String kind, Long firstBudget,
      String budgetScope) {
  }

  public record Request(String code, String name, String group, Boolean government, List<ProgramRequest> programs) {

    public Request {
      programs = programs == null ? List.of() : programs;
    }
  }

  public record Result(Partner partner, List<Program> programs, List<Step> steps) {
  }

  private final ProgramCatalogue catalogue;
  private final PartnerGroupIds groupIds;
  private final IdentityService identityService;
  private final Authorizations authorizations;
  private final TasklistFilters filters;
  private final Budgets budgets;
  private final BudgetTopUps topUps;
  private final PuskesosOnboarding puskesos;

  public PartnerOnboarding(ProgramCatalogue catalogue, PartnerGroupIds groupIds, IdentityService identityService,
      Authorizations authorizations, TasklistFilters filters, Budgets budgets, BudgetTopUps topUps,
      PuskesosOnboarding puskesos) {
    this.puskesos = puskesos;
    this.catalogue = catalogue;
    this.groupIds = groupIds;
    this.identityService = identityService;
    this.authorizations = authorizations;
    this.filters = filters;
    this.budgets = budgets;
    this.topUps = topUps;
  }

  public Result onboard(Request request, String actor) {
    Partner partner = new Partner(request.code(), request.name() == null ? null : request.name().trim(),
        request.group(), Boolean.TRUE.equals(request.government()), true);
    List<Planned> planned = check(request, partner);
    List<Step> steps = new ArrayList<>();

    Optional<Partner> existing = catalogue.findPartner(partner.code());
    if (existing.isEmpty()) {
      catalogue.savePartner(partner, actor);
      steps.add(new Step("Mitra di katalog", Outcome.DIBUAT));
    } else {
      steps.add(new Step("Mitra di katalog", catalogue.activatePartner(partner.code(), actor)
          ? Outcome.DIAKTIFKAN_KEMBALI : Outcome.SUDAH_ADA));
    }
    steps.add(new Step("Kelompok Camunda " + partner.group(), ensureGroup(partner)));
    steps.add(new Step("Hak akses petugas (Tasklist, definisi proses)",
        authorizations.grantCasework(partner.group()) ? Outcome.DIBUAT : Outcome.SUDAH_ADA));
    steps.add(new Step("Filter Tasklist", filters.grantCasework(partner.group()) ? Outcome.DIBUAT : Outcome.SUDAH_ADA));
    steps.add(new Step("Anggota setiap Puskesos", puskesos.addCityWideGroup(partner.group()) ? Outcome.DIBUAT
        : Outcome.SUDAH_ADA));
    for (Planned p : planned) {
      if (catalogue.findProgram(p.program().code()).isEmpty()) {
        catalogue.saveProgram(p.program(), actor);
        steps.add(new Step("Program " + p.program().code(), Outcome.DIBUAT));
      } else {
        steps.add(new Step("Program " + p.program().code(), Outcome.SUDAH_ADA));
      }
      if (p.firstBudget() != null && p.firstBudget() > 0) {
        Program program = catalogue.program(p.program().code());
        String period = budgets.currentPeriod(program);
        boolean hasBudget = budgets.budget(program.code(), period).isPresent();
        if (!hasBudget) {
          topUps.topUp(program.code(), period, p.firstBudget(), "Anggaran awal saat mitra bergabung", actor);
        }
        steps.add(new Step("Anggaran %s periode %s".formatted(program.code(), period),
            hasBudget ? Outcome.SUDAH_ADA : Outcome.DIBUAT));
      }
    }
    return new Result(catalogue.findPartner(partner.code()).orElseThrow(),
        planned.stream().map(p -> catalogue.program(p.program().code())).toList(), steps);
  }

  /** Stops new referrals to the partner; its open work stays visible and its own. Repeating it changes nothing. */
  public Partner deactivate(String code, String reason, String actor) {
    catalogue.findPartner(code).orElseThrow(() -> new NotFoundException("Mitra " + code));
    Checks checks = new Checks();
    String why = checks.required("reason", reason, "Alasan penonaktifan");
    checks.check(reason == null || reason.length() <= 300, "reason", "Alasan paling banyak 300 karakter");
    checks.throwIfAny();
    catalogue.deactivatePartner(code, why, actor);
    return catalogue.findPartner(code).orElseThrow();
  }

  // ---- checks, all before anything is written ---------------------------------------------------------------

  private record Planned(Program program, Long firstBudget) {
  }

  private List<Planned> check(Request request, Partner partner) {
    Checks checks = new Checks();
    checks.check(partner.code() != null && partner.code().matches("[A-Z][A-Z0-9_]{1,15}"), "code",
        "Kode mitra: huruf besar, angka atau _, 2 sampai 16 karakter");
    checks.required("name", partner.name(), "Nama mitra");
    checks.check(partner.name() == null || partner.name().length() <= 120, "name",
        "Nama mitra paling banyak 120 karakter");
    checks.check(request.government() != null, "government",
        "Isi apakah mitra instansi pemerintah (true) atau bukan (false): mitra bukan pemerintah menerima data warga "
            + "hanya dengan persetujuannya");
    groupIds.check(checks, partner.group());
    if (partner.code() != null) {
      catalogue.findPartner(partner.code()).filter(other -> !sameEntry(other, partner)).ifPresent(other ->
          checks.add("code", ("Kode mitra %s sudah dipakai oleh %s (kelompok %s); ubah mitra yang ada lewat PUT "
              + "/api/catalogue/partners/%s").formatted(other.code(), other.name(), other.group(), other.code())));
    }
    if (partner.group() != null) {
      catalogue.findPartnerOfGroup(partner.group()).filter(other -> !other.code().equals(partner.code()))
          .ifPresent(other -> checks.add("group", "Kelompok %s sudah dipakai oleh mitra %s (%s)"
              .formatted(partner.group(), other.code(), other.name())));
    }
    List<Planned> planned = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < request.programs().size(); i++) {
      String prefix = "programs[%d].".formatted(i);
      ProgramRequest p = request.programs().get(i);
      if (p == null) {
        checks.add("programs[%d]".formatted(i), "Program kosong");
        continue;
      }
      Program program = new Program(p.code(), p.name() == null ? null : p.name().trim(), partner.code(),
          checks.oneOf(AidKind.class, prefix + "aidKind", p.aidKind(), "Jenis bantuan"), p.unit(), p.defaultAmount(),
          p.budgetPeriod() == null ? BudgetPeriod.MONTH
              : checks.oneOf(BudgetPeriod.class, prefix + "budgetPeriod", p.budgetPeriod(), "Periode anggaran"),
          Boolean.TRUE.equals(p.requiresDtks()), true, p.householdGroup(),
          p.kind() == null ? ProgramKind.SERVICE : checks.oneOf(ProgramKind.class, prefix + "kind", p.kind(), "Jenis program"),
          p.budgetScope() == null ? BudgetScope.CITY
              : checks.oneOf(BudgetScope.class, prefix + "budgetScope", p.budgetScope(), "Cakupan anggaran"));
      ProgramCatalogue.checkProgram(checks, program, prefix);
      checks.check(p.code() == null || codes.add(p.code()), prefix + "code", "Program " + p.code() + " disebut dua kali");
      checks.check(p.firstBudget() == null || p.firstBudget() >= 0, prefix + "firstBudget",
          "Anggaran awal tidak boleh negatif");
      checks.check(p.firstBudget() == null || p.firstBudget() == 0 || program.aidKind() == null
          || program.budgeted(), prefix + "firstBudget",
          "Program layanan atau usulan nasional tidak memakai anggaran; kosongkan anggaran awal");
      checks.check(p.firstBudget() == null || p.firstBudget() == 0 || !program.perKelurahan(), prefix + "firstBudget",
          "Anggaran program per kelurahan ditambahkan per Puskesos lewat top-up; kosongkan anggaran awal");
      if (p.code() != null) {
        catalogue.findProgram(p.code()).filter(other -> !sameProgram(other, program)).ifPresent(other ->
            checks.add(prefix + "code", other.partner().equals(partner.code())
                ? "Program %s sudah ada dengan isian lain; ubah lewat PUT /api/catalogue/programs/%s".formatted(
                    other.code(), other.code())
                : "Kode program %s sudah dipakai oleh mitra %s".formatted(other.code(), other.partner())));
      }
      planned.add(new Planned(program, p.firstBudget()));
    }
    checks.throwIfAny();
    return planned;
  }

  private Outcome ensureGroup(Partner partner) {
    if (identityService.createGroupQuery().groupId(partner.group()).count() > 0) {
      return Outcome.SUDAH_ADA;
    }
    if (identityService.isReadOnly()) {
      throw new InvalidInputException("group", ("Kelompok %s belum ada, dan daftar pengguna dikelola di luar "
          + "aplikasi (mis. LDAP): buat kelompoknya di sana dulu").formatted(partner.group()));
    }
    Group group = identityService.newGroup(partner.group());
    group.setName(partner.name());
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    return Outcome.DIBUAT;
  }

  private static boolean sameEntry(Partner a, Partner b) {
    return a.name().equals(b.name()) && a.group().equals(b.group()) && a.government() == b.government();
  }

  /** The same program as asked for (the catalogue fills the unit in when none is given). */
  private static boolean sameProgram(Program stored, Program asked) {
    return stored.partner().equals(asked.partner()) && stored.name().equals(asked.name())
        && stored.aidKind() == asked.aidKind() && stored.budgetPeriod() == asked.budgetPeriod()
        && Objects.equals(stored.defaultAmount(), asked.defaultAmount()) && stored.requiresDtks() == asked.requiresDtks()
        && stored.kind() == asked.kind() && stored.budgetScope() == asked.budgetScope()
        && (asked.unit() == null || asked.unit().isBlank() || stored.unit().equals(asked.unit().trim()))
        && Objects.equals(stored.householdGroup(), asked.householdGroup() == null || asked.householdGroup().isBlank()
            ? null : asked.householdGroup().trim());
  }
}
