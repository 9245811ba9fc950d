package id.puskesos.rujukan.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.catalogue.ProgramKind;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ForbiddenException;

/**
 * The catalogue of partners and programs: everyone signed in reads it, an administrator changes it; a partner
 * chooses its programs' budget scope.
 */
@RestController
@RequestMapping("/api/catalogue")
public class CatalogueController {

  public record Catalogue(List<Partner> partners, List<Program> programs) {
  }

  private final ProgramCatalogue catalogue;
  private final Roles roles;
  private final Actors actors;

  public CatalogueController(ProgramCatalogue catalogue, Roles roles, Actors actors) {
    this.catalogue = catalogue;
    this.roles = roles;
    this.actors = actors;
  }

  @GetMapping
  public Catalogue get() {
    return new Catalogue(catalogue.partners(), catalogue.programs());
  }

  /**
   * Adds or changes a partner's catalogue entry only; the code in the path wins over the body's. A new partner joins
   * through {@code POST /api/partners} (its group, grants, filters and first budget with it), and leaves through its
   * deactivation there.
   */
  @PutMapping("/partners/{code}")
  public Partner putPartner(@PathVariable String code, @RequestBody Partner partner) {
    roles.require("administrator");
    return catalogue.savePartner(new Partner(code, partner.name(), partner.group(), partner.government(), true),
        actors.current());
  }

  /**
   * Adds or changes a program (amounts, unit, budget period, whether it is active, its budget scope): the
   * administrator. The program's own partner staff change its budget scope ({@code budgetScope}: CITY or KELURAHAN,
   * their own choice) through the same request; any other field they send that differs is refused.
   */
  @PutMapping("/programs/{code}")
  public Program putProgram(@PathVariable String code, @RequestBody Program program) {
    Optional<Program> current = catalogue.findProgram(code);
    if (current.isPresent() && !roles.administrator()) {
      Program now = current.get();
      Partner partner = catalogue.partnerOf(now);
      roles.require("administrator atau petugas " + partner.name(), partner.group());
      if (changesMoreThanScope(now, program)) {
        throw new ForbiddenException("Mitra hanya dapat mengubah cakupan anggaran (budgetScope) programnya; "
            + "perubahan lain dilakukan administrator");
      }
      Checks checks = new Checks();
      checks.check(program.budgetScope() != null, "budgetScope",
          "Cakupan anggaran wajib diisi: CITY (tingkat kota) atau KELURAHAN (per kelurahan)");
      checks.throwIfAny();
      return catalogue.saveProgram(now.withBudgetScope(program.budgetScope()), actors.current());
    }
    roles.require("administrator");
    return catalogue.saveProgram(new Program(code, program.name(), program.partner(), program.aidKind(),
        program.unit(), program.defaultAmount(), program.budgetPeriod(), program.requiresDtks(), program.active(),
        program.householdGroup(), program.kind(), program.budgetScope()),
        actors.current());
  }

  /** Whether the request names a field other than the budget scope with another value than the program has. */
  private static boolean changesMoreThanScope(Program now, Program asked) {
    return differs(asked.name(), now.name()) || differs(asked.partner(), now.partner())
        || differs(asked.aidKind(), now.aidKind()) || differs(asked.unit(), now.unit())
        || differs(asked.defaultAmount(), now.defaultAmount()) || differs(asked.budgetPeriod(), now.budgetPeriod())
        || differs(asked.householdGroup(), now.householdGroup())
        || asked.kind() != ProgramKind.SERVICE && asked.kind() != now.kind();
  }

  private static boolean differs(Object asked, Object now) {
    return asked != null && !asked.equals(now);
  }
}
