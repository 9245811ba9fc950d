package id.puskesos.rujukan.tenant;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.ConflictException;

/**
 * The Puskesos of the city's installation: the list (names and kelurahan codes, for every signed-in user: what a
 * partner filters its worklist by) and, for administrators, adding one.
 */
@RestController
@RequestMapping("/api/puskesos")
public class PuskesosController {

  private final PuskesosDirectory directory;
  private final PuskesosOnboarding onboarding;
  private final Roles roles;
  private final Actors actors;

  public PuskesosController(PuskesosDirectory directory, PuskesosOnboarding onboarding, Roles roles, Actors actors) {
    this.directory = directory;
    this.onboarding = onboarding;
    this.roles = roles;
    this.actors = actors;
  }

  @GetMapping
  public List<Puskesos> all() {
    return directory.all();
  }

  /** Adds a Puskesos; the same request again answers what is there already. */
  @PostMapping
  public PuskesosOnboarding.Result onboard(@RequestBody PuskesosOnboarding.Request request) {
    roles.require("administrator (camunda-admin)");
    try {
      return onboarding.onboard(request, actors.current());
    } catch (DuplicateKeyException simultaneous) {
      throw new ConflictException("Puskesos %s sedang ditambahkan oleh administrator lain; muat ulang daftar"
          .formatted(request.code()));
    }
  }
}
