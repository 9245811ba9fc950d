package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.registry.Registry;

/**
 * Consent per purpose (UU PDP): recorded at the needs assessment with when and who, withdrawn on the resident's
 * request, and a withdrawal stops sharing from then on while the consents left stand.
 */
class ConsentScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Registry registry;

  @Test
  void withdrawnConsentStopsTheCaseGoingToThatPartnerAndOnlyToIt() {
    Map<String, Object> intake = CaseApi.intake(CaseApi.NOTHING_FITS);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    api.assessEligibleOnly(number, true, true, CaseApi.NOTHING_FITS);
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    String consents = "/api/registry/residents/" + resident + "/consents";
    assertThat(api.get("bo", consents).getBody().get("current").toString())
        .contains("\"SHARE_BAZNAS\":true", "\"SHARE_SALMAN\":true");

    ResponseEntity<JsonNode> withdrawn = api.post("fo", consents, Map.of("purpose", "SHARE_SALMAN", "given", false,
        "note", "Warga datang ke Puskesos " + LocalDate.now() + " dan meminta datanya tidak dibagikan ke Salman"));
    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    // the back office's recommendation of Salman is refused with the reason; nothing of it is kept
    ResponseEntity<String> refused = api.submitForm("bo", api.task(number, "task_prepareRecommendation").getId(),
        "recommendation", "REFER", "addedPrograms", List.of("SALMAN_SEMBAKO", "BAZNAS_PEDULI"),
        "recommendationReason", "Pangan dan utang");
    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains("Warga belum menyetujui data dibagikan kepada Rumah Amal Salman");
    assertThat(api.view(number).get("programs")).isEmpty();
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of("BAZNAS_PEDULI"), "recommendationReason", "Utang; warga menolak data ke Salman");
    api.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");

    assertThat(api.programTask(number, "task_decideReferral", "BAZNAS_PEDULI")).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("salman").count())
        .isZero();
    JsonNode view = api.view(number);
    assertThat(view.get("programs").toString()).doesNotContain("SALMAN_SEMBAKO");
    JsonNode history = api.get("bo", consents).getBody().get("history");
    assertThat(history).hasSize(3);
    assertThat(history.get(2).get("purpose").asText()).isEqualTo("SHARE_SALMAN");
    assertThat(history.get(2).get("given").asBoolean()).isFalse();
    assertThat(history.get(2).get("source").asText()).isEqualTo("REQUEST");
    assertThat(history.get(2).get("recordedBy").asText()).isEqualTo("fo");
    assertThat(history.get(0).get("source").asText()).isEqualTo("ASSESSMENT");
    assertThat(history.get(0).get("recordedBy").asText()).isEqualTo("fasilitator");
  }

  @Test
  void aWithdrawalSaysHowItWasAskedForAndOnlyPuskesosStaffRecordIt() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    api.submitIntake("fo", intake);
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    String consents = "/api/registry/residents/" + resident + "/consents";

    ResponseEntity<JsonNode> noNote = api.post("fo", consents, Map.of("purpose", "CONTACT_WHATSAPP", "given", false));
    assertThat(noNote.getStatusCode().value()).isEqualTo(400);
    assertThat(noNote.getBody().toString()).contains("Catat bagaimana warga mencabut persetujuannya");
    // a purpose is a channel or sharing with a non-government partner of the catalogue; the refusal lists them
    for (String unknown : List.of("SHARE_PARTAI", "SHARE_DINSOS", "BAZNAS", "SHARE_")) {
      ResponseEntity<JsonNode> refused = api.post("fo", consents, Map.of("purpose", unknown, "given", true));
      assertThat(refused.getStatusCode().value()).as(unknown).isEqualTo(400);
      assertThat(refused.getBody().toString()).as(unknown)
          .contains("Keperluan tidak dikenal; pilihan: ", "SHARE_BAZNAS", "SHARE_SALMAN", "CONTACT_WHATSAPP")
          .doesNotContain("SHARE_DINSOS");
    }
    assertThat(api.post("baznas", consents, Map.of("purpose", "SHARE_BAZNAS", "given", true)).getStatusCode()
        .value()).isEqualTo(403);
    assertThat(api.get("salman", consents).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("fo", consents, Map.of("purpose", "CONTACT_WHATSAPP", "given", true)).getBody()
        .get("current").get("CONTACT_WHATSAPP").asBoolean()).isTrue();

    // every purpose with its label and the answer that stands (none yet for the partners)
    JsonNode purposes = api.get("bo", consents).getBody().get("purposes");
    assertThat(purposes.toString()).contains(
        "{\"purpose\":\"SHARE_BAZNAS\",\"label\":\"Berbagi data dengan BAZNAS Kota Bandung\",\"given\":null}",
        "{\"purpose\":\"SHARE_SALMAN\",\"label\":\"Berbagi data dengan Rumah Amal Salman\",\"given\":null}",
        "{\"purpose\":\"CONTACT_WHATSAPP\",\"label\":\"Dihubungi lewat WhatsApp\",\"given\":true}")
        .doesNotContain("SHARE_DINSOS", "SHARE_PUSKESMAS");
  }
}
