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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import id.puskesos.rujukan.evaluation.Appreciations;
import id.puskesos.rujukan.evaluation.EvaluationFeedback;
import id.puskesos.rujukan.evaluation.EvaluationMeetings;
import id.puskesos.rujukan.evaluation.Evaluations;

/** participatory-evaluation.bpmn: the pack, every participant's feedback, the joint meeting and its action items. */
@Deployment(resources = "processes/participatory-evaluation.bpmn")
class EvaluationProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  @AfterEach
  void noOneLoggedIn() {
    identityService().clearAuthentication();
  }

  @Test
  void aScheduledEvaluationAsksEveryParticipantAndTheMeetingsActionItemsBecomeTrackedTasks() {
    ProcessInstance round = startScheduled();
    assertThat(round).isWaitingAt(TASK_GIVE_FEEDBACK);
    verify(mocked(Evaluations.class)).sendPack(7L);
    List<Task> feedback = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_GIVE_FEEDBACK).list();
    assertThat(feedback).hasSize(4);
    assertThat(feedback.stream().map(t -> groups(t)).toList())
        .containsExactlyInAnyOrder("bo,fasilitator,fo,koordinator", "dinsos", "baznas", "salman");

    for (Task task : feedback) {
      String group = groups(task);
      complete(task, withVariables(WORKED.name(), "Berjalan baik menurut " + group, OBSTACLES.name(), "Anggaran",
          IDEAS.name(), "Ide",
          "scoreCoordination", "4", "scoreCooperation", "3", "scoreCollaboration", "5", "scoreInterprofessional", "2"));
    }

    // each participant's answer stays in its own scope: the recorder saw each once, with its own text
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> answers = ArgumentCaptor.forClass(Map.class);
    verify(mocked(EvaluationFeedback.class), times(4)).recordFeedback(eq(7L), anyString(), answers.capture(), any());
    assertThat(answers.getAllValues()).extracting(answer -> answer.get(WORKED.name()))
        .containsExactlyInAnyOrder("Berjalan baik menurut bo,fasilitator,fo,koordinator", "Berjalan baik menurut dinsos",
            "Berjalan baik menurut baznas", "Berjalan baik menurut salman");
    assertThat(runtimeService().getVariable(round.getId(), WORKED.name())).isNull();
    assertThat(round).isWaitingAt(TASK_HOLD_MEETING);
    assertThat(taskQuery().processInstanceId(round.getId()).singleResult()).satisfies(task ->
        assertThat(groups(task)).isEqualTo("koordinator"));

    complete(taskQuery().processInstanceId(round.getId()).singleResult(), withVariables(MEETING_DATE.name(),
        "2026-10-20", DECISIONS.name(), "Rapat bulanan bersama"));
    // the appreciation letters are sent after a save point
    assertThat(round).isWaitingAt(TASK_ISSUE_APPRECIATION);
    execute(job(round));
    verify(mocked(Appreciations.class)).issueAppreciation(7L);

    List<Task> actions = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_DO_ACTION_ITEM)
        .orderByDueDate().asc().list();
    assertThat(actions).extracting(this::groups).containsExactly("bo", "dinsos");
    assertThat(actions.get(0).getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2027, 1, 15).atTime(16, 0)
        .atZone(ZoneId.of("Asia/Jakarta")).toInstant()));
    complete(actions.get(0), withVariables(ACTION_OUTCOME.name(), "DONE", ACTION_RESULT.name(), "Sudah"));
    assertThat(round).isNotEnded();
    complete(actions.get(1), withVariables(ACTION_OUTCOME.name(), "DROPPED", ACTION_RESULT.name(),
        "Anggaran tidak ada"));

    var recorded = org.mockito.Mockito.inOrder(mocked(EvaluationMeetings.class));
    recorded.verify(mocked(EvaluationMeetings.class)).reportAction(101L, "DONE", "Sudah", "petugas");
    recorded.verify(mocked(EvaluationMeetings.class)).reportAction(102L, "DROPPED", "Anggaran tidak ada", "petugas");
    assertThat(round).isEnded().hasPassed(END_EVALUATION_CLOSED);
  }

  @Test
  void aParticipantWhoDoesNotAnswerByTheCloseDoesNotHoldUpTheMeeting() {
    identityService().setAuthenticatedUserId("koordinator");
    ProcessInstance round = runtimeService().startProcessInstanceByKey(PROCESS_ID,
        Map.of(PERIOD_FROM.name(), "2026-07-01", PERIOD_TO.name(), "2026-09-30"));
    assertThat(round).hasVariables(INITIATOR.name());
    List<Task> feedback = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_GIVE_FEEDBACK).list();
    feedback.stream().filter(t -> !groups(t).equals("salman")).forEach(task -> complete(task, withVariables(
        WORKED.name(), "a", OBSTACLES.name(), "b", IDEAS.name(), "c")));
    assertThat(round).isWaitingAt(TASK_GIVE_FEEDBACK);

    Job close = managementService().createJobQuery().processInstanceId(round.getId()).timers().singleResult();
    assertThat(close.getDuedate()).isEqualTo((java.util.Date) runtimeService().getVariable(round.getId(),
        FEEDBACK_CLOSES_AT.name()));
    execute(close);

    assertThat(round).hasPassed(TIMER_FEEDBACK_CLOSED).isWaitingAt(TASK_HOLD_MEETING);
    verify(mocked(EvaluationFeedback.class), times(3)).recordFeedback(eq(7L), anyString(), anyMap(), any());
    verify(mocked(EvaluationFeedback.class)).summarise(7L);
    assertThat(taskQuery().processInstanceId(round.getId()).taskDefinitionKey(TASK_GIVE_FEEDBACK).count()).isZero();
  }

  @Test
  void aMeetingWithoutActionItemsClosesTheEvaluationAfterTheLetters() {
    services.actionItemIds = List.of();
    ProcessInstance round = startScheduled();
    taskQuery().processInstanceId(round.getId()).list()
        .forEach(task -> complete(task, withVariables(WORKED.name(), "a")));
    complete(taskQuery().processInstanceId(round.getId()).singleResult());
    execute(job(round));
    assertThat(round).isEnded().hasPassed(END_EVALUATION_CLOSED).hasNotPassed(TASK_DO_ACTION_ITEM);
  }

  @Test
  void failingLettersAreRetriedThreeTimesThenAnIncidentWithoutUndoingTheMeeting() {
    services.actionItemIds = List.of();
    doThrow(new IllegalStateException("server surel mati")).when(mocked(Appreciations.class))
        .issueAppreciation(anyLong());
    ProcessInstance round = startScheduled();
    taskQuery().processInstanceId(round.getId()).list()
        .forEach(task -> complete(task, withVariables(WORKED.name(), "a")));
    complete(taskQuery().processInstanceId(round.getId()).singleResult());

    String job = failUntilIncident(TASK_ISSUE_APPRECIATION, 3, "server surel mati");
    assertThat(round).hasPassed(TASK_RECORD_MEETING).isWaitingAt(TASK_ISSUE_APPRECIATION);

    org.mockito.Mockito.doReturn(2).when(mocked(Appreciations.class)).issueAppreciation(anyLong());
    managementService().setJobRetries(job, 1);
    passSavePoints();
    assertThat(round).isEnded();
  }

  @Test
  void aQuarterEvaluatedBeforeByHandEndsTheScheduledRoundAtOnce() {
    services.alreadyEvaluated = true;
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
