package id.puskesos.rujukan.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * Which cases an organisation sees. A Puskesos's staff and manager see every case of their Puskesos (their tenant,
 * docs/adr/0003-one-deployment-for-the-city.md) and none of another's; administrators see every case; a partner's
 * staff only cases referred to their organisation, from every Puskesos: in the engine through grants on each partner
 * referral sent to them, in the domain API through this check (a case not sent to them does not exist for them: 404).
 */
@Component
public class CaseAccess {

  /** What the caller may see of a case: everything, or only what concerns these partners. */
  public record Scope(boolean all, Set<String> partnerCodes) {
    public boolean sees(String partnerCode) {
      return all || partnerCodes.contains(partnerCode);
    }
  }

  private static final List<String> SEE_ALL = List.of(Groups.FRONT_OFFICE, Groups.FASILITATOR, Groups.BACK_OFFICE,
      Groups.KOORDINATOR, Groups.MANAJER, Groups.ADMIN);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ProgramCatalogue catalogue;
  private final JdbcClient jdbc;

  public CaseAccess(IdentityService identityService, AuthorizationService authorizationService,
      ProgramCatalogue catalogue, JdbcClient jdbc) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  /**
   * Which cases the caller may find in a search: every case, the cases escalated to the city SLRT, or those sent to
   * the caller's partner organisations (none when the caller belongs to no organisation).
   */
  public record Visibility(boolean all, boolean escalated, Set<String> partnerCodes, Optional<Set<String>> tenants) {
  }

  /**
   * The caller's visibility over all cases, for searches; the same rule as {@link #require(String)}. Whatever else
   * it allows, a signed-in caller sees only the cases of the Puskesos (tenants) they are a member of.
   */
  public Visibility visibility() {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (authentication == null || groups.stream().anyMatch(SEE_ALL::contains)) {
      return new Visibility(true, false, Set.of(), tenants());
    }
    return new Visibility(false, groups.contains(Groups.SLRT), partnersOf(groups), tenants());
  }

  /**
   * The Puskesos (tenants) whose cases the caller may reach: empty when any (the application acting on its own
   * account, an administrator), else the tenants the caller is a member of, directly or through a group (a partner's
   * staff and the city SLRT are members of every Puskesos).
   */
  public Optional<Set<String>> tenants() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMIN)) {
      return Optional.empty();
    }
    return Optional.of(authentication.getTenantIds() == null ? Set.of() : Set.copyOf(authentication.getTenantIds()));
  }

  /**
   * 404 when the resident's record is another Puskesos's: the resident has cases, none of them at the caller's
   * Puskesos. A record with no case (from the city's DTKS extract) is the city's, open to every Puskesos's staff.
   */
  public void requireResident(long residentId) {
    tenants().ifPresent(mine -> {
      List<String> theirs = jdbc.sql("SELECT DISTINCT tenant_id FROM referral WHERE resident_id = ?")
          .param(residentId).query(String.class).list();
      if (!theirs.isEmpty() && theirs.stream().noneMatch(mine::contains)) {
        throw new NotFoundException("Warga " + residentId + " tidak ditemukan");
      }
    });
  }

  /** Whether the caller may reach a case of this Puskesos at all (what else of it they see is decided apart). */
  public boolean reaches(String tenantId) {
    return tenants().map(mine -> mine.contains(tenantId)).orElse(true);
  }

  private Set<String> partnersOf(List<String> groups) {
    return catalogue.partners().stream().filter(p -> groups.contains(p.group())).map(Partner::code)
        .collect(Collectors.toSet());
  }

  /** The caller's scope on the case; 404 when the case was never sent to the caller's organisation. */
  public Scope require(String referralNumber) {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    if (authentication != null && !reaches(jdbc.sql("SELECT tenant_id FROM referral WHERE referral_number = ?")
        .param(referralNumber).query(String.class).optional().orElse(""))) {
      throw new NotFoundException("Rujukan " + referralNumber + " tidak ditemukan");
    }
    if (authentication == null || groups.stream().anyMatch(SEE_ALL::contains)) {
      return new Scope(true, Set.of());
    }
    if (groups.contains(Groups.SLRT) && jdbc.sql("SELECT COUNT(*) FROM escalation WHERE referral_number = ?")
        .param(referralNumber).query(Integer.class).single() > 0) {
      // the city SLRT sees a case the Puskesos escalated to it, whole
      return new Scope(true, Set.of());
    }
    Set<String> partners = partnersOf(groups);
    boolean sent = !partners.isEmpty() && jdbc.sql("""
        SELECT partner_code FROM program_referral WHERE referral_number = ? AND status <> 'NOT_SENT'""")
        .param(referralNumber).query(String.class).list().stream().anyMatch(partners::contains);
    if (!sent) {
      throw new NotFoundException("Rujukan " + referralNumber + " tidak ditemukan");
    }
    return new Scope(false, partners);
  }

  /**
   * Lets the partner's group read the partner referral (its variables and history) and no other partner's group:
   * on a redirect to another partner, the first one's grants go.
   */
  public void grantPartner(String processInstanceId, String group) {
    withoutAuthorization(() -> {
      Map<Resources, Permission> reads = Map.of(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ,
          Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
      for (var resource : reads.keySet()) {
        List<Authorization> existing = authorizationService.createAuthorizationQuery().resourceType(resource)
            .resourceId(processInstanceId).list();
        existing.stream().filter(a -> !group.equals(a.getGroupId()))
            .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        if (existing.stream().noneMatch(a -> group.equals(a.getGroupId()))) {
          Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          read.setGroupId(group);
          read.setResource(resource);
          read.setResourceId(processInstanceId);
          read.addPermission(reads.get(resource));
          authorizationService.saveAuthorization(read);
        }
      }
      return null;
    });
  }

  /** Lets the group read the instance too, besides those that may already (the city SLRT on an escalated case). */
  public void grantReader(String processInstanceId, String group) {
    withoutAuthorization(() -> {
      for (var entry : Map.of(Resources.PROCESS_INSTANCE, (Permission) ProcessInstancePermissions.READ,
          Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ).entrySet()) {
        if (authorizationService.createAuthorizationQuery().resourceType(entry.getKey()).resourceId(processInstanceId)
            .groupIdIn(group).count() == 0) {
          Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          read.setGroupId(group);
          read.setResource(entry.getKey());
          read.setResourceId(processInstanceId);
          read.addPermission(entry.getValue());
          authorizationService.saveAuthorization(read);
        }
      }
      return null;
    });
  }

  /**
   * Runs an action the application takes on its own account (granting access, moving a served case on, adding a
   * complaint to the resident's open case at another Puskesos) without the caller's authorization and tenant checks:
   * inside an engine command by switching them off for it, outside by acting with no authenticated user. The caller's
   * rights to ask for the action are checked before.
   */
  public <T> T withoutAuthorization(Callable<T> action) {
    CommandContext command = Context.getCommandContext();
    try {
      if (command != null) {
        boolean tenantCheck = command.isTenantCheckEnabled();
        command.disableTenantCheck();
        try {
          return command.runWithoutAuthorization(action);
        } finally {
          if (tenantCheck) {
            command.enableTenantCheck();
          }
        }
      }
      Authentication caller = identityService.getCurrentAuthentication();
      identityService.clearAuthentication();
      try {
        return action.call();
      } finally {
        if (caller != null) {
          identityService.setAuthentication(caller);
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
