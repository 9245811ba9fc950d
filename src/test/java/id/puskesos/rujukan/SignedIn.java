package id.puskesos.rujukan;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;

/** Signs a user in to the engine for a test as the webapps and the REST API do: their groups and their Puskesos. */
public final class SignedIn {

  private SignedIn() {
  }

  public static void as(IdentityService identityService, String user, List<String> groups) {
    identityService.setAuthentication(user, groups, identityService.createTenantQuery().userMember(user)
        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
  }
}
