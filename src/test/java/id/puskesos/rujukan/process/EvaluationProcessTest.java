package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.EvaluationProcess.*;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** participatory-evaluation.bpmn: the pack, every participant's feedback, the joint meeting and its action items. */
@Deployment(resources = "processes/participatory-evaluation.bpmn")
class EvaluationProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  private EvaluationFakes evaluation;

  @BeforeEach
  void evaluationFakes() {
    evaluation = EvaluationFakes.register(fakes);
  }

  @AfterEach
  void noOneLoggedIn() {
    identityService().clearAuthentication();
  }

  @Test
  void aScheduledEvaluationAsksEveryParticipantAndTheMeetingsActionItemsBecomeTrackedTasks() {
    ProcessInstance round = startScheduled();
    assertThat(round).isWaitingAt(TASK_GIVE_FEEDBACK);
    assertThat(fakes.callsAt(TASK_SEND_PACK)).hasSize(1);
    List<Task> feedback = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_GIVE_FEEDBACK).list();
    assertThat(feedback).hasSize(4);
    assertThat(feedback.stream().map(t -> groups(t)).toList())
        .containsExactlyInAnyOrder("bo,fasilitator,fo,koordinator", "dinsos", "baznas", "salman");

    for (Task task : feedback) {
      String group = groups(task);
      complete(task, withVariables(WORKED, "Berjalan baik menurut " + group, OBSTACLES, "Anggaran", IDEAS, "Ide",
          "scoreCoordination", "4", "scoreCooperation", "3", "scoreCollaboration", "5", "scoreInterprofessional", "2"));
    }

    // each participant's answer stays in its own scope: the recorder saw each once, with its own text
    assertThat(fakes.callsAt(TASK_RECORD_FEEDBACK)).extracting(call -> call.variables().get(WORKED))
        .containsExactlyInAnyOrder("Berjalan baik menurut bo,fasilitator,fo,koordinator", "Berjalan baik menurut dinsos",
            "Berjalan baik menurut baznas", "Berjalan baik menurut salman");
    assertThat(runtimeService().getVariable(round.getId(), WORKED)).isNull();
    assertThat(round).isWaitingAt(TASK_HOLD_MEETING);
    assertThat(taskQuery().processInstanceId(round.getId()).singleResult()).satisfies(task ->
        assertThat(groups(task)).isEqualTo("koordinator"));

    complete(taskQuery().processInstanceId(round.getId()).singleResult(), withVariables(MEETING_DATE, "2026-10-20",
        DECISIONS, "Rapat bulanan bersama"));
    // the appreciation letters are sent after a save point
    assertThat(round).isWaitingAt(TASK_ISSUE_APPRECIATION);
    execute(job(round));
    assertThat(fakes.callsAt(TASK_ISSUE_APPRECIATION)).hasSize(1);

    List<Task> actions = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_DO_ACTION_ITEM)
        .orderByDueDate().asc().list();
    assertThat(actions).extracting(this::groups).containsExactly("bo", "dinsos");
    assertThat(actions.get(0).getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2027, 1, 15).atTime(16, 0)
        .atZone(ZoneId.of("Asia/Jakarta")).toInstant()));
    complete(actions.get(0), withVariables(ACTION_OUTCOME, "DONE", ACTION_RESULT, "Sudah"));
    assertThat(round).isNotEnded();
    complete(actions.get(1), withVariables(ACTION_OUTCOME, "DROPPED", ACTION_RESULT, "Anggaran tidak ada"));

    assertThat(fakes.callsAt(TASK_RECORD_ACTION_ITEM)).extracting(call -> call.variables().get(ACTION_ITEM_ID))
        .containsExactly(101L, 102L);
    assertThat(round).isEnded().hasPassed(END_EVALUATION_CLOSED);
  }

  @Test
  void aParticipantWhoDoesNotAnswerByTheCloseDoesNotHoldUpTheMeeting() {
    identityService().setAuthenticatedUserId("koordinator");
    ProcessInstance round = runtimeService().startProcessInstanceByKey(PROCESS_ID,
        Map.of(PERIOD_FROM, "2026-07-01", PERIOD_TO, "2026-09-30"));
    assertThat(round).hasVariables(INITIATOR);
    List<Task> feedback = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_GIVE_FEEDBACK).list();
    feedback.stream().filter(t -> !groups(t).equals("salman")).forEach(task -> complete(task, withVariables(
        WORKED, "a", OBSTACLES, "b", IDEAS, "c")));
    assertThat(round).isWaitingAt(TASK_GIVE_FEEDBACK);

    Job close = managementService().createJobQuery().processInstanceId(round.getId()).timers().singleResult();
    assertThat(close.getDuedate()).isEqualTo((java.util.Date) runtimeService().getVariable(round.getId(),
        FEEDBACK_CLOSES_AT));
    execute(close);

    assertThat(round).hasPassed(TIMER_FEEDBACK_CLOSED).isWaitingAt(TASK_HOLD_MEETING);
    assertThat(fakes.callsAt(TASK_RECORD_FEEDBACK)).hasSize(3);
    assertThat(fakes.callsAt(TASK_SUMMARISE_FEEDBACK)).hasSize(1);
    assertThat(taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_GIVE_FEEDBACK).count()).isZero();
  }

  @Test
  void aMeetingWithoutActionItemsClosesTheEvaluationAfterTheLetters() {
    evaluation.actionItemIds = List.of();
    ProcessInstance round = startScheduled();
    taskQuery().processInstanceId(round.getId()).list().forEach(task -> complete(task, withVariables(WORKED, "a")));
    complete(taskQuery().processInstanceId(round.getId()).singleResult());
    execute(job(round));
    assertThat(round).isEnded().hasPassed(END_EVALUATION_CLOSED).hasNotPassed(TASK_DO_ACTION_ITEM);
  }

  @Test
  void failingLettersAreRetriedThreeTimesThenAnIncidentWithoutUndoingTheMeeting() {
    evaluation.actionItemIds = List.of();
    fakes.replace("issueAppreciationDelegate", execution -> {
      throw new IllegalStateException("server surel mati");
    });
    ProcessInstance round = startScheduled();
    taskQuery().processInstanceId(round.getId()).list().forEach(task -> complete(task, withVariables(WORKED, "a")));
    complete(taskQuery().processInstanceId(round.getId()).singleResult());

    String job = failUntilIncident(TASK_ISSUE_APPRECIATION, 3, "server surel mati");
    assertThat(round).hasPassed(TASK_RECORD_MEETING).isWaitingAt(TASK_ISSUE_APPRECIATION);

    fakes.replace("issueAppreciationDelegate", execution -> { });
    managementService().setJobRetries(job, 1);
    passSavePoints();
    assertThat(round).isEnded();
  }

  @Test
  void aQuarterEvaluatedBeforeByHandEndsTheScheduledRoundAtOnce() {
    evaluation.alreadyEvaluated = true;
    ProcessInstance round = startScheduled();
    assertThat(round).isEnded().hasPassed(END_ALREADY_EVALUATED).hasNotPassed(TASK_SEND_PACK);
  }

  /** Started as the quarterly schedule starts it: no period, no initiator. */
  private ProcessInstance startScheduled() {
    return runtimeService().startProcessInstanceByKey(PROCESS_ID);
  }

  /** The task's candidate groups, sorted and joined. */
  private String groups(Task task) {
    return String.join(",", org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
        .getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).sorted().toList());
  }
}
