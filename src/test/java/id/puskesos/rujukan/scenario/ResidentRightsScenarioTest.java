package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.registry.AccessLog;
import id.puskesos.rujukan.registry.Registry;

/**
 * The resident's data: identity numbers kept out of the process and its history, every read of the full record
 * logged, an export of everything held, and erasure once no case runs and no retention applies.
 */
class ResidentRightsScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Registry registry;
  @Autowired
  private AccessLog accessLog;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void identityNumbersStayOutOfTheProcessAndItsHistoryAndOnlyTheFieldFormShowsThem() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String nik = intake.get("nik").toString();
    JsonNode started = api.submitStartForm("fo", "referral", CaseApi.startForm(intake)).getBody();
    String instance = started.get("id").asText();
    long resident = registry.findByNik(nik).orElseThrow().id();

    assertThat(runtimeService.getVariables(instance)).doesNotContainKeys("nik", "kkNumber", "phone", "birthDate");
    Task visit = api.task(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey(), "task_homeVisit");
    // not a variable of the task (which every reader of the task would get): a field of the fasilitator's form
    assertThat(taskService.getVariables(visit.getId())).doesNotContainKeys("nik", "kkNumber", "correctedPhone");
    assertThat(api.get("fasilitator", "/engine-rest/task/" + visit.getId() + "/form-variables").getBody().get("nik")
        .get("value").asText()).isEqualTo(nik);
    String number = started.get("businessKey").asText();
    api.verifyValid(number);

    assertThat(accessLog.entries(resident)).anySatisfy(entry -> {
      assertThat(entry.purpose()).isEqualTo(AccessLog.Purpose.TASK_FORM);
      assertThat(entry.by()).isEqualTo("fasilitator");
    });
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .noneMatch(v -> nik.equals(String.valueOf(v.getValue())))
        .noneMatch(v -> v.getName().equals("nik") || v.getName().equals("phone"));
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
        .map(HistoricDetail.class::cast).noneMatch(d -> d instanceof HistoricVariableUpdate u
            && nik.equals(String.valueOf(u.getValue())));
  }

  @Test
  void residentGetsEverythingHeldOnThemAndTheReadIsLogged() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    api.assessEligible(number, false, true, "FOOD");
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    String export = "/api/registry/residents/" + resident + "/export";

    assertThat(api.get("salman", export).getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("manajer", export).getStatusCode().value()).isEqualTo(403);
    JsonNode data = api.get("koordinator", export).getBody();

    assertThat(data.get("resident").get("nik").asText()).isEqualTo(intake.get("nik"));
    assertThat(data.get("consents")).anySatisfy(answer -> {
      assertThat(answer.get("purpose").asText()).isEqualTo("SHARE_SALMAN");
      assertThat(answer.get("given").asBoolean()).isTrue();
    }).anySatisfy(answer -> {
      assertThat(answer.get("purpose").asText()).isEqualTo("SHARE_BAZNAS");
      assertThat(answer.get("given").asBoolean()).isFalse();
    });
    assertThat(data.get("cases")).singleElement().satisfies(c -> {
      assertThat(c.get("referral_number").asText()).isEqualTo(number);
      assertThat(c.get("intakes").toString()).contains("Suami sakit");
      assertThat(c.get("assessments")).hasSize(1);
      assertThat(c.get("assessments").get(0).get("consented_partners").asText()).isEqualTo("SALMAN");
      assertThat(c.get("programs").toString()).contains("BPNT");
      assertThat(c.get("routing").toString()).contains("SALMAN_SEMBAKO", "ALTERNATIVE");
      assertThat(c.get("householdLedger").toString()).contains("BPNT", "PROPOSED");
      assertThat(c.get("timeline").size()).isGreaterThan(3);
    });
    assertThat(data.get("processData").toString()).contains("residentName");
    assertThat(accessLog.entries(resident)).anySatisfy(entry -> {
      assertThat(entry.purpose()).isEqualTo(AccessLog.Purpose.EXPORT);
      assertThat(entry.by()).isEqualTo("koordinator");
    });
    api.get("bo", "/api/registry/residents/" + resident);
    assertThat(accessLog.entries(resident)).extracting(AccessLog.Entry::purpose).contains(AccessLog.Purpose.RECORD_VIEW);
  }

  @Test
  void erasureWaitsForTheOpenCaseThenRemovesThePersonalData() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String nik = intake.get("nik").toString();
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    long resident = registry.findByNik(nik).orElseThrow().id();
    String erasure = "/api/registry/residents/" + resident + "/erasure";

    assertThat(api.post("fo", erasure, Map.of("reason", "Permintaan warga")).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> open = api.post("koordinator", erasure, Map.of("reason", "Permintaan warga"));
    assertThat(open.getStatusCode().value()).isEqualTo(409);
    assertThat(open.getBody().toString()).contains("kasus terbuka");
    api.post("fo", "/api/referrals/" + number + "/withdrawal", Map.of("reason", "Minta datanya dihapus"));

    ResponseEntity<JsonNode> erased = api.post("koordinator", erasure,
        Map.of("reason", "Surat permintaan warga tanggal " + LocalDate.now(RujukanApplication.ZONE)));

    assertThat(erased.getStatusCode().value()).as(String.valueOf(erased.getBody())).isEqualTo(200);
    assertThat(registry.findByNik(nik)).isEmpty();
    assertThat(registry.get(resident).fullName()).isEqualTo("Dihapus atas permintaan warga");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    JsonNode export = api.get("koordinator", "/api/registry/residents/" + resident + "/export").getBody();
    assertThat(export.toString()).doesNotContain(nik).doesNotContain("Siti Aminah").doesNotContain("Suami sakit");
    assertThat(api.view(number).get("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(accessLog.entries(resident)).extracting(AccessLog.Entry::purpose).contains(AccessLog.Purpose.ERASURE);
  }

  @Test
  void aidHandedOverIsKeptForItsRetentionPeriod() {
    String number = api.caseWithAidHandedOver();
    api.complete("fasilitator", number, "task_followUp", "aidReceived", "YES", "aidHelped", "YES",
        "followUpNotes", "Diterima");
    long resident = jdbc.sql("SELECT resident_id FROM referral WHERE referral_number = ?").param(number)
        .query(Long.class).single();

    ResponseEntity<JsonNode> kept = api.post("koordinator", "/api/registry/residents/" + resident + "/erasure",
        Map.of("reason", "Permintaan warga"));

    assertThat(kept.getStatusCode().value()).isEqualTo(409);
    assertThat(kept.getBody().toString()).contains("wajib disimpan sampai "
        + id.puskesos.rujukan.common.Dates.written(CaseApi.today().plusYears(5)));
  }

}
