package id.puskesos.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.process.PartnerReferralProcess;
import id.puskesos.rujukan.process.ReferralProcess;

/** A task's stage is what its model says, read from the model itself; a case is in the stage of its open work. */
class StagesTest {

  private static final String HOME_VISIT = ReferralProcess.TASK_HOME_VISIT;
  private static final String REVIEW_ADDED_NEEDS = ReferralProcess.TASK_REVIEW_ADDED_NEEDS;

  @Test
  void theStageOfATaskIsTheOneItsModelGivesIt() throws IOException {
    Stages.Model model = Stages.read(model("processes/referral.bpmn"));

    assertThat(model.stageOfTask()).containsEntry(HOME_VISIT, Stage.VERIFICATION)
        .containsEntry(ReferralProcess.TASK_ASSESS_NEEDS, Stage.ASSESSMENT)
        .containsEntry(ReferralProcess.TASK_FOLLOW_UP, Stage.FOLLOW_UP);
    assertThat(Stages.read(model("processes/partner-referral.bpmn")).stageOfTask())
        .containsEntry(PartnerReferralProcess.TASK_DECIDE_REFERRAL, Stage.PARTNER_DECISION)
        .containsEntry(PartnerReferralProcess.TASK_DISTRIBUTE_AID, Stage.DISTRIBUTION);
  }

  /** The SLRT order's tasks (recommendation, the koordinator's decision, the city's answer) are routing work. */
  @Test
  void theTasksOfTheSlrtOrderAreInTheRoutingStage() throws IOException {
    Stages.Model model = Stages.read(model("processes/referral.bpmn"));

    assertThat(model.stageOfTask()).containsEntry(ReferralProcess.TASK_PREPARE_RECOMMENDATION, Stage.ROUTING)
        .containsEntry(ReferralProcess.TASK_DECIDE_SERVICE, Stage.ROUTING)
        .containsEntry(ReferralProcess.TASK_ANSWER_ESCALATION, Stage.ROUTING)
        .doesNotContainKeys("task_routeManually");
    assertThat(model.sideWork()).doesNotContain(ReferralProcess.TASK_PREPARE_RECOMMENDATION,
        ReferralProcess.TASK_DECIDE_SERVICE, ReferralProcess.TASK_ANSWER_ESCALATION);
    assertThat(Stages.read(model("processes/partner-referral.bpmn")).stageOfTask())
        .doesNotContainKeys("task_confirmService");
  }

  @Test
  void everyUserTaskOfTheCaseModelsHasAStage() throws IOException {
    for (String path : List.of("processes/referral.bpmn", "processes/partner-referral.bpmn")) {
      BpmnModelInstance instance = model(path);
      List<String> userTasks = instance.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
      assertThat(Stages.read(instance).stageOfTask()).as(path).containsOnlyKeys(userTasks);
    }
  }

  @Test
  void movingTheTasksPropertyMovesTheTaskAndNothingElse() throws IOException {
    String xml = Files.readString(Path.of("processes/referral.bpmn"));
    int task = xml.indexOf("id=\"" + HOME_VISIT + "\"");
    int property = xml.indexOf("value=\"VERIFICATION\"", task);
    String moved = xml.substring(0, property) + "value=\"ASSESSMENT\"" + xml.substring(property
        + "value=\"VERIFICATION\"".length());

    Stages.Model model = Stages.read(Bpmn.readModelFromStream(
        new ByteArrayInputStream(moved.getBytes(StandardCharsets.UTF_8))));

    assertThat(model.stageOfTask()).containsEntry(HOME_VISIT, Stage.ASSESSMENT)
        .containsEntry(ReferralProcess.TASK_PREPARE_RECOMMENDATION, Stage.ROUTING);
  }

  @Test
  void aTaskInAnEventSubprocessIsSideWork() throws IOException {
    Stages.Model model = Stages.read(model("processes/referral.bpmn"));

    assertThat(model.stageOfTask()).containsEntry(REVIEW_ADDED_NEEDS, Stage.ROUTING);
    assertThat(model.sideWork()).containsExactly(REVIEW_ADDED_NEEDS);
  }

  @Test
  void aCaseIsInTheEarliestStageOfTheWorkItWaitsForElseInTheStageItEntered() {
    assertThat(Stages.ofCaseWaitingFor(Stage.DISTRIBUTION, List.of(Stage.DISTRIBUTION, Stage.PARTNER_DECISION)))
        .isEqualTo(Stage.PARTNER_DECISION);
    assertThat(Stages.ofCaseWaitingFor(Stage.PARTNER_DECISION, List.of(Stage.DISTRIBUTION)))
        .isEqualTo(Stage.DISTRIBUTION);
    assertThat(Stages.ofCaseWaitingFor(Stage.FOLLOW_UP, List.of())).isEqualTo(Stage.FOLLOW_UP);
    assertThat(Stages.ofCaseWaitingFor(Stage.CLOSED, List.of(Stage.ROUTING))).isEqualTo(Stage.CLOSED);
  }

  @Test
  void aModelWithoutStagesGivesNone() {
    assertThat(Stages.read(Bpmn.createExecutableProcess("other").startEvent().userTask("task_other").endEvent()
        .done()).stageOfTask()).isEmpty();
    assertThat(Stages.read(null).stageOfTask()).isEmpty();
  }

  private static BpmnModelInstance model(String path) throws IOException {
    return Bpmn.readModelFromFile(Path.of(path).toFile());
  }
}
