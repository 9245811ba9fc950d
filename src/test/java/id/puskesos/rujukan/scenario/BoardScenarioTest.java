package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/** The board's figures as JSON and Prometheus metrics, against what the test cases imply. */
class BoardScenarioTest extends ScenarioTestSupport {

  @Test
  void theBoardCountsOpenCasesAndShowsTheOldestLateTaskWithItsTasklistLink() {
    JsonNode before = api.get("manajer", "/api/board").getBody();
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    visit.setDueDate(new Date(0));
    taskService.saveTask(visit);

    JsonNode board = api.get("koordinator", "/api/board").getBody();

    assertThat(count(board.get("openCasesByStage"), "VERIFICATION") - count(before.get("openCasesByStage"),
        "VERIFICATION")).isEqualTo(1);
    assertThat(count(board.get("overdueByStage"), "Verifikasi dan validasi")).isPositive();
    assertThat(count(board.get("overdueByPartner"), "Puskesos")).isPositive();
    assertThat(board.get("oldestOverdue").get(0).get("taskId").asText()).isEqualTo(visit.getId());
    assertThat(board.get("oldestOverdue").get(0).get("referralNumber").asText()).isEqualTo(number);
    assertThat(board.get("oldestOverdue").get(0).get("group").asText()).as("the group's name, not its id")
        .isEqualTo("Fasilitator Puskesos");
    assertThat(board.get("oldestOverdue").get(0).get("tasklistUrl").asText())
        .isEqualTo("/camunda/app/tasklist/default/#/?task=" + visit.getId());
    assertThat(board.get("timePerStage").toString()).contains("INTAKE");
    assertThat(board.get("stageDataErrors").asInt()).isNotNegative();
    // the rates as FacilitationFigures defines them, with the definitions the page prints
    JsonNode facilitation = board.get("facilitation");
    assertThat(facilitation.get("overall").get("received").asInt()).isPositive();
    assertThat(facilitation.get("definitions").get("studyRate").asText())
        .startsWith("Tingkat fasilitasi (ukuran studi): kasus terfasilitasi dibagi semua pengaduan yang diterima");
    assertThat(facilitation.get("definitions").get("referredRate").asText())
        .startsWith("Tingkat fasilitasi dari kasus yang dirujuk: kasus terfasilitasi dibagi kasus yang dirujuk ke mitra");
    assertThat(facilitation.get("byMonth")).isNotEmpty();
    assertThat(api.get("fo", "/api/board").getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("manajer", "/api/board?from=2026-13").getStatusCode().value()).isEqualTo(400);
    visit.setDueDate(null);
    taskService.saveTask(visit);
  }

  @Test
  void theHeadlineFiguresAreOfferedToPrometheus() {
    api.openCase("FOOD");

    // the manager's credentials, as Prometheus scrapes with a user of the metrics groups
    String metrics = http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(CaseApi.headers("manajer")),
        String.class).getBody();

    assertThat(metrics).contains("rujukan_cases_open{stage=\"VERIFICATION\"}", "rujukan_tasks_overdue",
        "rujukan_budget_waiting", "rujukan_notifications_failed");
  }

  private static long count(JsonNode counts, String key) {
    for (JsonNode c : counts) {
      if (c.get("key").asText().equals(key)) {
        return c.get("count").asLong();
      }
    }
    return 0;
  }
}
