package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.routing.EligibilityTable;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * Consent per purpose (UU PDP): asked at the needs assessment for every non-government partner of the catalogue and
 * recorded with when and who, withdrawn on the resident's request, and a withdrawal stops sharing from then on while
 * the consents left stand. A partner added to the catalogue is asked about at the next assessment, and the
 * resident's consent lets cases go to it without it being declared a government partner.
 */
class ConsentScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Registry registry;
  @Autowired
  private Consents consents;
  @Autowired
  private ProgramCatalogue catalogue;
  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private RoutingService routing;

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
        "note", "Warga datang ke Puskesos " + LocalDate.now(RujukanApplication.ZONE) + " dan meminta datanya tidak dibagikan ke Salman"));
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

  /**
   * A partner the administrator adds to the catalogue (not a government one) is asked about at the next assessment,
   * with its name; the resident's yes is recorded as SHARE_ and its code, reaches routing (its facts, and the rule
   * that lets a case go to a non-government partner), and is withdrawn over the API like any other. Made a government
   * partner, it is no longer asked about (nor is any other government partner): it needs no consent.
   */
  @Test
  void aPartnerAddedToTheCatalogueIsAskedAboutAtTheNextAssessmentAndItsConsentRecordedAndWithdrawn() {
    String code = "UJI" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase(Locale.ROOT);
    String name = "Yayasan Uji " + code;
    String group = code.toLowerCase(Locale.ROOT);
    catalogue.savePartner(new Partner(code, name, group, false, true), "admin");
    try {
      Map<String, Object> intake = CaseApi.intake(CaseApi.NOTHING_FITS);
      String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
      long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
      api.verifyValid(number);

      Task assessment = api.task(number, "task_assessNeeds");
      assertThat(consentOptions(assessment)).containsEntry(code, name)
          .containsEntry("BAZNAS", "BAZNAS Kota Bandung").containsEntry("SALMAN", "Rumah Amal Salman")
          .doesNotContainKeys("DINSOS", "PUSKESMAS", "DISDUKCAPIL", "DPKP");
      assertThat(CaseVariables.CONSENT_PARTNERS.read(taskService.getVariable(assessment.getId(),
          CaseVariables.CONSENT_PARTNERS.name()))).as("nothing consented yet").isEmpty();

      api.assessEligibleOnly(number, List.of(code), CaseApi.NOTHING_FITS);

      assertThat(consents.current(resident)).containsEntry("SHARE_" + code, true)
          .containsEntry("SHARE_BAZNAS", false).containsEntry("SHARE_SALMAN", false);
      assertThat(consents.history(resident)).filteredOn(a -> a.purpose().equals("SHARE_" + code)).singleElement()
          .satisfies(a -> {
            assertThat(a.source()).isEqualTo(Consents.Source.ASSESSMENT);
            assertThat(a.recordedBy()).isEqualTo("fasilitator");
          });
      assertThat(jdbc.sql("SELECT consented_partners FROM needs_assessment WHERE referral_number = ?")
          .param(number).query(String.class).single()).isEqualTo(code);
      Task recommendation = api.task(number, "task_prepareRecommendation");
      assertThat(CaseVariables.CONSENT_SUMMARY.read(runtimeService.getVariable(
          recommendation.getProcessInstanceId(), CaseVariables.CONSENT_SUMMARY.name())))
          .contains("BAZNAS Kota Bandung: tidak", "Rumah Amal Salman: tidak", name + ": setuju");
      assertThat(routing.facts(number).consentedPartners()).containsExactly(code);
      assertThat(consents.maySendTo(resident, code, false)).isTrue();
      String consentsPath = "/api/registry/residents/" + resident + "/consents";
      assertThat(api.get("bo", consentsPath).getBody().get("purposes").toString()).contains(
          "{\"purpose\":\"SHARE_%s\",\"label\":\"Berbagi data dengan %s\",\"given\":true}".formatted(code, name));

      ResponseEntity<JsonNode> withdrawn = api.post("fo", consentsPath, Map.of("purpose", "SHARE_" + code,
          "given", false, "note", "Surat warga tanggal " + LocalDate.now(RujukanApplication.ZONE) + ": data tidak dibagikan lagi"));
      assertThat(withdrawn.getStatusCode().value()).as(String.valueOf(withdrawn.getBody())).isEqualTo(200);
      assertThat(withdrawn.getBody().get("current").get("SHARE_" + code).asBoolean()).isFalse();
      assertThat(consents.maySendTo(resident, code, false)).isFalse();
      assertThat(routing.facts(number).consentedPartners()).isEmpty();

      // a government partner needs no consent: the assessment stops asking about it, the API takes no answer for it
      catalogue.savePartner(new Partner(code, name, group, true, true), "admin");
      String next = api.submitIntake("fo", CaseApi.intake(CaseApi.NOTHING_FITS)).getBody().get("referralNumber")
          .asText();
      api.verifyValid(next);
      assertThat(consentOptions(api.task(next, "task_assessNeeds"))).doesNotContainKey(code)
          .containsKeys("BAZNAS", "SALMAN");
      assertThat(api.post("fo", consentsPath, Map.of("purpose", "SHARE_" + code, "given", true)).getStatusCode()
          .value()).isEqualTo(400);
    } finally {
      // the suite shares one catalogue: the evaluations and reports of later tests count its partners
      jdbc.sql("DELETE FROM partner WHERE code = ?").param(code).update();
    }
  }

  /** A submission consenting to a partner the form did not offer is refused, and nothing of it is recorded. */
  @Test
  void anAssessmentConsentingToAPartnerNotOfferedIsRefusedAndRecordsNothing() throws Exception {
    Map<String, Object> intake = CaseApi.intake(CaseApi.NOTHING_FITS);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    api.verifyValid(number);
    Task assessment = api.task(number, "task_assessNeeds");

    for (List<String> forged : List.of(List.of("SALMAN", "PARTAI"), List.of("DINSOS"))) {
      ResponseEntity<String> refused = api.submitForm("fasilitator", assessment.getId(), "householdSize", 2,
          "monthlyIncome", 900000, "needs", List.of(CaseApi.NOTHING_FITS), "religion", "ISLAM", "consentPartners",
          forged, "assessmentResult", "ELIGIBLE");

      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
      JsonNode body = new ObjectMapper().readTree(refused.getBody());
      assertThat(body.get("message").asText())
          .contains("Mitra yang dipilih tidak ada dalam pilihan persetujuan; pilihan: BAZNAS, SALMAN");
      assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("consentPartners");
    }

    assertThat(taskService.createTaskQuery().taskId(assessment.getId()).count()).as("the task stays open").isOne();
    assertThat(consents.history(resident)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM needs_assessment WHERE referral_number = ?").param(number)
        .query(Long.class).single()).isZero();
    // the same form with the partners offered goes through
    api.assessEligibleOnly(number, List.of("SALMAN"), CaseApi.NOTHING_FITS);
    assertThat(consents.current(resident)).containsEntry("SHARE_SALMAN", true).containsEntry("SHARE_BAZNAS", false);
  }

  /**
   * Consents recorded before partners were catalogue data kept their purpose codes (SHARE_SALMAN): such a row still
   * pre-fills the assessment, reaches routing's facts, and lets the case go to Salman.
   */
  @Test
  void aConsentRecordedBeforeTheChangeStillLetsTheCaseGoToSalman() {
    Map<String, Object> intake = CaseApi.intake(CaseApi.NOTHING_FITS);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    jdbc.sql("""
        INSERT INTO resident_consent (resident_id, purpose, given, source, note, recorded_at, recorded_by)
        VALUES (?, 'SHARE_SALMAN', TRUE, 'REQUEST', 'Surat persetujuan', CURRENT_TIMESTAMP, 'fo')""")
        .param(resident).update();
    assertThat(consents.maySendTo(resident, "SALMAN", false)).isTrue();
    api.verifyValid(number);

    Task assessment = api.task(number, "task_assessNeeds");
    List<String> prefilled = CaseVariables.CONSENT_PARTNERS.read(taskService.getVariable(assessment.getId(),
        CaseVariables.CONSENT_PARTNERS.name()));
    assertThat(prefilled).containsExactly("SALMAN");
    // the fasilitator leaves the list as the form shows it
    api.assessEligibleOnly(number, prefilled, CaseApi.NOTHING_FITS);

    assertThat(consents.history(resident)).filteredOn(a -> a.purpose().equals("SHARE_SALMAN")).as("not asked twice")
        .hasSize(1);
    Task recommendation = api.task(number, "task_prepareRecommendation");
    assertThat(runtimeService.getVariable(recommendation.getProcessInstanceId(), EligibilityTable.CONSENTED_PARTNERS))
        .isEqualTo(List.of("SALMAN"));
    api.recommendByHand(number, "SALMAN_SEMBAKO");
    assertThat(api.programTask(number, "task_decideReferral", "SALMAN_SEMBAKO")).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("salman").count())
        .isOne();
  }

  private Map<String, String> consentOptions(Task assessment) {
    return CaseVariables.CONSENT_OPTIONS.read(taskService.getVariable(assessment.getId(),
        CaseVariables.CONSENT_OPTIONS.name()));
  }
}
