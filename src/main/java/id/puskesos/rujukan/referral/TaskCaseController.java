package id.puskesos.rujukan.referral;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * What Tasklist shows beside a task (tasklist/scripts/desk.js): the case it belongs to, with the link to the case page,
 * and whether the caller may claim it; a task another organisation works on is shown for reading only, with whose it
 * is. A task the caller cannot see does not exist for them.
 */
@RestController
public class TaskCaseController {

  /**
   * {@code caseUrl} is null for a task of no case (an evaluation, a report); {@code ours}: the caller's group's or the
   * caller's own task (else another organisation's, shown for reading); {@code mayClaim}: ours and nobody has it.
   */
  public record TaskCase(String taskId, String referralNumber, String caseUrl, boolean mayClaim, boolean ours,
      List<String> workedBy) {
  }

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseAccess caseAccess;
  private final CaseFile caseFile;

  public TaskCaseController(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      CaseAccess caseAccess, CaseFile caseFile) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.caseAccess = caseAccess;
    this.caseFile = caseFile;
  }

  @GetMapping("/api/tasks/{taskId}/case")
  public TaskCase of(@PathVariable String taskId) {
    // the caller's own authorizations decide whether the task exists for them
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("Tugas " + taskId + " tidak ditemukan");
    }
    String number = caseAccess.withoutAuthorization(() -> {
      ProcessInstance instance = task.getProcessInstanceId() == null ? null
          : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
      return instance == null ? null : instance.getBusinessKey();
    });
    List<IdentityLink> links = caseAccess.withoutAuthorization(() -> taskService.getIdentityLinksForTask(taskId));
    List<String> candidates = links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    Authentication caller = identityService.getCurrentAuthentication();
    String user = caller == null ? null : caller.getUserId();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    boolean candidate = candidates.stream().anyMatch(groups::contains) || links.stream()
        .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && user != null && user.equals(l.getUserId()));
    boolean ours = candidate || user != null && user.equals(task.getAssignee());
    boolean ofCase = number != null && caseFileHas(number);
    return new TaskCase(taskId, ofCase ? number : null, ofCase ? "/kasus/?nomor=" + number : null,
        candidate && task.getAssignee() == null, ours, candidates.stream().map(this::groupLabel).toList());
  }

  private boolean caseFileHas(String number) {
    return caseFile.find(number).isPresent();
  }

  /** The group's name as the administrator keeps it in Camunda, as the board shows it. */
  private String groupLabel(String id) {
    Group group = caseAccess.withoutAuthorization(() -> identityService.createGroupQuery().groupId(id).singleResult());
    return group == null || group.getName() == null || group.getName().isBlank() ? id : group.getName();
  }
}
