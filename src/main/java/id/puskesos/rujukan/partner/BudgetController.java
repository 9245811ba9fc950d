package id.puskesos.rujukan.partner;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConcurrentChange;
import id.puskesos.rujukan.common.Groups;

/**
 * A program's budgets and waiting list over HTTP. The partner's own staff (or an administrator) add budget; the
 * Puskesos and managers read.
 */
@RestController
@RequestMapping("/api/programs/{programCode}")
public class BudgetController {

  public record TopUpRequest(Long amount, String note) {
  }

  public record BudgetView(String programCode, String programName, String unit, String currentPeriod,
      List<Budgets.Budget> budgets, List<Budgets.Waiting> waitingList) {
  }

  private final Budgets budgets;
  private final BudgetTopUps topUps;
  private final ProgramCatalogue catalogue;
  private final Roles roles;
  private final Actors actors;

  public BudgetController(Budgets budgets, BudgetTopUps topUps, ProgramCatalogue catalogue, Roles roles,
      Actors actors) {
    this.budgets = budgets;
    this.topUps = topUps;
    this.catalogue = catalogue;
    this.roles = roles;
    this.actors = actors;
  }

  @GetMapping("/budgets")
  public BudgetView budgets(@PathVariable String programCode) {
    Program program = catalogue.program(programCode);
    roles.require("mitra program ini, Puskesos dan manajer", catalogue.partnerOf(program).group(), Groups.BACK_OFFICE,
        Groups.KOORDINATOR, Groups.MANAJER);
    return new BudgetView(program.code(), program.name(), program.unit(), budgets.currentPeriod(program),
        budgets.budgets(programCode), budgets.waitingList(programCode));
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
    return ConcurrentChange.retry(() -> topUps.topUp(programCode, period, request.amount(), request.note(),
        actors.current()));
  }
}
