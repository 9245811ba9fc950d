package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Date;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.report.Period;
import id.puskesos.rujukan.report.PeriodData;
import id.puskesos.rujukan.report.PeriodFigures;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.Stage;

/**
 * The analyst moves a stage boundary in the model alone, as the Javadoc of the stage property promises: a version of
 * the referral whose home visit belongs to the assessment shows a case waiting there in the assessment, on the case
 * view, on the board and in the period report. No code changes.
 */
class StageFromModelScenarioTest extends ScenarioTestSupport {

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private PeriodData periodData;

  private String deploymentId;

  @AfterEach
  void undeploy() {
    // the next tests start the shipped version again
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void movingATasksStageInTheModelMovesWhatTheBoardAndTheReportsShowForACaseWaitingThere() throws IOException {
    Period month = Period.month(YearMonth.now(RujukanApplication.ZONE));
    JsonNode boardBefore = api.get("manajer", "/api/board").getBody();
    long reportedBefore = completed(PeriodFigures.compute(periodData.load(month)), Stage.ASSESSMENT);
    deploymentId = deployHomeVisitIn(Stage.ASSESSMENT);

    String number = api.openCase("FOOD");
    Task visit = api.task(number, ReferralProcess.TASK_HOME_VISIT);
    visit.setDueDate(new Date(0));
    taskService.saveTask(visit);

    assertThat(api.view(number).get("stage").asText()).isEqualTo(Stage.ASSESSMENT.name());
    JsonNode board = api.get("manajer", "/api/board").getBody();
    assertThat(count(board.get("overdueByStage"), Stage.ASSESSMENT.label())
        - count(boardBefore.get("overdueByStage"), Stage.ASSESSMENT.label())).isEqualTo(1);
    assertThat(count(board.get("overdueByStage"), Stage.VERIFICATION.label()))
        .isEqualTo(count(boardBefore.get("overdueByStage"), Stage.VERIFICATION.label()));

    api.verifyValid(number);

    assertThat(completed(PeriodFigures.compute(periodData.load(month)), Stage.ASSESSMENT) - reportedBefore)
        .as("the visit counts in the assessment's service level").isEqualTo(1);
  }

  /** The shipped referral with the home visit's stage property changed, deployed with the forms it names. */
  private String deployHomeVisitIn(Stage stage) throws IOException {
    String xml = Files.readString(Path.of("processes/referral.bpmn"));
    int task = xml.indexOf("id=\"" + ReferralProcess.TASK_HOME_VISIT + "\"");
    String shipped = "value=\"" + Stage.VERIFICATION.name() + "\"";
    int property = xml.indexOf(shipped, task);
    assertThat(xml.lastIndexOf("<bpmn:userTask", property)).as("the property is the home visit's").isEqualTo(
        xml.lastIndexOf("<bpmn:userTask", task));
    String moved = xml.substring(0, property) + "value=\"" + stage.name() + "\"" + xml.substring(
        property + shipped.length());
    DeploymentBuilder deployment = repositoryService.createDeployment().name("stage-moved")
        .addString("referral.bpmn", moved);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        deployment.addString(form.getFileName().toString(), Files.readString(form));
      }
    }
    return deployment.deploy().getId();
  }

  private static long completed(PeriodFigures.Figures figures, Stage stage) {
    return figures.onTime().stream().filter(t -> t.key().equals(stage.name()))
        .mapToLong(PeriodFigures.OnTime::completed).sum();
  }

  private static long count(JsonNode counts, String key) {
    for (JsonNode count : counts) {
      if (count.get("key").asText().equals(key)) {
        return count.get("count").asLong();
      }
    }
    return 0;
  }
}
