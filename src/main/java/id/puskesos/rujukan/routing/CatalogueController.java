package id.puskesos.rujukan.routing;

import java.util.List;

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
import id.puskesos.rujukan.common.Actors;

/** The catalogue of partners and programs: everyone signed in reads it, an administrator changes it. */
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

  /** Adds or changes a program (amounts, unit, budget period, whether it is active). */
  @PutMapping("/programs/{code}")
  public Program putProgram(@PathVariable String code, @RequestBody Program program) {
    roles.require("administrator");
    return catalogue.saveProgram(new Program(code, program.name(), program.partner(), program.aidKind(),
        program.unit(), program.defaultAmount(), program.budgetPeriod(), program.requiresDtks(), program.active(),
        program.householdGroup(), program.kind()),
        actors.current());
  }
}
