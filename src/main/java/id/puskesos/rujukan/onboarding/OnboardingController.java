package id.puskesos.rujukan.onboarding;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.ConflictException;

/**
 * Partners joining and leaving, for administrators ({@code camunda-admin}): the list with what each has in place,
 * the onboarding, and the deactivation. The page at {@code /partners/} uses these.
 */
@RestController
@RequestMapping("/api/partners")
public class OnboardingController {

  public record PartnerStatus(Partner partner, boolean groupExists, long staff, List<Program> programs) {
  }

  public record DeactivationRequest(String reason) {
  }

  private static final String ADMINISTRATOR = "administrator (camunda-admin)";

  private final PartnerOnboarding onboarding;
  private final ProgramCatalogue catalogue;
  private final IdentityService identityService;
  private final Roles roles;
  private final Actors actors;

  public OnboardingController(PartnerOnboarding onboarding, ProgramCatalogue catalogue,
      IdentityService identityService, Roles roles, Actors actors) {
    this.onboarding = onboarding;
    this.catalogue = catalogue;
    this.identityService = identityService;
    this.roles = roles;
    this.actors = actors;
  }

  @GetMapping
  public List<PartnerStatus> partners() {
    roles.require(ADMINISTRATOR);
    List<Program> programs = catalogue.programs();
    return catalogue.partners().stream().map(p -> new PartnerStatus(p,
        identityService.createGroupQuery().groupId(p.group()).count() > 0,
        identityService.createUserQuery().memberOfGroup(p.group()).count(),
        programs.stream().filter(program -> program.partner().equals(p.code())).toList())).toList();
  }

  /**
   * Onboards a partner; the same request again answers what is there already. Two administrators onboarding the
   * same code at once: the database lets one in, and the other's request, run again, finds it.
   */
  @PostMapping
  public PartnerOnboarding.Result onboard(@RequestBody PartnerOnboarding.Request request) {
    roles.require(ADMINISTRATOR);
    try {
      return onboarding.onboard(request, actors.current());
    } catch (DuplicateKeyException simultaneous) {
      try {
        return onboarding.onboard(request, actors.current());
      } catch (DuplicateKeyException again) {
        throw new ConflictException("Mitra %s sedang ditambahkan oleh administrator lain; muat ulang daftar mitra"
            .formatted(request.code()));
      }
    }
  }

  @PostMapping("/{code}/deactivation")
  public Partner deactivate(@PathVariable String code, @RequestBody DeactivationRequest request) {
    roles.require(ADMINISTRATOR);
    return onboarding.deactivate(code, request.reason(), actors.current());
  }
}
