package id.puskesos.rujukan.security;

import static id.puskesos.rujukan.common.Groups.*;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;

/**
 * The role grants, created at start-up in every profile (idempotent: missing permissions are added, nothing is
 * taken away). Puskesos staff work every case of the Puskesos's processes; a partner's staff see only the partner
 * referrals sent to their organisation (granted instance by instance, {@link CaseAccess}); the manager reads
 * everything and changes nothing; the analyst reads models and deploys; administrators ({@code camunda-admin}) get
 * every permission on every resource, as Camunda's own first-administrator setup grants them.
 */
@Component
public class Authorizations implements SmartInitializingSingleton {

  static final List<String> PUSKESOS = List.of(FRONT_OFFICE, FASILITATOR, BACK_OFFICE, KOORDINATOR);

  private final AuthorizationService authorizationService;
  private final ProgramCatalogue catalogue;
  private final ModelNames models = ModelNames.OF_THE_MODELS;

  public Authorizations(AuthorizationService authorizationService, ProgramCatalogue catalogue) {
    this.authorizationService = authorizationService;
    this.catalogue = catalogue;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Resources resource : Resources.values()) {
      grant(ADMIN, resource, "*", Permissions.ALL);
    }
    allGroups().forEach(this::grantCasework);
    for (String group : PUSKESOS) {
      for (String process : models.puskesosProcesses()) {
        grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      }
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      for (String process : concat(models.reportingProcesses(), models.followedProcesses())) {
        grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      }
    }
    for (String process : models.reportingProcesses()) {
      grant(KOORDINATOR, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE);
    }
    // the city's evaluation (docs/evaluation.md): the city SLRT opens it and holds its meeting
    grant(SLRT, Resources.PROCESS_DEFINITION, id.puskesos.rujukan.process.EvaluationProcess.PROCESS_ID,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(SLRT, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    // grievances (docs/grievances.md): the front office opens them and reads nothing back, the koordinator handles
    // them; a partner reads only the grievance forwarded to it (granted on that instance when it is forwarded)
    grant(FRONT_OFFICE, Resources.PROCESS_DEFINITION, models.grievanceProcess(),
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(KOORDINATOR, Resources.PROCESS_DEFINITION, models.grievanceProcess(),
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(MANAJER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(MANAJER, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(MANAJER, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    grant(MANAJER, Resources.TASK, "*", Permissions.READ);
    grant(ANALIS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(ANALIS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ); // no DELETE: V16, security.md
    grant(ANALIS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(ANALIS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
  }

  /**
   * What every group that works cases in Tasklist needs, a partner's staff included: Tasklist itself, and the process
   * definitions' names (what runs in them is granted per role above, and to a partner per referral by
   * {@link CaseAccess}). Returns whether anything was added.
   */
  public boolean grantCasework(String group) {
    boolean tasklist = grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    boolean definitions = grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    return tasklist || definitions;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new java.util.ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private List<String> allGroups() {
    List<String> groups = new java.util.ArrayList<>(CASEWORK);
    catalogue.partners().stream().map(Partner::group).filter(g -> !groups.contains(g)).forEach(groups::add);
    groups.add(MANAJER);
    groups.add(ANALIS);
    return groups;
  }

  /**
   * Adds the permissions to the group's grant on the resource, creating the grant if there is none; returns whether
   * anything was added.
   */
  boolean grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).list()
        .stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
    return changed;
  }
}
