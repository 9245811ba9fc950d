package id.puskesos.rujukan.security;

import static id.puskesos.rujukan.process.CaseVariables.PROGRAM_NAME;
import static id.puskesos.rujukan.process.CaseVariables.REFERRAL_NUMBER;
import static id.puskesos.rujukan.process.CaseVariables.RESIDENT_NAME;

import static id.puskesos.rujukan.common.Groups.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;

/**
 * The shared Tasklist filters, in every profile: each user lands on their group's tasks, urgent first; the late ones
 * ("Terlambat"), those due today, the cases waiting for a partner and the koordinator's grievances are a click away. Idempotent:
 * a filter that exists (perhaps changed by an administrator) is left as it is.
 */
@Component
public class TasklistFilters implements SmartInitializingSingleton {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final ProgramCatalogue catalogue;
  private final ModelNames models = ModelNames.OF_THE_MODELS;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService, ProgramCatalogue catalogue) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.catalogue = catalogue;
  }

  /** The filters every group that works cases reads. */
  static final List<String> CASEWORK_FILTERS = List.of("Tugas kelompok saya", "Tugas saya", "Mendesak", "Terlambat",
      "Jatuh tempo hari ini");

  @Override
  public void afterSingletonsInstantiated() {
    List<String> casework = CASEWORK;
    ensureFilter("Tugas kelompok saya", -10, "Tugas untuk kelompok Anda, yang mendesak lebih dulu",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByTaskPriority().desc().orderByTaskCreateTime().asc(), casework);
    ensureFilter("Tugas saya", -5, "Tugas yang sudah Anda ambil",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .orderByTaskPriority().desc().orderByTaskCreateTime().asc(), casework);
    ensureFilter("Mendesak", 0, "Tugas kasus mendesak untuk kelompok Anda",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .taskMinPriority(80).orderByTaskCreateTime().asc(), casework);
    ensureFilter("Terlambat", 1, "Tugas kelompok Anda yang melewati batas waktu layanan",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc(), casework);
    ensureFilter("Jatuh tempo hari ini", 2, "Tugas kelompok Anda yang jatuh tempo sebelum besok",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}")
            .orderByDueDate().asc(), casework);
    ensureFilter("Eskalasi", 3, "Semua tugas yang melewati batas waktu layanan, kelompok mana pun",
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
        List.of(KOORDINATOR, MANAJER));
    ensureFilter("Menunggu mitra", 5, "Rujukan yang sedang menunggu keputusan atau penyaluran mitra",
        taskService.createTaskQuery().taskDefinitionKeyIn(models.partnerTasks().toArray(String[]::new))
            .orderByDueDate().asc(), List.of(BACK_OFFICE, KOORDINATOR, MANAJER));
    ensureFilter("Keluhan warga", 4, "Keluhan warga atas layanan yang harus ditangani koordinator",
        taskService.createTaskQuery().taskDefinitionKeyIn(models.grievanceTasks().toArray(String[]::new))
            .taskCandidateGroup(KOORDINATOR).includeAssignedTasks().orderByDueDate().asc(), List.of(KOORDINATOR));
    ensureFilter("Semua tugas", 10, "Semua tugas yang terbuka (koordinator dan manajer)",
        taskService.createTaskQuery().orderByTaskPriority().desc().orderByTaskCreateTime().asc(),
        List.of(KOORDINATOR, MANAJER));
    // partners added since the filters were made (their onboarding grants them too)
    catalogue.partners().stream().map(Partner::group).forEach(this::grantCasework);
  }

  /**
   * Lets the group read the casework filters (its own tasks, urgent, late, due today), as a partner's staff needs
   * them; returns whether any was granted now.
   */
  public boolean grantCasework(String group) {
    boolean granted = false;
    for (Filter filter : filterService.createFilterQuery().list()) {
      if (CASEWORK_FILTERS.contains(filter.getName()) && authorizationService.createAuthorizationQuery()
          .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
        grantRead(filter, group);
        granted = true;
      }
    }
    return granted;
  }

  /** A shared Tasklist filter, readable by the given groups. */
  private void ensureFilter(String name, int priority, String description, TaskQuery query, List<String> readers) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(Map.of(
        "priority", priority,
        "description", description,
        // no auto-refresh: Tasklist reloads the open task's form on refresh, and typed input would be lost
        "refresh", false,
        "showUndefinedVariable", false,
        "variables", List.of(
            Map.of("name", REFERRAL_NUMBER.name(), "label", "No. rujukan"),
            Map.of("name", RESIDENT_NAME.name(), "label", "Warga"),
            Map.of("name", PROGRAM_NAME.name(), "label", "Program"))));
    filterService.saveFilter(filter);
    readers.forEach(group -> grantRead(filter, group));
  }

  private void grantRead(Filter filter, String group) {
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.setGroupId(group);
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
  }
}
