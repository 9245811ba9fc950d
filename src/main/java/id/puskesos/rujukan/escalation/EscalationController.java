package id.puskesos.rujukan.escalation;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.ReferralQueries;
import id.puskesos.rujukan.referral.ReferralView;

/**
 * The city SLRT's side of an escalation, for a city system that does not work in this Tasklist:
 * {@code GET /api/referrals/{number}/escalation} is the case file as it was sent (JSON);
 * {@code POST /api/referrals/{number}/escalation/answer} with {@code {"answer": "TAKEN_OVER"|"RETURNED", "note"}}
 * answers it, exactly as the city's Tasklist task does.
 */
@RestController
@RequestMapping("/api/referrals")
public class EscalationController {

  private final Escalations escalations;
  private final TaskService taskService;
  private final CaseAccess caseAccess;
  private final ReferralQueries queries;
  private final Roles roles;

  public EscalationController(Escalations escalations, TaskService taskService, CaseAccess caseAccess,
      ReferralQueries queries, Roles roles) {
    this.escalations = escalations;
    this.taskService = taskService;
    this.caseAccess = caseAccess;
    this.queries = queries;
    this.roles = roles;
  }

  @GetMapping(path = "/{referralNumber}/escalation", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<byte[]> file(@PathVariable String referralNumber) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(escalations.file(referralNumber));
  }

  @PostMapping("/{referralNumber}/escalation/answer")
  public ReferralView answer(@PathVariable String referralNumber, @RequestBody Answer answer) {
    roles.require("SLRT kota", Groups.SLRT);
    Task task = caseAccess.withoutAuthorization(() -> taskService.createTaskQuery().processInstanceBusinessKey(
        referralNumber).taskDefinitionKey(ReferralProcess.TASK_ANSWER_ESCALATION).singleResult());
    if (task == null) {
      throw new ConflictException("Rujukan %s tidak menunggu jawaban SLRT kota".formatted(referralNumber));
    }
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(CaseVariables.CITY_ANSWER.name(), answer.answer());
    variables.put(CaseVariables.CITY_NOTE.name(), answer.note());
    taskService.complete(task.getId(), variables);
    return queries.view(referralNumber);
  }

  public record Answer(String answer, String note) {
  }
}
