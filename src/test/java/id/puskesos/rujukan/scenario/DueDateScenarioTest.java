package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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

  private final Map<String, WebappSession> sessions = new HashMap<>();

  /**
   * Does what Tasklist does: GET the task through the webapps' API, change its due date, PUT the whole task back in
   * the user's Tasklist session. The body carries everything the GET gave, {@code camundaFormRef} included, which the
   * engine's REST API cannot read back (security.TaskUpdateFormRef drops it).
   */
  private ResponseEntity<JsonNode> update(String user, String taskId, Date due) {
    WebappSession session = sessions.computeIfAbsent(user, u -> WebappSession.signIn(http.getRootUri(), u));
    WebappSession.Answer read = session.engine("GET", "/task/" + taskId, null);
    JsonNode task = read.status() == 200 ? parse(read.body())
        : api.get("koordinator", "/engine-rest/task/" + taskId).getBody();
    Map<String, Object> body = json.convertValue(task, Map.class);
    body.put("due", due == null ? null : REST_DATE.format(due.toInstant().atZone(Dates.BANDUNG)));
    try {
      WebappSession.Answer answer = session.engine("PUT", "/task/" + taskId, json.writeValueAsString(body));
      return ResponseEntity.status(answer.status()).body(answer.body() == null || answer.body().isBlank() ? null
          : parse(answer.body()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void tasklistSetsAFollowUpDateOnATaskWithACamundaForm() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    WebappSession fasilitator = WebappSession.signIn(http.getRootUri(), "fasilitator");
    Map<String, Object> task = json.convertValue(parse(fasilitator.engine("GET", "/task/" + visit.getId(), null)
        .body()), Map.class);
    assertThat(task).containsKey("camundaFormRef");
    Date followUp = new Date(visit.getDueDate().getTime() - 3600_000);
    task.put("followUp", REST_DATE.format(followUp.toInstant().atZone(Dates.BANDUNG)));
    try {
      WebappSession.Answer answer = fasilitator.engine("PUT", "/task/" + visit.getId(), json.writeValueAsString(task));
      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    assertThat(taskService.createTaskQuery().taskId(visit.getId()).singleResult().getFollowUpDate())
        .isEqualTo(followUp);
  }

  private static Date shifted(Date date, int days) {
    return Date.from(OffsetDateTime.ofInstant(date.toInstant(), Dates.BANDUNG).plusDays(days).toInstant());
  }
}
