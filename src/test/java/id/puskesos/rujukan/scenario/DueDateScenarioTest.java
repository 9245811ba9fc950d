package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.Dates;

/**
 * A task's due date is its service level's: through the REST call Tasklist makes when staff clear or change the date
 * (PUT on the task, with the whole task), it cannot be removed nor moved later; it can be brought forward.
 */
class DueDateScenarioTest extends ScenarioTestSupport {

  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void staffCannotRemoveOrPostponeADueDateButMayBringItForward() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    Date due = visit.getDueDate();
    assertThat(due).isNotNull();

    for (String user : new String[] {"fasilitator", "koordinator", "manajer"}) {
      // the fasilitator works the task; the others may not change it at all (403)
      ResponseEntity<JsonNode> removed = update(user, visit.getId(), null);
      assertThat(removed.getStatusCode().value()).as(user + " removes the due date")
          .isEqualTo(user.equals("fasilitator") ? 400 : 403);
      if (removed.getStatusCode().value() == 400) {
        assertThat(removed.getBody().get("message").asText())
            .isEqualTo("Batas waktu tugas \"Verifikasi lapangan (kunjungan rumah)\" mengikuti standar layanan dan tidak dapat dihapus");
      }
      ResponseEntity<JsonNode> postponed = update(user, visit.getId(), shifted(due, 10));
      assertThat(postponed.getStatusCode().value()).as(user + " postpones it")
          .isEqualTo(user.equals("fasilitator") ? 400 : 403);
      if (postponed.getStatusCode().value() == 400) {
        assertThat(postponed.getBody().get("message").asText())
            .startsWith("Batas waktu tugas \"Verifikasi lapangan (kunjungan rumah)\" mengikuti standar layanan: paling lambat ")
            .endsWith("; tanggal boleh dimajukan, tidak boleh diundur");
      }
      assertThat(taskService.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate()).isEqualTo(due);
    }

    // the fasilitator brings it forward a day: allowed, and it stays forward
    Date earlier = new Date(due.getTime() - 24L * 3600_000);
    assertThat(update("fasilitator", visit.getId(), earlier).getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate()).isEqualTo(earlier);
    // back to the service level's date is within it; past it, or none, is not
    assertThat(update("fasilitator", visit.getId(), due).getStatusCode().value()).isEqualTo(204);
    assertThat(update("fasilitator", visit.getId(), shifted(due, 1)).getStatusCode().value()).isEqualTo(400);
    assertThat(update("fasilitator", visit.getId(), null).getStatusCode().value()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(visit.getId()).singleResult().getDueDate()).isEqualTo(due);
  }

  /** The fields Tasklist sends back when it updates a task (Camunda's task update: every one is written). */
  private static final List<String> UPDATED = List.of("name", "description", "assignee", "owner", "delegationState",
      "due", "followUp", "priority", "parentTaskId", "caseInstanceId", "tenantId");

  /** GET the task as Tasklist holds it, change its due date, PUT it back. */
  private ResponseEntity<JsonNode> update(String user, String taskId, Date due) {
    JsonNode task = api.get("koordinator", "/engine-rest/task/" + taskId).getBody();
    Map<String, Object> body = new HashMap<>();
    for (String field : UPDATED) {
      body.put(field, task.hasNonNull(field) ? json.convertValue(task.get(field), Object.class) : null);
    }
    body.put("due", due == null ? null : REST_DATE.format(due.toInstant().atZone(Dates.BANDUNG)));
    ResponseEntity<String> answer = http.exchange("/engine-rest/task/" + taskId, HttpMethod.PUT,
        new HttpEntity<>(body, CaseApi.headers(user)), String.class);
    try {
      return ResponseEntity.status(answer.getStatusCode())
          .body(answer.getBody() == null ? null : json.readTree(answer.getBody()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Date shifted(Date date, int days) {
    return Date.from(OffsetDateTime.ofInstant(date.toInstant(), Dates.BANDUNG).plusDays(days).toInstant());
  }
}
