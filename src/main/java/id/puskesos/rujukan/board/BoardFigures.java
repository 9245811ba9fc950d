package id.puskesos.rujukan.board;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.referral.Stages;
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * One Puskesos's board at a glance (its cases and its tasks, by their tenant): open cases per stage, overdue tasks per stage and partner, time per stage over a
 * period, the facilitation rate by partner and month, the waiting lists, and the ten oldest overdue tasks. Each
 * figure reads only open work or the chosen period (indexed), never the whole history.
 */
@Service
@Transactional(readOnly = true)
public class BoardFigures {

  static final String REGISTRY = "Registri warga";

  public record Count(String key, String label, long count) {
  }

  public record Overdue(String taskId, String task, String referralNumber, String group, OffsetDateTime due,
      long daysLate, String tasklistUrl) {
  }

  public record Waiting(String program, String name, long cases, long amount, String unit) {
  }

  /**
   * The board. {@code stageDataErrors}: stages whose end lies before their start, left out of {@code timePerStage};
   * {@code facilitation}: the rates as {@link FacilitationFigures} defines them, with the definitions the page prints;
   * {@code dueStates}: open tasks late, due today, at risk and on time per stage and per partner ({@link DueStates}),
   * judged at the same moment as the late counts beside them.
   */
  public record Board(Puskesos puskesos, String from, String to, OffsetDateTime at, List<Count> openCasesByStage,
      List<Count> overdueByStage, List<Count> overdueByPartner, List<StageTimes.Figure> timePerStage,
      int stageDataErrors, FacilitationFigures.Figures facilitation, List<Waiting> waitingLists,
      List<Overdue> oldestOverdue, DueStates.Figures dueStates) {
  }

  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final FacilitationFigures facilitation;
  private final IdentityService identityService;
  private final CaseAccess caseAccess;
  private final Stages stages;
  private final StageTimesQuery stageTimes;
  private final DueStates dueStates;
  private final PuskesosDirectory directory;

  BoardFigures(JdbcClient jdbc, TaskService taskService, RuntimeService runtimeService,
      FacilitationFigures facilitation, IdentityService identityService, CaseAccess caseAccess, Stages stages,
      StageTimesQuery stageTimes, DueStates dueStates, PuskesosDirectory directory) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.facilitation = facilitation;
    this.identityService = identityService;
    this.caseAccess = caseAccess;
    this.stages = stages;
    this.stageTimes = stageTimes;
    this.dueStates = dueStates;
    this.directory = directory;
  }

  /** The board of one Puskesos ({@code tenantId}, which the caller may reach: {@link BoardController} checks). */
  public Board board(String tenantId, String from, String to) {
    Puskesos puskesos = directory.of(tenantId);
    FacilitationFigures.Figures rates = facilitation.figures(from, to, tenantId);
    Date now = ClockUtil.getCurrentTime();
    // every late count comes from the same grouped queries as the due-today and at-risk ones
    DueStates.Figures tasks = dueStates.figures(now, tenantId);
    List<Task> overdue = taskService.createTaskQuery().tenantIdIn(tenantId).dueBefore(now).orderByDueDate().asc()
        .listPage(0, 10);
    List<Overdue> oldest = new ArrayList<>();
    Map<String, String> groupNames = new HashMap<>();
    for (Task task : overdue) {
      OffsetDateTime due = task.getDueDate().toInstant().atZone(Dates.BANDUNG).toOffsetDateTime();
      String groups = String.join(", ", groups(task).stream()
          .map(g -> groupNames.computeIfAbsent(g, this::groupName)).toList());
      oldest.add(new Overdue(task.getId(), task.getName(), businessKey(task), groups, due,
          java.time.Duration.between(due, OffsetDateTime.now(Dates.BANDUNG)).toDays(),
          "/camunda/app/tasklist/default/#/?task=" + task.getId()));
    }
    StageTimesQuery.Result times = stageTimes.compute(tenantId,
        YearMonth.parse(from).atDay(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime(),
        YearMonth.parse(to).plusMonths(1).atDay(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime(),
        OffsetDateTime.now(Dates.BANDUNG));
    return new Board(puskesos, from, to, OffsetDateTime.now(Dates.BANDUNG), openCasesByStage(tenantId),
        DueStates.late(tasks.byStage()), DueStates.late(tasks.byPartner()), times.figures(), times.outOfOrder(), rates,
        waitingLists(tenantId), oldest, tasks);
  }

  private List<Count> openCasesByStage(String tenantId) {
    Map<Stage, Long> counts = openCases(tenantId);
    List<Count> result = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED) {
        result.add(new Count(stage.name(), stage.label(), counts.getOrDefault(stage, 0L)));
      }
    }
    return result;
  }

  /**
   * The open cases per stage, as the case view shows each ({@link Stages#ofCase}): the stage of the work a case waits
   * for, else the stage it last entered. Reads the open cases and the open tasks only: one Puskesos's
   * ({@code tenantId}, by its indexes), or every Puskesos's (null, the installation's metrics).
   */
  public Map<Stage, Long> openCases(String tenantId) {
    Map<String, Stage> entered = new HashMap<>();
    (tenantId == null ? jdbc.sql("SELECT referral_number, stage FROM referral WHERE status = 'OPEN'")
        : jdbc.sql("SELECT referral_number, stage FROM referral WHERE tenant_id = ? AND status = 'OPEN'")
            .param(tenantId)).query(rs -> {
              entered.put(rs.getString("referral_number"), Stage.valueOf(rs.getString("stage")));
            });
    Map<String, List<Task>> work = caseAccess.withoutAuthorization(() -> openTasksByCase(tenantId));
    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
    entered.forEach((number, stage) -> counts.merge(stages.ofCase(stage, work.getOrDefault(number, List.of())), 1L,
        Long::sum));
    return counts;
  }

  private Map<String, List<Task>> openTasksByCase(String tenantId) {
    TaskQuery query = taskService.createTaskQuery();
    List<Task> tasks = (tenantId == null ? query : query.tenantIdIn(tenantId)).list();
    Set<String> instances = new HashSet<>();
    tasks.forEach(task -> {
      if (task.getProcessInstanceId() != null) {
        instances.add(task.getProcessInstanceId());
      }
    });
    Map<String, String> numbers = new HashMap<>();
    if (!instances.isEmpty()) {
      runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()
          .forEach(instance -> numbers.put(instance.getId(), instance.getBusinessKey()));
    }
    Map<String, List<Task>> byCase = new HashMap<>();
    for (Task task : tasks) {
      String number = numbers.get(task.getProcessInstanceId());
      if (number != null) {
        byCase.computeIfAbsent(number, n -> new ArrayList<>()).add(task);
      }
    }
    return byCase;
  }

  /** The Puskesos's cases waiting for a partner's budget, per program (the queue is the partner's, city-wide). */
  private List<Waiting> waitingLists(String tenantId) {
    List<Waiting> lists = new ArrayList<>();
    jdbc.sql("""
        SELECT c.program_code, p.name, p.unit, COUNT(*) AS cases, SUM(c.amount) AS amount
        FROM budget_commitment c JOIN program p ON p.code = c.program_code
        JOIN referral r ON r.referral_number = c.referral_number
        WHERE r.tenant_id = ? AND c.status = 'WAITING' GROUP BY c.program_code, p.name, p.unit
        ORDER BY c.program_code""")
        .param(tenantId).query(rs -> {
          lists.add(new Waiting(rs.getString("program_code"), rs.getString("name"), rs.getLong("cases"),
              rs.getLong("amount"), rs.getString("unit")));
        });
    return lists;
  }

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The group's name as the administrator keeps it in Camunda (the board shows names, never group ids). */
  private String groupName(String id) {
    Group group = caseAccess.withoutAuthorization(() -> identityService.createGroupQuery().groupId(id).singleResult());
    return group == null || group.getName() == null || group.getName().isBlank() ? id : group.getName();
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }
}
