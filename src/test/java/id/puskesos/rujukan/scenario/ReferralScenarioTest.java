package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whole cases through the running application: intake over {@code POST /api/referrals}, every task form submitted
 * over HTTP by a user of the task's group, the case read back with {@code GET /api/referrals/{number}}.
 * Runs on H2 and, in CI, a second time on PostgreSQL.
 */
class ReferralScenarioTest extends ScenarioTestSupport {

  @Autowired
  private HistoryService historyService;

  @Test
  void apiIntakeOpensACaseWaitingForVerification() {
    Map<String, Object> intake = CaseApi.intake("FOOD", "HEALTH");

    ResponseEntity<JsonNode> created = api.submitIntake("fo", intake);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String number = created.getBody().get("referralNumber").asText();
    assertThat(number).matches("RJK-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/referrals/" + number);
    assertThat(created.getBody().get("status").asText()).isEqualTo("OPEN");
    assertThat(created.getBody().get("merged").asBoolean()).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(
        created.getBody().get("processInstanceId").asText()).singleResult().getBusinessKey()).isEqualTo(number);

    JsonNode view = api.view(number);
    assertThat(view.get("stage").asText()).isEqualTo("VERIFICATION");
    assertThat(CaseApi.texts(view.get("needs"))).containsExactly("FOOD", "HEALTH");
    assertThat(view.get("resident").get("nikMasked").asText()).isEqualTo(
        intake.get("nik").toString().substring(0, 4) + "**********" + intake.get("nik").toString().substring(14));
    assertThat(view.toString()).doesNotContain(intake.get("nik").toString());
    assertThat(view.get("openTasks")).singleElement().satisfies(task -> {
      assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("task_homeVisit");
      assertThat(CaseApi.texts(task.get("candidateGroups"))).containsExactly("fasilitator");
    });
    assertThat(types(view)).containsExactly("INTAKE_RECEIVED", "STAGE_ENTERED", "REGISTRY_CHECKED");
    assertThat(view.get("timeline").get(2).get("text").asText())
        .contains("belum pernah diverifikasi lapangan", "status DTKS/DTSEN belum diketahui");
  }

  @Test
  void fullyFacilitatedCaseIsDistributedFollowedUpAndClosed() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");
    assertThat(api.view(number).get("stage").asText()).isEqualTo("ROUTING");

    api.recommendAndApprove(number, "BPNT");
    assertThat(api.view(number).get("recommendationNumber").asText()).isEqualTo("REK/" + number);
    api.partnerDecides(number, "dinsos", "decision", "ACCEPT", "plannedAid", "Rp200.000 per bulan");
    assertThat(api.view(number).get("stage").asText()).isEqualTo("DISTRIBUTION");
    api.partnerDistributes(number, "dinsos", "distributionDate", LocalDate.now().toString(), "aidAmount", 200000,
        "proofReference", "KKS-0042", "receiptConfirmed", true);
    api.complete("fasilitator", number, "task_followUp", "aidReceived", "YES", "aidHelped", "YES",
        "satisfaction", "5", "followUpNotes", "Bantuan diterima lengkap");

    JsonNode view = api.view(number);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("outcome").asText()).isEqualTo("FACILITATED");
    assertThat(view.get("openTasks")).isEmpty();
    assertThat(view.get("programs")).singleElement().satisfies(program -> {
      assertThat(program.get("code").asText()).isEqualTo("BPNT");
      assertThat(program.get("status").asText()).isEqualTo("DISTRIBUTED");
      assertThat(program.get("decidedBy").asText()).isEqualTo("dinsos");
      assertThat(program.get("distributedBy").asText()).isEqualTo("dinsos");
      assertThat(program.get("aidAmount").decimalValue()).isEqualByComparingTo("200000");
    });
    assertThat(types(view)).contains("REGISTRY_CHECKED", "HOME_VISITED", "ASSESSED", "RECOMMENDATION_DRAFTED", "SERVICE_DECIDED",
        "PROGRAM_REFERRED", "PARTNER_ACCEPTED", "AID_DISTRIBUTED", "FOLLOWED_UP", "CLOSED");
    assertThat(stages(view)).containsExactly("Tahap: Verifikasi dan validasi", "Tahap: Asesmen kebutuhan",
        "Tahap: Penentuan rujukan", "Tahap: Keputusan mitra", "Tahap: Tindak lanjut dan evaluasi");
    assertThat(actorOf(view, "SERVICE_DECIDED")).isEqualTo("koordinator");
    assertThat(actorOf(view, "CLOSED")).isEqualTo("fasilitator");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getEndActivityId()).isEqualTo("end_closedFacilitated");
  }

  @Test
  void partnerQuestionAndOneRejectionMakeTheCasePartlyFacilitated() {
    String number = api.openCase("FOOD", "HEALTH");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "FOOD", "HEALTH");
    api.recommendAndApprove(number, "BAZNAS_SEHAT", "SALMAN_SEMBAKO");

    api.partnerDecides(number, "salman", "decision", "REQUEST_INFO", "infoRequest", "Berapa jumlah tanggungan?");
    assertThat(programStatus(number, "SALMAN_SEMBAKO")).isEqualTo("INFO_REQUESTED");
    api.complete("bo", number, "task_provideInformation", "infoResponse", "Empat orang, dua anak sekolah");
    api.partnerDecides(number, "salman", "decision", "ACCEPT");
    api.partnerDecides(number, "baznas", "decision", "REJECT", "rejectionReason", "Tagihan sudah dilunasi BPJS");
    api.partnerDistributes(number, "salman", "distributionDate", LocalDate.now().toString(),
        "aidItems", "20 kg beras, 3 L minyak", "proofReference", "BA-17", "receiptConfirmed", true);
    api.complete("fasilitator", number, "task_followUp", "aidReceived", "YES", "aidHelped", "PARTLY",
        "satisfaction", "4", "followUpNotes", "Sembako diterima; biaya berobat masih berat");

    JsonNode view = api.view(number);
    assertThat(view.get("outcome").asText()).isEqualTo("PARTLY_FACILITATED");
    assertThat(view.get("outcomeReason").asText()).contains("Tagihan sudah dilunasi BPJS");
    assertThat(programStatus(number, "BAZNAS_SEHAT")).isEqualTo("REJECTED");
    assertThat(programStatus(number, "SALMAN_SEMBAKO")).isEqualTo("DISTRIBUTED");
    assertThat(types(view)).contains("INFO_REQUESTED", "INFO_PROVIDED", "PARTNER_REJECTED");
  }

  @Test
  void allPartnersRejectingClosesTheCaseAsRejected() {
    String number = api.openCase("CASH");
    api.verifyValid(number);
    api.assessEligible(number, true, false, "CASH");
    api.recommendAndApprove(number, "PKH", "BAZNAS_MAKMUR");

    api.partnerDecides(number, "dinsos", "decision", "REJECT", "rejectionReason", "Bukan desil 1-4");
    api.partnerDecides(number, "baznas", "decision", "REJECT", "rejectionReason", "Kuota periode ini habis");

    JsonNode view = api.view(number);
    assertThat(view.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(view.get("outcomeReason").asText()).contains("Bukan desil 1-4", "Kuota periode ini habis");
    assertThat(view.get("openTasks")).isEmpty();
  }

  @Test
  void partnerWithoutConsentDoesNotReceiveTheCase() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");

    api.recommendAndApprove(number, "BPNT", "SALMAN_SEMBAKO");

    assertThat(programStatus(number, "SALMAN_SEMBAKO")).isEqualTo("NOT_SENT");
    assertThat(programStatus(number, "BPNT")).isEqualTo("REFERRED");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("salman").count())
        .isZero();
    assertThat(types(api.view(number))).contains("PROGRAM_SKIPPED");
  }

  @Test
  void residentVerifiedInTheFieldGoesStraightToAssessmentOnTheNextCase() {
    Map<String, Object> intake = CaseApi.intake("ELDERLY");
    String first = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.complete("fasilitator", first, "task_homeVisit", "visitDate", LocalDate.now().toString(),
        "visitFindings", "Lansia tinggal sendiri", "correctedAddress", "Jl. Tamansari Gg. Sukaasih No. 12",
        "correctedRt", "3", "correctedRw", "7", "dtksStatus", "LISTED", "desil", 1, "deceased", false,
        "movedAway", false, "opinionsRequested", List.of("nakes"), "verificationResult", "VALID");
    api.complete("nakes", first, "task_giveOpinion", "opinion", "Hipertensi, perlu kontrol rutin");
    assertThat(runtimeService.getVariable(api.task(first, "task_assessNeeds").getProcessInstanceId(),
        "opinionsSummary")).isEqualTo("Tenaga kesehatan: Hipertensi, perlu kontrol rutin");
    api.post("fo", "/api/referrals/" + first + "/withdrawal", Map.of("reason", "Sudah dibantu keluarga"));

    String second = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();

    assertThat(second).isNotEqualTo(first);
    assertThat(api.task(second, "task_assessNeeds")).isNotNull();
    assertThat(api.tasks(second, "task_homeVisit")).isEmpty();
    assertThat(api.view(second).get("timeline").toString()).contains("bersih dan mutakhir (DTKS/DTSEN desil 1)");
  }

  @Test
  void notEligibleAtFieldVerificationIsClosedWithTheReason() {
    String number = api.openCase("CASH");

    api.complete("fasilitator", number, "task_homeVisit", "visitDate", LocalDate.now().toString(),
        "visitFindings", "Warga meninggal bulan lalu", "correctedAddress", "Jl. Tamansari Gg. Sukaasih No. 12",
        "correctedRt", "3", "correctedRw", "7", "deceased", true, "movedAway", false, "opinionsRequested", List.of(),
        "verificationResult", "NOT_ELIGIBLE", "notEligibleReason", "Warga meninggal dunia");

    JsonNode view = api.view(number);
    assertThat(view.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
    assertThat(view.get("outcomeReason").asText()).isEqualTo("Warga meninggal dunia");
  }

  @Test
  void secondIntakeForAResidentWithAnOpenCaseIsMerged() {
    Map<String, Object> first = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", first).getBody().get("referralNumber").asText();
    Map<String, Object> second = new java.util.HashMap<>(first);
    second.put("needs", List.of("FOOD", "EDUCATION"));
    second.put("channel", "WHATSAPP");
    second.put("description", "Anak belum bayar SPP tiga bulan");

    ResponseEntity<JsonNode> merged = api.submitIntake("fo", second);

    assertThat(merged.getStatusCode().value()).isEqualTo(200);
    assertThat(merged.getBody().get("referralNumber").asText()).isEqualTo(number);
    assertThat(merged.getBody().get("merged").asBoolean()).isTrue();
    JsonNode view = api.view(number);
    assertThat(CaseApi.texts(view.get("needs"))).containsExactly("FOOD", "EDUCATION");
    assertThat(types(view)).contains("INTAKE_MERGED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
    assertThat(runtimeService.getVariable(merged.getBody().get("processInstanceId").asText(), "description")
        .toString()).contains("Anak belum bayar SPP");
    assertThat(api.tasks(number, "task_reviewAddedNeeds")).isEmpty();
  }

  @Test
  void needsAddedAfterRoutingGiveTheBackOfficeAReviewTask() {
    Map<String, Object> first = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", first).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");
    api.recommendAndApprove(number, "BPNT");
    Map<String, Object> second = new java.util.HashMap<>(first);
    second.put("needs", List.of("HEALTH"));
    second.put("description", "Ibu jatuh sakit");

    assertThat(api.submitIntake("fo", second).getStatusCode().value()).isEqualTo(200);

    api.complete("bo", number, "task_reviewAddedNeeds", "reviewAction", "NEW_REFERRAL",
        "reviewNote", "Rujuk ke Bandung Sehat setelah BPNT");
    assertThat(api.view(number).get("timeline").toString()).contains("Rujuk ke Bandung Sehat setelah BPNT");
    assertThat(api.partnerTask(number, "task_decideReferral", "dinsos")).isNotNull();
  }

  @Test
  void residentWithdrawalClosesTheCaseAndCancelsPartnerWork() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");
    api.recommendAndApprove(number, "BPNT");

    ResponseEntity<JsonNode> withdrawn = api.post("fo", "/api/referrals/" + number + "/withdrawal",
        Map.of("reason", "Sudah dibantu keluarga"));

    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(withdrawn.getBody().get("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.getBody().get("openTasks")).isEmpty();
    assertThat(programStatus(number, "BPNT")).isEqualTo("CANCELLED");
    assertThat(api.post("fo", "/api/referrals/" + number + "/withdrawal", Map.of("reason", "lagi"))
        .getStatusCode().value()).isEqualTo(409);
    assertThat(api.post("fo", "/api/referrals/RJK-1999-000001/withdrawal", Map.of("reason", "x"))
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void withdrawalStartedFromTasklistClosesTheCase() {
    String number = api.openCase("FOOD");

    ResponseEntity<JsonNode> started = api.submitStartForm("fo", "referral-withdrawal",
        "referralNumber", number, "withdrawalReason", "Pindah domisili");

    assertThat(started.getStatusCode().value()).isEqualTo(200);
    assertThat(api.view(number).get("outcome").asText()).isEqualTo("WITHDRAWN");
    ResponseEntity<JsonNode> again = api.submitStartForm("fo", "referral-withdrawal",
        "referralNumber", number, "withdrawalReason", "Pindah domisili");
    assertThat(again.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(again.getBody().get("message").asText()).contains("sudah ditutup");
  }

  @Test
  void partnerRejectionWithoutReasonIsRefusedAndTheTaskStays() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");
    api.recommendAndApprove(number, "BPNT");
    String taskId = api.partnerTask(number, "task_decideReferral", "dinsos").getId();

    ResponseEntity<String> refused = api.submitForm("dinsos", taskId, "decision", "REJECT");

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains("Alasan penolakan wajib diisi");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(programStatus(number, "BPNT")).isEqualTo("REFERRED");
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private String programStatus(String number, String code) {
    for (JsonNode program : api.view(number).get("programs")) {
      if (program.get("code").asText().equals(code)) {
        return program.get("status").asText();
      }
    }
    throw new AssertionError(code + " not among the case's programs");
  }

  private static List<String> types(JsonNode view) {
    List<String> types = new ArrayList<>();
    view.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
    return types;
  }

  private static List<String> stages(JsonNode view) {
    List<String> stages = new ArrayList<>();
    view.get("timeline").forEach(entry -> {
      if (entry.get("type").asText().equals("STAGE_ENTERED")) {
        stages.add(entry.get("text").asText());
      }
    });
    return stages;
  }

  private static String actorOf(JsonNode view, String type) {
    for (JsonNode entry : view.get("timeline")) {
      if (entry.get("type").asText().equals(type)) {
        return entry.get("actor").asText();
      }
    }
    throw new AssertionError("no " + type + " in the timeline");
  }
}
