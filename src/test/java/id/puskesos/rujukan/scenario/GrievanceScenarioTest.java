package id.puskesos.rujukan.scenario;

import static id.puskesos.rujukan.process.GrievanceProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.evaluation.Evaluations;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.GrievanceProcess;
import id.puskesos.rujukan.report.Report;

/**
 * A resident complains about the service (docs/grievances.md): the front office opens grievances linked to a referral
 * over the API and through Tasklist's start form; the koordinator handles each within its service level; a partner
 * answers the one forwarded to it and sees nothing else; the referral's timeline and the next evaluation pack show them.
 */
class GrievanceScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Evaluations evaluations;

  @Test
  void grievancesAreHandledInTimeSeenByTheirOrganisationOnlyAndCountedInThePack() {
    String referral = api.openCase("FOOD");

    // given: one grievance over the API, one through Tasklist's start form
    ResponseEntity<JsonNode> opened = api.post("fo", "/api/grievances", grievance(referral, "TERLAMBAT", "WHATSAPP",
        "PUSKESOS", "Sudah dua minggu belum ada kabar"));
    assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(201);
    String slow = opened.getBody().get("grievanceNumber").asText();
    assertThat(slow).matches("ADU-\\d{4}-\\d{6}");
    ResponseEntity<JsonNode> started = api.submitStartForm("fo", GrievanceProcess.PROCESS_ID,
        GRIEVANCE_REFERRAL.name(), referral, GRIEVANCE_KIND.name(), "BANTUAN_TIDAK_SESUAI",
        GRIEVANCE_CHANNEL.name(), "DESK", GRIEVANCE_ABOUT.name(), "BAZNAS", GRIEVANCE_TEXT.name(),
        "Paket sembako kurang minyak");
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String aid = started.getBody().get("businessKey").asText();
    // gapless: the next number
    assertThat(Long.parseLong(aid.substring(9))).isEqualTo(Long.parseLong(slow.substring(9)) + 1);

    // bad input is refused with every field, and takes no number
    ResponseEntity<JsonNode> bad = api.post("fo", "/api/grievances", grievance("RJK-2026-999999", "KASAR", "DESK",
        "NOBODY", " "));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("Nomor rujukan RJK-2026-999999 tidak ditemukan",
        "Jenis keluhan tidak dikenal", "Isi keluhan wajib diisi", "Lembaga yang dikeluhkan tidak dikenal");
    assertThat(api.post("fasilitator", "/api/grievances", grievance(referral, "LAINNYA", "DESK", "PUSKESOS", "x"))
        .getStatusCode().value()).isEqualTo(403);

    // the koordinator's task, due by the service level, in the koordinator's filter
    Task task = handleTask(slow);
    assertThat(task.getName()).isEqualTo("Tangani keluhan: Layanan lambat (" + slow + ")");
    assertThat(task.getDueDate()).isInTheFuture().isBefore(java.util.Date.from(
        OffsetDateTime.now().plusDays(15).toInstant()));
    assertThat(api.filterList("koordinator", "Keluhan warga").findValues("id").stream().map(JsonNode::asText))
        .contains(task.getId(), handleTask(aid).getId());

    // another organisation can neither read nor complete it; a forged variable is refused
    assertThat(api.get("baznas", "/api/grievances/" + slow).getStatusCode().value()).isEqualTo(404);
    assertThat(api.get("fo", "/api/grievances").getStatusCode().value()).isEqualTo(403);
    assertThat(api.submitForm("baznas", task.getId(), response("DITOLAK")).getStatusCode().is4xxClientError())
        .isTrue();
    Object[] forged = append(response("DITERIMA"), CaseVariables.URGENT.name(), true);
    ResponseEntity<String> refused = api.submitForm("koordinator", task.getId(), forged);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains(CaseVariables.URGENT.name());
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

    // when: the koordinator resolves it within its due date
    assertThat(api.submitForm("koordinator", task.getId(), response("DITERIMA")).getStatusCode().value())
        .isEqualTo(204);
    JsonNode resolved = api.get("koordinator", "/api/grievances/" + slow).getBody();
    assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.get("outcomeLabel").asText()).isEqualTo("Keluhan beralasan, diperbaiki");
    assertThat(OffsetDateTime.parse(resolved.get("resolvedAt").asText()).toInstant())
        .isBefore(task.getDueDate().toInstant());

    // the grievance about BAZNAS goes to BAZNAS, and only BAZNAS answers and sees it
    assertThat(api.submitForm("koordinator", handleTask(aid).getId(), response("DITERUSKAN")).getStatusCode().value())
        .isEqualTo(204);
    Task answer = taskService.createTaskQuery().processInstanceBusinessKey(aid)
        .taskDefinitionKey(GrievanceProcess.TASK_ANSWER_GRIEVANCE).singleResult();
    assertThat(answer.getDueDate()).isNotNull();
    assertThat(api.submitForm("salman", answer.getId(), PARTNER_ANSWER.name(), "Bukan kami").getStatusCode()
        .is4xxClientError()).isTrue();
    assertThat(api.get("salman", "/api/grievances/" + aid).getStatusCode().value()).isEqualTo(404);
    assertThat(api.get("baznas", "/api/grievances/" + aid).getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("baznas", "/api/grievances").getBody().findValues("aboutCode").stream().map(JsonNode::asText))
        .containsOnly("BAZNAS");
    assertThat(api.submitForm("baznas", answer.getId(), PARTNER_ANSWER.name(), "Minyak dikirim besok")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(api.get("koordinator", "/api/grievances/" + aid).getBody().get("partnerAnswer").asText())
        .isEqualTo("Minyak dikirim besok");

    // then: the referral's timeline shows them
    assertThat(api.timeline(referral, "GRIEVANCE_OPENED")).hasSize(2).anySatisfy(t -> assertThat(t)
        .contains(slow, "Layanan lambat", "WhatsApp")).anySatisfy(t -> assertThat(t).contains(aid,
            "BAZNAS Kota Bandung"));
    assertThat(api.timeline(referral, "GRIEVANCE_RESOLVED")).anySatisfy(t -> assertThat(t)
        .contains(slow, "Keluhan beralasan, diperbaiki", "warga sudah diberi tahu"));
    assertThat(api.timeline(referral, "GRIEVANCE_PARTNER_ANSWERED")).singleElement().asString().contains(aid);

    // and the next evaluation pack counts them
    LocalDate today = CaseApi.today();
    long id = evaluations.open("3273021006", today.minusDays(23).toString(), today.toString(), true, "koordinator")
        .id();
    Report.Section section = evaluations.pack(id).sections().stream()
        .filter(s -> s.title().equals("Keluhan atas layanan")).findFirst().orElseThrow();
    assertThat(count(section, "keluhan-per-jenis", "Layanan lambat")).isPositive();
    assertThat(count(section, "keluhan-per-jenis", "Bantuan tidak sesuai janji")).isPositive();
    assertThat(count(section, "keluhan-per-lembaga", "BAZNAS Kota Bandung")).isPositive();
    assertThat(section.paragraphs().get(0)).contains("beralasan dan diperbaiki", "diteruskan ke mitra");
    assertThat(section.paragraphs().get(1)).doesNotContain(": - jam");
  }

  private Task handleTask(String number) {
    return api.tasks(number, GrievanceProcess.TASK_HANDLE_GRIEVANCE).stream().findFirst().orElseThrow();
  }

  private static Map<String, Object> grievance(String referral, String kind, String channel, String about,
      String text) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(GRIEVANCE_REFERRAL.name(), referral);
    body.put(GRIEVANCE_KIND.name(), kind);
    body.put(GRIEVANCE_CHANNEL.name(), channel);
    body.put(GRIEVANCE_ABOUT.name(), about);
    body.put(GRIEVANCE_TEXT.name(), text);
    return body;
  }

  private static Object[] response(String outcome) {
    return new Object[] {GRIEVANCE_FINDING.name(), "Diperiksa", GRIEVANCE_ACTION.name(), "Ditindaklanjuti",
        GRIEVANCE_OUTCOME.name(), outcome, RESIDENT_INFORMED.name(), true};
  }

  private static Object[] append(Object[] pairs, Object... more) {
    Object[] all = java.util.Arrays.copyOf(pairs, pairs.length + more.length);
    System.arraycopy(more, 0, all, pairs.length, more.length);
    return all;
  }

  private static long count(Report.Section section, String table, String label) {
    List<List<String>> rows = section.tables().stream().filter(t -> t.id().equals(table)).findFirst().orElseThrow()
        .rows();
    return rows.stream().filter(r -> r.get(0).equals(label)).mapToLong(r -> Long.parseLong(r.get(1).replace(".", "")))
        .findFirst().orElse(0);
  }
}
