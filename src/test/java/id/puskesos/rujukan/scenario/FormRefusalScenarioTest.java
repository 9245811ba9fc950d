package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.process.MonthlyReportProcess;

/**
 * Errors staff can read: a form refused for bad input answers 400 over Camunda's REST API (the way Tasklist submits
 * forms) with the Indonesian message Tasklist shows, the task stays open, and nothing is logged as an error; a real
 * failure is still a 500, logged as an error. Over real HTTP against the running application, with the log captured.
 */
@ExtendWith(OutputCaptureExtension.class)
class FormRefusalScenarioTest extends ScenarioTestSupport {

  @Autowired
  private RepositoryService repositoryService;

  @Test
  void aFormRefusedForBadInputAnswers400WithTheIndonesianMessageAndLogsNoError(CapturedOutput output) {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    Map<String, Object> futureVisit = homeVisit(LocalDate.now(RujukanApplication.ZONE).plusDays(3));

    ResponseEntity<JsonNode> submitted = post("fasilitator", "/engine-rest/task/" + visit.getId() + "/submit-form",
        futureVisit);
    ResponseEntity<JsonNode> completed = post("fasilitator", "/engine-rest/task/" + visit.getId() + "/complete",
        futureVisit);
    ResponseEntity<JsonNode> started = api.submitStartForm("koordinator", MonthlyReportProcess.PROCESS_ID,
        MonthlyReportProcess.Variables.REPORT_MONTH.name(), "2026-13");

    for (ResponseEntity<JsonNode> refused : List.of(submitted, completed)) {
      assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
      assertThat(refused.getBody().get("type").asText()).isEqualTo("InvalidInputException");
      assertThat(refused.getBody().get("message").asText())
          .startsWith("Data tidak valid: Tanggal kunjungan (").contains(") tidak boleh di masa depan; hari ini ");
      assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("visitDate");
    }
    assertThat(started.getStatusCode().value()).isEqualTo(400);
    assertThat(started.getBody().get("message").asText())
        .isEqualTo("Data tidak valid: Bulan harus ditulis TTTT-BB, misalnya 2026-10");
    assertThat(taskService.createTaskQuery().taskId(visit.getId()).count()).as("the task stays open").isEqualTo(1);

    assertThat(errorsAndWarnings(output)).noneMatch(line -> line.contains("Data tidak valid")
        || line.contains("InvalidInputException") || line.contains("ENGINE-REST-HTTP500"));
    assertThat(output.getAll()).doesNotContain("Exception while closing command context: Data tidak valid")
        .contains("Engine REST request refused with 400 (InvalidInputException)");

    // the same task completes once the input is right
    assertThat(post("fasilitator", "/engine-rest/task/" + visit.getId() + "/submit-form",
        homeVisit(LocalDate.now(RujukanApplication.ZONE))).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aRealFailureIsStillA500AndLoggedAsAnError(CapturedOutput output) {
    String deployment = repositoryService.createDeployment().name("test-real-failure")
        .addModelInstance("test-real-failure.bpmn", Bpmn.createExecutableProcess("test_realFailure")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("task_fillIn").camundaCandidateGroups("koordinator")
            // an expression naming a variable nobody set: the engine's own failure, not a refusal
            .serviceTask("task_breaks").camundaExpression("${notSetAnywhere.length()}")
            .endEvent()
            .done())
        .deploy().getId();
    try {
      String instance = runtimeService.startProcessInstanceByKey("test_realFailure").getId();
      Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

      ResponseEntity<JsonNode> failed = post("koordinator", "/engine-rest/task/" + task.getId() + "/submit-form",
          Map.of());

      assertThat(failed.getStatusCode().value()).as(String.valueOf(failed.getBody())).isEqualTo(500);
      assertThat(failed.getBody().get("type").asText()).isEqualTo("RestException");
      assertThat(errorsAndWarnings(output)).anyMatch(line -> line.contains(" ERROR ")
          && line.contains("ENGINE-16004") && line.contains("notSetAnywhere"));
      assertThat(errorsAndWarnings(output)).anyMatch(line -> line.contains("ENGINE-REST-HTTP500"));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  /** The field verification's form with everything right but the visit's date. */
  private static Map<String, Object> homeVisit(LocalDate day) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("visitDate", Map.of("value", day.toString()));
    variables.put("visitFindings", Map.of("value", "Rumah semi permanen, empat anggota keluarga"));
    variables.put("correctedAddress", Map.of("value", "Jl. Tamansari Gg. Sukaasih No. 12"));
    variables.put("correctedRt", Map.of("value", "3"));
    variables.put("correctedRw", Map.of("value", "7"));
    variables.put("dtksStatus", Map.of("value", "LISTED"));
    variables.put("desil", Map.of("value", 2));
    variables.put("deceased", Map.of("value", false));
    variables.put("movedAway", Map.of("value", false));
    variables.put("opinionsRequested", Map.of("type", "Json", "value", "[]"));
    variables.put("verificationResult", Map.of("value", "VALID"));
    return variables;
  }

  private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> variables) {
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers),
        JsonNode.class);
  }

  /** The captured log lines written at ERROR or WARN. */
  private static List<String> errorsAndWarnings(CapturedOutput output) {
    return Arrays.stream(output.getAll().split("\\R")).filter(l -> l.contains(" ERROR ") || l.contains(" WARN "))
        .toList();
  }
}
