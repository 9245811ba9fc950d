package id.puskesos.rujukan.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting: the user the engine authenticated (Tasklist, REST, API), else the engine itself (timers). */
@Component
public class Actors {

  public static final String SYSTEM = "sistem";

  private final IdentityService identityService;

  public Actors(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user's name as letters print it ("Koordinator Puskesos"), or the id when the user has no name. */
  public String displayName(String userId) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  public String current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }
}
