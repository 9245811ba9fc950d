package id.puskesos.rujukan.sla;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Dates;

/**
 * After the calendar changed on one day, moves the due dates that were computed from working time and so depend on
 * it. A user task's due date moves when it equals what its service level ({@code rujukan.sla}, normal or urgent, or
 * a {@code camunda:dueDate} such as {@code 3WD} in the model) gave from its creation on the calendar before the
 * change: then the engine set it and nobody changed it since; a date a person set differs and stays. A model due date
 * given by an expression ({@code ${...}}) is not counted in working time and stays. A timer whose date expression
 * ({@code timeDate}, e.g. the partner's decision timeout {@code 10WD}) gives working time moves by the same rule,
 * counted from the job's creation. Runs as the engine itself (no signed-in user), after the caller was checked.
 */
@Component
public class DueDateRecompute {

  /** Due dates within this of the computed one count as computed (the timer's date is resolved just before its row). */
  private static final long SAME_MILLIS = 5_000;

  private final TaskService taskService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ProcessEngine engine;
  private final SlaSettings.Policy policy;
  /** Per process definition: the {@code camunda:dueDate} of its user tasks that have one. */
  private final Map<String, Map<String, String>> modelDueDates = new ConcurrentHashMap<>();
  /** Per job definition: the timer's date expression, or none for other timers and jobs. */
  private final Map<String, Optional<String>> timerDates = new ConcurrentHashMap<>();

  public DueDateRecompute(TaskService taskService, ManagementService managementService,
      RepositoryService repositoryService, IdentityService identityService, ProcessEngine engine,
      SlaSettings.Policy policy) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.engine = engine;
    this.policy = policy;
  }

  /** What moved: user tasks and timers. */
  public record Moved(int tasks, int timers) {
  }

  /** Moves the due dates whose window holds the day, from the calendar before the change to the one after. */
  public Moved recompute(LocalDate day, WorkingCalendar before, WorkingCalendar after) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return new Moved(tasks(day, new WorkingDaysBusinessCalendar(before), new WorkingDaysBusinessCalendar(after)),
          timers(day, new WorkingDaysBusinessCalendar(before), new WorkingDaysBusinessCalendar(after)));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private int tasks(LocalDate day, WorkingDaysBusinessCalendar before, WorkingDaysBusinessCalendar after) {
    int moved = 0;
    // one query: the open tasks created by the end of the day and due from its start, whose window holds the day
    for (Task task : taskService.createTaskQuery().dueAfter(new Date(start(day).getTime() - 1))
        .taskCreatedBefore(start(day.plusDays(1))).list()) {
      for (String level : levels(task)) {
        Date computed = before.resolveDuedate(level, task.getCreateTime());
        if (Math.abs(computed.getTime() - task.getDueDate().getTime()) < SAME_MILLIS) {
          Date due = after.resolveDuedate(level, task.getCreateTime());
          if (!due.equals(task.getDueDate())) {
            task.setDueDate(due);
            taskService.saveTask(task);
            moved++;
          }
          break;
        }
      }
    }
    return moved;
  }

  /** The working-time service levels the task's due date may have come from. */
  private List<String> levels(Task task) {
    if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
      return List.of();
    }
    String model = modelDueDates.computeIfAbsent(task.getProcessDefinitionId(), this::readModelDueDates)
        .get(task.getTaskDefinitionKey());
    Stream<String> levels = model != null ? Stream.of(model)
        : Stream.of(policy.of(task.getTenantId(), task.getTaskDefinitionKey(), false),
            policy.of(task.getTenantId(), task.getTaskDefinitionKey(), true));
    return levels.filter(WorkingDaysBusinessCalendar::countsWorkingTime).distinct().toList();
  }

  private Map<String, String> readModelDueDates(String processDefinitionId) {
    Map<String, String> dueDates = new HashMap<>();
    for (UserTask task : repositoryService.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(UserTask.class)) {
      if (task.getCamundaDueDate() != null) {
        dueDates.put(task.getId(), task.getCamundaDueDate());
      }
    }
    return Map.copyOf(dueDates);
  }

  private int timers(LocalDate day, WorkingDaysBusinessCalendar before, WorkingDaysBusinessCalendar after) {
    Map<String, Date> moves = new HashMap<>();
    List<Job> timers = managementService.createJobQuery().timers().active()
        .duedateHigherThan(new Date(start(day).getTime() - 1)).list();
    for (Job job : timers) {
      if (job.getCreateTime() == null || !job.getCreateTime().before(start(day.plusDays(1)))
          || job.getExecutionId() == null || job.getJobDefinitionId() == null) {
        continue;
      }
      Optional<String> expression = timerDates.computeIfAbsent(job.getJobDefinitionId(), this::readTimerDate);
      String level = expression.map(text -> evaluate(text, job.getExecutionId())).orElse(null);
      if (!WorkingDaysBusinessCalendar.countsWorkingTime(level)) {
        continue;
      }
      long offset = job.getDuedate().getTime() - before.resolveDuedate(level, job.getCreateTime()).getTime();
      if (Math.abs(offset) < SAME_MILLIS) {
        Date due = new Date(after.resolveDuedate(level, job.getCreateTime()).getTime() + offset);
        if (!due.equals(job.getDuedate())) {
          moves.put(job.getId(), due);
        }
      }
    }
    moves.forEach(managementService::setJobDuedate);
    return moves.size();
  }

  /** A timer's {@code timeDate} expression, from its job definition ("DATE: ${...}"); none for other kinds. */
  private Optional<String> readTimerDate(String jobDefinitionId) {
    JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(jobDefinitionId)
        .singleResult();
    String configuration = definition == null ? null : definition.getJobConfiguration();
    return configuration != null && configuration.startsWith("DATE: ")
        ? Optional.of(configuration.substring("DATE: ".length())) : Optional.empty();
  }

  /** The expression's value in the timer's execution, as the engine evaluated it; null when it is not text. */
  private String evaluate(String expression, String executionId) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    Object value = configuration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
      return execution == null ? null
          : configuration.getExpressionManager().createExpression(expression).getValue(execution);
    });
    return value instanceof String text ? text : null;
  }

  private static Date start(LocalDate day) {
    return Date.from(day.atStartOfDay(Dates.BANDUNG).toInstant());
  }
}
