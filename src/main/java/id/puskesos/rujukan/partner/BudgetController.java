package id.puskesos.rujukan.partner;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.BudgetScope;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConcurrentChange;
import id.puskesos.rujukan.common.Groups;

/**
 * A program's budgets and waiting list over HTTP. The partner's own staff (or an administrator) add budget, to the
 * city pool or, for a program kept per kelurahan, to one Puskesos's pool ({@code puskesos}: its kelurahan code); the
 * Puskesos and managers read. A Puskesos's staff see only their own pool (and the city pool) and only their own
 * cases on the waiting list, each with its place in its pool's queue; partners and administrators see every pool.
 */
@RestController
@RequestMapping("/api/programs/{programCode}")
public class BudgetController {

  /** {@code puskesos}: the kelurahan code of the pool topped up, for a program kept per kelurahan. */
  public record TopUpRequest(Long amount, String note, String puskesos) {
  }

  public record BudgetView(String programCode, String programName, String unit, BudgetScope budgetScope,
      String currentPeriod, List<Budgets.Budget> budgets, List<Budgets.Waiting> waitingList) {
  }

  private final Budgets budgets;
  private final BudgetTopUps topUps;
  private final ProgramCatalogue catalogue;
  private final Roles roles;
  private final Actors actors;
  private final CaseAccess caseAccess;

  public BudgetController(Budgets budgets, BudgetTopUps topUps, ProgramCatalogue catalogue, Roles roles,
      Actors actors, CaseAccess caseAccess) {
    this.budgets = budgets;
    this.topUps = topUps;
    this.catalogue = catalogue;
    this.roles = roles;
    this.actors = actors;
    this.caseAccess = caseAccess;
  }

  /** The program's pools and waiting lists; {@code puskesos} narrows them to one Puskesos's (and the city's). */
  @GetMapping("/budgets")
  public BudgetView budgets(@PathVariable String programCode,
      @RequestParam(name = "puskesos", required = false) String puskesos) {
    Program program = catalogue.program(programCode);
    roles.require("mitra program ini, Puskesos dan manajer", catalogue.partnerOf(program).group(), Groups.BACK_OFFICE,
        Groups.KOORDINATOR, Groups.MANAJER);
    Optional<Set<String>> mine = caseAccess.tenants();
    Optional<String> asked = Optional.ofNullable(puskesos).filter(p -> !p.isBlank()).map(String::trim);
    return new BudgetView(program.code(), program.name(), program.unit(), program.budgetScope(),
        budgets.currentPeriod(program),
        budgets.budgets(programCode).stream()
            .filter(b -> b.puskesos() == null || sees(mine, asked, b.puskesos())).toList(),
        budgets.waitingList(programCode).stream().filter(w -> sees(mine, asked, w.puskesos())).toList());
  }

  /** Adds to the period's allocation and serves the waiting list; answers with the budget and who was served. */
  @PostMapping("/budgets/{period}/top-ups")
  public BudgetTopUps.TopUp topUp(@PathVariable String programCode, @PathVariable String period,
      @RequestBody TopUpRequest request) {
    Program program = catalogue.program(programCode);
    roles.require("petugas " + catalogue.partnerOf(program).name(), catalogue.partnerOf(program).group());
    Checks checks = new Checks();
    checks.check(request.amount() != null, "amount", "Jumlah tambahan anggaran wajib diisi");
    checks.check(request.note() == null || request.note().length() <= 300, "note", "Catatan paling banyak 300 karakter");
    checks.throwIfAny();
    return ConcurrentChange.retry(() -> topUps.topUp(programCode, period, request.puskesos(), request.amount(),
        request.note(), actors.current()));
  }

  /** Whether a pool or waiting case of this Puskesos is shown: the caller's own (all for partners), as asked. */
  private static boolean sees(Optional<Set<String>> mine, Optional<String> asked, String tenant) {
    return mine.map(m -> m.contains(tenant)).orElse(true) && asked.map(tenant::equals).orElse(true);
  }
}
