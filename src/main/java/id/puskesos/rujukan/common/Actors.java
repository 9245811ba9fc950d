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

  public String current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }
}
