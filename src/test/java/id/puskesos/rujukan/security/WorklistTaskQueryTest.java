package id.puskesos.rujukan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import id.puskesos.rujukan.SignedIn;
import id.puskesos.rujukan.RujukanSpringTest;
import id.puskesos.rujukan.scenario.CaseApi;

/**
 * The worklist's own statement (WorklistTaskQuery) lists exactly what the engine's lists, in the same order, and
 * counts the same, for the filter "Tugas kelompok saya" as Tasklist calls it: for a Puskesos group that reads its
 * tasks through its definition grant, a partner that reads them through its grant on each task, another partner,
 * a user in two groups (with a task that is a candidate for both), and a user with a revoke (which makes the
 * engine check each task on its own).
 */
@RujukanSpringTest
class WorklistTaskQueryTest {

  private static final String FILTER = "Tugas kelompok saya";

  @Autowired
  private TestRestTemplate http;
  @Autowired
  private TaskService taskService;
  @Autowired
  private FilterService filterService;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private WorklistTaskQuery worklistTaskQuery;

  private final List<String> tasks = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    worklistTaskQuery.setEnabled(true);
    identityService.clearAuthentication();
    authorizations.forEach(authorizationService::deleteAuthorization);
    tasks.forEach(id -> taskService.deleteTask(id, true));
  }

  /** What a user's worklist shows, one way or the other. */
  record Worklist(List<String> firstPage, List<Set<String>> all, long count, long countWithoutTasklistsSorting) {
  }

  @Test
  void theWorklistStatementListsAndCountsWhatTheEngineDoesInItsOrder() {
    CaseApi api = new CaseApi(http, taskService);
    // a home visit, which the fasilitator group reads through its grant on the definition, and a partner's decision,
    // which dinsos reads through its grant on the task
    Task visit = api.task(api.openCase("ELDERLY"), "task_homeVisit");
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    Task decision = api.programTask(number, "task_decideReferral", "ATENSI");

    Instant start = Instant.now().minus(Duration.ofDays(1));
    List<String> groups = List.of("fasilitator", "dinsos", "baznas", "koordinator");
    for (int i = 0; i < 48; i++) {
      // priorities above the cases' (50, 80), with ties, so that the creation time orders within a priority
      standaloneTask(groups.get(i % groups.size()), 81 + (i * 7) % 20, start.plusSeconds(60L * i), i % 5 == 0);
    }
    String both = standaloneTask("fasilitator", 100, start.minusSeconds(60), false);
    taskService.addCandidateGroup(both, "fo");
    String withdrawn = standaloneTask("dinsos", 99, start.minusSeconds(120), false);
    authorizationService.deleteAuthorization(authorizationService.createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(withdrawn).groupIdIn("dinsos").singleResult().getId());
    String revoked = standaloneTask("koordinator", 99, start.minusSeconds(180), false);
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(revoked);
    // the user's revoke outranks the group's grant on the task (with both on one level, the engine lets the grant win)
    revoke.setUserId("koordinator");
    revoke.removePermission(Permissions.READ);
    authorizations.add(authorizationService.saveAuthorization(revoke).getId());

    Worklist fasilitator = same("fasilitator", List.of("fasilitator"));
    assertThat(flat(fasilitator)).contains(visit.getId(), both).doesNotContain(decision.getId());
    Worklist dinsos = same("dinsos", List.of("dinsos"));
    assertThat(flat(dinsos)).contains(decision.getId()).doesNotContain(withdrawn, visit.getId());
    Worklist baznas = same("baznas", List.of("baznas"));
    assertThat(flat(baznas)).doesNotContain(decision.getId(), withdrawn).isNotEmpty();
    Worklist koordinator = same("koordinator", List.of("koordinator"));
    assertThat(flat(koordinator)).doesNotContain(revoked).isNotEmpty();
    Worklist twoGroups = same("fo", List.of("fo", "fasilitator"));
    assertThat(flat(twoGroups)).contains(both, visit.getId());
    assertThat(flat(twoGroups).stream().filter(both::equals)).hasSize(1);
  }

  /** The worklist with the worklist statement and with the engine's: equal, and the statement answered. */
  private Worklist same(String user, List<String> groups) {
    long answered = worklistTaskQuery.answered();
    Worklist fast = worklist(user, groups, true);
    assertThat(worklistTaskQuery.answered()).as("lists and counts the worklist statement answered for " + user)
        .isEqualTo(answered + 4);
    Worklist engine = worklist(user, groups, false);
    assertThat(worklistTaskQuery.answered()).isEqualTo(answered + 4);
    assertThat(fast).as(user).isEqualTo(engine);
    assertThat(fast.count()).isEqualTo(flat(fast).size()).isPositive();
    assertThat(fast.firstPage()).hasSize((int) Math.min(15, fast.count()));
    return fast;
  }

  private Worklist worklist(String user, List<String> groups, boolean fast) {
    worklistTaskQuery.setEnabled(fast);
    String filter = filterService.createFilterQuery().filterName(FILTER).singleResult().getId();
    SignedIn.as(identityService, user, groups);
    try {
      List<Task> page = filterService.listPage(filter, tasklistsSorting(), 0, 15);
      List<Task> all = filterService.list(filter, tasklistsSorting());
      return new Worklist(page.stream().map(Task::getId).toList(), inOrder(all),
          filterService.count(filter, tasklistsSorting()), filterService.count(filter));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** What Tasklist adds to a filter's query: its default sorting, newest first, and active tasks only. */
  private TaskQuery tasklistsSorting() {
    return taskService.createTaskQuery().orderByTaskCreateTime().desc().active();
  }

  /**
   * The tasks in the filter's order; tasks with the same priority and creation time, which neither query orders,
   * as a set.
   */
  private static List<Set<String>> inOrder(List<Task> tasks) {
    List<Set<String>> ordered = new ArrayList<>();
    Task previous = null;
    for (Task task : tasks) {
      if (previous == null || previous.getPriority() != task.getPriority()
          || !Objects.equals(previous.getCreateTime(), task.getCreateTime())) {
        ordered.add(new LinkedHashSet<>());
      }
      ordered.get(ordered.size() - 1).add(task.getId());
      previous = task;
    }
    return ordered.stream().map(Set::copyOf).toList();
  }

  private static List<String> flat(Worklist worklist) {
    return worklist.all().stream().flatMap(Set::stream).toList();
  }

  private String standaloneTask(String group, int priority, Instant created, boolean assigned) {
    TaskEntity task = (TaskEntity) taskService.newTask();
    task.setName("Tugas uji daftar kerja");
    task.setPriority(priority);
    task.setCreateTime(Date.from(created));
    if (assigned) {
      task.setAssignee(group);
    }
    taskService.saveTask(task);
    tasks.add(task.getId());
    taskService.addCandidateGroup(task.getId(), group);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getCreateTime())
        .isEqualTo(Date.from(created));
    return task.getId();
  }
}
