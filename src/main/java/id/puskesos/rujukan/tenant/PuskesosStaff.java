package id.puskesos.rujukan.tenant;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who of a group works for a Puskesos: every member when the group works city-wide (a partner, the city SLRT: the
 * group is a member of the tenant), else its members who are the Puskesos's own staff. What one Puskesos's
 * evaluation and monthly report are mailed to; another Puskesos's koordinator is not told.
 */
@Component
public class PuskesosStaff {

  private final IdentityService identityService;

  public PuskesosStaff(IdentityService identityService) {
    this.identityService = identityService;
  }

  public List<User> of(String tenantId, String group) {
    if (tenantId == null || identityService.createTenantQuery().tenantId(tenantId).groupMember(group).count() > 0) {
      return identityService.createUserQuery().memberOfGroup(group).list();
    }
    return identityService.createUserQuery().memberOfGroup(group).memberOfTenant(tenantId).list();
  }

  /** The e-mail addresses of the groups' members who work for the Puskesos (null: the whole city), each once. */
  public List<String> emails(String tenantId, List<String> groups) {
    return groups.stream().flatMap(group -> of(tenantId, group).stream()).map(User::getEmail)
        .filter(email -> email != null && !email.isBlank()).distinct().toList();
  }
}
