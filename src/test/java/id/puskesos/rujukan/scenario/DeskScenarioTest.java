package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.scenario.WebappSession.Answer;

/**
 * What Tasklist shows around a task (tasklist/scripts/desk.js): the task's case and whether the caller may claim it,
 * task names that say the program and partner, and the pages that open from Tasklist signed in by its session, for
 * reads only.
 */
class DeskScenarioTest extends ScenarioTestSupport {

  @Test
  void aTaskLeadsToItsCaseAndOnlyItsOwnOrganisationIsOfferedToClaimIt() throws Exception {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    JsonNode own = taskCase("fasilitator", visit.getId()).getBody();
    assertThat(own.get("referralNumber").asText()).isEqualTo(number);
    assertThat(own.get("caseUrl").asText()).isEqualTo("/kasus/?nomor=" + number);
    assertThat(own.get("mayClaim").asBoolean()).isTrue();
    assertThat(own.get("ours").asBoolean()).isTrue();
    // once claimed, it is still the fasilitator's own work, though nobody may claim it any more
    taskService.claim(visit.getId(), "fasilitator");
    JsonNode claimed = taskCase("fasilitator", visit.getId()).getBody();
    assertThat(claimed.get("mayClaim").asBoolean()).isFalse();
    assertThat(claimed.get("ours").asBoolean()).isTrue();
    taskService.setAssignee(visit.getId(), null);

    api.verifyValid(number);
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.awaitProgramStatus(number, "BAZNAS_KONSUMTIF", "REFERRED");
    Task decide = api.programTask(number, "task_decideReferral", "BAZNAS_KONSUMTIF");
    // the list says what the task is about: the program and the partner
    assertThat(decide.getName()).startsWith("Putuskan rujukan: ").endsWith(" (BAZNAS Kota Bandung)");

    JsonNode watched = taskCase("koordinator", decide.getId()).getBody();
    assertThat(watched.get("referralNumber").asText()).isEqualTo(number);
    assertThat(watched.get("mayClaim").asBoolean()).isFalse();
    assertThat(watched.get("ours").asBoolean()).isFalse();
    assertThat(watched.get("workedBy").toString()).contains("BAZNAS");
    assertThat(taskCase("baznas", decide.getId()).getBody().get("mayClaim").asBoolean()).isTrue();
    // another organisation's task does not exist for them
    assertThat(taskCase("salman", decide.getId()).getStatusCode().value()).isEqualTo(404);
    assertThat(taskCase("dinsos", visit.getId()).getStatusCode().value()).isEqualTo(404);
    assertThat(taskCase(null, visit.getId()).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theTasklistSessionSignsInTheCasePagesReadsAndNothingElse() {
    String number = api.openCase("FOOD");
    WebappSession fo = WebappSession.signIn(http.getRootUri(), "fo");
    Answer found = fo.exchange("GET", "/api/referrals?q=" + number, null, null);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(found.body()).contains(number);
    assertThat(fo.exchange("GET", "/api/referrals/" + number, null, null).status()).isEqualTo(200);
    String taskId = api.task(number, "task_homeVisit").getId();
    assertThat(fo.exchange("GET", "/api/tasks/" + taskId + "/case", null, null).status()).isEqualTo(200);

    // commands and other reads still need the user's password, whatever the session
    assertThat(fo.exchange("POST", "/api/referrals/" + number + "/withdrawal", "{\"reason\":\"dicabut\"}",
        "application/json").status()).isEqualTo(401);
    assertThat(fo.exchange("POST", "/api/referrals", "{}", "application/json").status()).isEqualTo(401);
    assertThat(fo.exchange("GET", "/api/registry/imports", null, null).status()).isEqualTo(401);
    assertThat(api.view(number).get("status").asText()).isEqualTo("OPEN");

    // a partner's session finds only what the partner may see
    WebappSession salman = WebappSession.signIn(http.getRootUri(), "salman");
    Answer none = salman.exchange("GET", "/api/referrals?number=" + number, null, null);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).doesNotContain(number);
    assertThat(salman.exchange("GET", "/api/referrals/" + number, null, null).status()).isEqualTo(404);
  }

  @Test
  void thePartnersSessionAttachesAHandoverProofOnlyWithItsCsrfToken() {
    String number = api.caseWithAidHandedOver();
    String proofs = "/api/referrals/" + number + "/programs/BAZNAS_KONSUMTIF/handover-proofs";
    String boundary = "----rujukan" + System.nanoTime();
    String pdf = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tanda-terima.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n% tanda terima\n%%EOF\n\r\n--" + boundary + "--\r\n";
    String multipart = "multipart/form-data; boundary=" + boundary;
    assertThat(api.program(number, "BAZNAS_KONSUMTIF").get("mayAttachProof").asBoolean()).isFalse(); // manajer's view

    // the full NIK is offered to Puskesos staff, not to managers nor to a partner not named for it (BAZNAS)
    JsonNode residentForFo = http.exchange("/api/referrals/" + number, HttpMethod.GET,
        new HttpEntity<>(CaseApi.headers("fo")), JsonNode.class).getBody().get("resident");
    assertThat(residentForFo.get("fullNikUrl").asText()).isEqualTo("/api/referrals/" + number + "/resident/nik");
    assertThat(api.view(number).get("resident").get("fullNikUrl").isNull()).isTrue();

    WebappSession baznas = WebappSession.signIn(http.getRootUri(), "baznas");
    assertThat(baznas.exchange("GET", "/api/referrals/" + number, null, null).body()).contains("\"fullNikUrl\":null");
    // the case page learns the session's token from this origin only; without a session there is none
    assertThat(baznas.exchange("GET", "/api/session/csrf-token", null, null).body()).contains("\"token\"");
    assertThat(http.exchange("/api/session/csrf-token", HttpMethod.GET, new HttpEntity<>(CaseApi.headers("baznas")),
        JsonNode.class).getStatusCode().value()).isEqualTo(404);
    // without the session's CSRF token a page of another site could send it: refused before anything is read
    assertThat(baznas.exchange("POST", proofs, pdf, multipart, false).status()).isEqualTo(401);
    assertThat(api.program(number, "BAZNAS_KONSUMTIF").get("handoverProofs")).isEmpty();
    Answer attached = baznas.exchange("POST", proofs, pdf, multipart, true);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    assertThat(api.program(number, "BAZNAS_KONSUMTIF").get("handoverProofs")).hasSize(1);
    Answer partnerView = baznas.exchange("GET", "/api/referrals/" + number, null, null);
    assertThat(partnerView.body()).contains("\"mayAttachProof\":true");

    // the same session and token do not reach any other command
    assertThat(baznas.exchange("POST", "/api/referrals/" + number + "/withdrawal", "{\"reason\":\"x\"}",
        "application/json", true).status()).isEqualTo(401);
    // another organisation's session is refused by the rule of who records handovers
    WebappSession salman = WebappSession.signIn(http.getRootUri(), "salman");
    assertThat(salman.exchange("POST", proofs, pdf, multipart, true).status()).isEqualTo(404);
    assertThat(api.program(number, "BAZNAS_KONSUMTIF").get("handoverProofs")).hasSize(1);
  }

  private ResponseEntity<JsonNode> taskCase(String user, String taskId) {
    return http.exchange("/api/tasks/" + taskId + "/case", HttpMethod.GET, new HttpEntity<>(CaseApi.headers(user)),
        JsonNode.class);
  }
}
