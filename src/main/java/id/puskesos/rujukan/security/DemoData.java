package id.puskesos.rujukan.security;

import static id.puskesos.rujukan.security.Groups.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users (password {@code demo}), their groups and the Tasklist filters that show each user their
 * work on login. Idempotent: what exists already is left as it is. Nothing of this exists outside the demo profile.
 */
@Component
@Profile("demo")
public class DemoData implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  private record DemoUser(String id, String firstName, String lastName, String group) {
  }

  private static final Map<String, String> GROUP_NAMES = new LinkedHashMap<>();

  static {
    GROUP_NAMES.put(FRONT_OFFICE, "Front office Puskesos");
    GROUP_NAMES.put(FASILITATOR, "Fasilitator Puskesos");
    GROUP_NAMES.put(BACK_OFFICE, "Back office Puskesos");
    GROUP_NAMES.put(KOORDINATOR, "Koordinator Puskesos");
    GROUP_NAMES.put(DINSOS, "Dinas Sosial Kota Bandung");
    GROUP_NAMES.put(BAZNAS, "BAZNAS Kota Bandung");
    GROUP_NAMES.put(SALMAN, "Rumah Amal Salman");
    GROUP_NAMES.put(NAKES, "Tenaga kesehatan (Puskesmas)");
    GROUP_NAMES.put(BABINSA, "Babinsa");
    GROUP_NAMES.put(MANAJER, "Manajer layanan");
    GROUP_NAMES.put(ANALIS, "Analis proses");
    GROUP_NAMES.put(ADMIN, "Administrator");
  }

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("fo", "Front", "Office", FRONT_OFFICE),
      new DemoUser("fasilitator", "Fasilitator", "Puskesos", FASILITATOR),
      new DemoUser("bo", "Back", "Office", BACK_OFFICE),
      new DemoUser("koordinator", "Koordinator", "Puskesos", KOORDINATOR),
      new DemoUser("dinsos", "Petugas", "Dinsos", DINSOS),
      new DemoUser("baznas", "Petugas", "BAZNAS", BAZNAS),
      new DemoUser("salman", "Petugas", "Salman", SALMAN),
      new DemoUser("nakes", "Tenaga", "Kesehatan", NAKES),
      new DemoUser("babinsa", "Babinsa", "Kelurahan", BABINSA),
      new DemoUser("manajer", "Manajer", "Layanan", MANAJER),
      new DemoUser("analis", "Analis", "Proses", ANALIS),
      new DemoUser("admin", "Admin", "Rujukan", ADMIN));

  /** The demo users' ids: outside the demo profile none of them may keep the demo password. */
  static final List<String> USER_IDS = USERS.stream().map(DemoUser::id).toList();

  private final IdentityService identityService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public DemoData(IdentityService identityService, FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    GROUP_NAMES.forEach(this::ensureGroup);
    USERS.forEach(this::ensureUser);
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
    ensureFilter("Semua tugas", 10, "Semua tugas yang terbuka (koordinator dan manajer)",
        taskService.createTaskQuery().orderByTaskPriority().desc().orderByTaskCreateTime().asc(),
        List.of(KOORDINATOR, MANAJER));
    LOG.info("Demo users ready: {} (password '{}')", USERS.stream().map(DemoUser::id).toList(), PASSWORD);
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
    identityService.saveGroup(group);
  }

  private void ensureUser(DemoUser demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@puskesos.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
      identityService.createMembership(demo.id(), demo.group());
    }
  }

  /** A shared Tasklist filter, readable by the given groups once authorization is switched on. */
  private void ensureFilter(String name, int priority, String description, TaskQuery query, List<String> readers) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name).setOwner("admin").setQuery(query).setProperties(Map.of(
        "priority", priority,
        "description", description,
        // no auto-refresh: Tasklist reloads the open task's form on refresh, and typed input would be lost
        "refresh", false,
        "showUndefinedVariable", false,
        "variables", List.of(
            Map.of("name", "referralNumber", "label", "No. rujukan"),
            Map.of("name", "residentName", "label", "Warga"),
            Map.of("name", "programName", "label", "Program"))));
    filterService.saveFilter(filter);
    for (String group : readers) {
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.setGroupId(group);
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
