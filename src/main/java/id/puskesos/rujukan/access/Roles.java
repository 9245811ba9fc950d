package id.puskesos.rujukan.access;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.Groups;

/** Checks the caller's groups (from the engine authentication the API filter set) for endpoints of one role. */
@Component
public class Roles {

  private final IdentityService identityService;

  public Roles(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether the caller is an administrator. */
  public boolean administrator() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMIN);
  }

  /** Passes when the caller is in one of the groups (administrators always pass). */
  public void require(String what, String... groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> mine = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (mine.contains(Groups.ADMIN)) {
      return;
    }
    for (String group : groups) {
      if (mine.contains(group)) {
        return;
      }
    }
    throw new ForbiddenException("Hanya untuk " + what);
  }
}
