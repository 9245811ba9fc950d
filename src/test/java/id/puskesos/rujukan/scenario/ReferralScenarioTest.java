package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    assertThat(number).matches("RJK-3273021006-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/referrals/" + number);
    assertThat(created.getBody().get("status").asText()).isEqualTo("OPEN");
    assertThat(created.getBody().get("merged").asBoolean()).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(
        created.getBody().get("processInstanceId").asText()).singleResult().getBusinessKey()).isEqualTo(number);

    api.awaitRegistryChecked(number); // after the intake's save point
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
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.topUp("BAZNAS_KONSUMTIF", 5_000_000L);

    api.partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT", "plannedAid", "Sembako bulan ini");
    assertThat(api.view(number).get("stage").asText()).isEqualTo("DISTRIBUTION");
    api.partnerHandsOver(number, "BAZNAS_KONSUMTIF", "baznas", true, "aidAmount", 500000);
    api.complete("fasilitator", number, "task_followUp", "aidReceived", "YES", "aidHelped", "YES",
        "satisfaction", "5", "followUpNotes", "Bantuan diterima lengkap");

    JsonNode view = api.view(number);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("outcome").asText()).isEqualTo("FACILITATED");
    assertThat(view.get("openTasks")).isEmpty();
    assertThat(view.get("programs")).anySatisfy(program -> {
      assertThat(program.get("code").asText()).isEqualTo("BAZNAS_KONSUMTIF");
      assertThat(program.get("status").asText()).isEqualTo("DISTRIBUTED");
      assertThat(program.get("proposedAmount").asLong()).isEqualTo(500000);
      assertThat(program.get("grantedAmount").asLong()).isEqualTo(500000);
      assertThat(program.get("decidedBy").asText()).isEqualTo("baznas");
      assertThat(program.get("distributedBy").asText()).isEqualTo("baznas");
      assertThat(program.get("aidAmount").decimalValue()).isEqualByComparingTo("500000");
      assertThat(program.get("letterNumber").asText()).isEqualTo("REK/" + number + "/BAZNAS_KONSUMTIF");
    });
    ResponseEntity<byte[]> letter = api.bytes("manajer", "/api/referrals/" + number + "/letters/BAZNAS_KONSUMTIF");
    assertThat(letter.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(new String(letter.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(types(view)).contains("REGISTRY_CHECKED", "HOME_VISITED", "ASSESSED", "ROUTED", "RECOMMENDATION_PREPARED", "PROGRAM_REFERRED",
        "PARTNER_ACCEPTED", "BUDGET_RESERVED", "SERVICE_DECIDED", "AID_DISTRIBUTED", "FOLLOWED_UP", "CLOSED");
    assertThat(stages(view)).containsExactly("Tahap: Verifikasi dan validasi", "Tahap: Asesmen kebutuhan",
        "Tahap: Penentuan rujukan", "Tahap: Keputusan mitra", "Tahap: Penyaluran bantuan",
        "Tahap: Tindak lanjut dan evaluasi");
    assertThat(actorOf(view, "SERVICE_DECIDED")).isEqualTo("koordinator");
    assertThat(actorOf(view, "CLOSED")).isEqualTo("fasilitator");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getEndActivityId()).isEqualTo("end_closedFacilitated");
  }

  @Test
  void oneProgramPerNeedIsReferredAndTheNextAlternativeTakesOverARejection() {
    String number = api.openCase("FOOD", "HEALTH");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "FOOD", "HEALTH");
    assertThat(programCodes(number)).containsExactlyInAnyOrder("BPNT", "BAZNAS_SEHAT");
    assertThat(api.routing(number)).contains("FOOD BPNT CHOSEN", "FOOD SALMAN_SEMBAKO ALTERNATIVE",
        "FOOD BAZNAS_KONSUMTIF ALTERNATIVE", "HEALTH BAZNAS_SEHAT CHOSEN");

    api.partnerDecides(number, "BAZNAS_SEHAT", "baznas", "decision", "REQUEST_INFO", "infoRequest",
        "Berapa jumlah tanggungan?");
    assertThat(programStatus(number, "BAZNAS_SEHAT")).isEqualTo("INFO_REQUESTED");
    api.completeProgramTask("bo", number, "task_provideInformation", "BAZNAS_SEHAT", "infoResponse",
        "Dua orang dewasa");
    // the ministry does not set the household for Sembako this period
    api.awaitProgramStatus(number, "BPNT", "PROPOSED");
    api.ministryDecides(number, "BPNT", "DITOLAK", "Tidak memenuhi syarat");
    // the same partner referral goes on with the food alternative: Salman's package
    api.partnerDecides(number, "SALMAN_SEMBAKO", "salman", "decision", "ACCEPT");
    api.partnerDecides(number, "BAZNAS_SEHAT", "baznas", "decision", "REJECT", "rejectionCode", "OTHER",
        "rejectionReason", "Tagihan sudah dilunasi BPJS");
    // health has its alternatives: the PBI-JK proposal (not set this period), then the Puskesmas (no service needed)
    api.ministryDecides(number, "PBI_JK", "DITOLAK", "Sudah peserta JKN mandiri");
    api.partnerDecides(number, "PUSKESMAS", "puskesmas", "decision", "REJECT", "rejectionCode", "OTHER",
        "rejectionReason", "Tidak ada layanan yang dibutuhkan");
    api.partnerHandsOver(number, "SALMAN_SEMBAKO", "salman", true, "aidItems", "20 kg beras, 3 L minyak",
        "aidQuantity", 1);
    api.followUp(number, "YES", "YES", "PARTLY", 4);

    JsonNode view = api.view(number);
    assertThat(view.get("outcome").asText()).as("food answered, health not").isEqualTo("PARTLY_FACILITATED");
    assertThat(view.get("outcomeReason").asText()).contains("Lainnya: Tagihan sudah dilunasi BPJS");
    assertThat(program(number, "BPNT").get("rejectionCode").asText()).isEqualTo("MINISTRY_REJECTED");
    assertThat(programStatus(number, "SALMAN_SEMBAKO")).isEqualTo("DISTRIBUTED");
    assertThat(api.routing(number)).contains("FOOD BPNT TRIED", "FOOD SALMAN_SEMBAKO CHOSEN");
    assertThat(api.timeline(number, "ROUTED")).anySatisfy(t -> assertThat(t)
        .startsWith("BPNT / Sembako tidak tersalurkan").contains("Tidak memenuhi syarat")
        .endsWith("dialihkan ke alternatif berikutnya: Paket sembako"));
    assertThat(types(view)).contains("INFO_REQUESTED", "INFO_PROVIDED", "PARTNER_REJECTED");
  }

  @Test
  void aPartnerRejectingADuplicateDoesNotSpoilACaseWhoseNeedAnAlternativeMet() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, true, "FOOD");

    api.ministryDecides(number, "BPNT", "DITOLAK", "Sudah menerima bantuan sejenis");
    api.partnerDecides(number, "SALMAN_SEMBAKO", "salman", "decision", "ACCEPT");
    api.partnerHandsOver(number, "SALMAN_SEMBAKO", "salman", true, "aidItems", "Paket sembako", "aidQuantity", 1);
    api.followUp(number, "YES", "YES", "YES", 5);

    assertThat(api.view(number).get("outcome").asText()).isEqualTo("FACILITATED");
  }

  @Test
  void allPartnersRejectingClosesTheCaseAsRejected() {
    String number = api.openCase("CASH");
    api.verifyValid(number);
    api.assessFamily(number, false, false, "CASH");
    assertThat(programCodes(number)).containsExactly("PKH");
    assertThat(program(number, "PKH").get("proposedAmount").asLong()).isEqualTo(975000);
    assertThat(program(number, "PKH").get("proposalBasis").asText()).contains("2 komponen", "Rp3.900.000/tahun");

    api.ministryDecides(number, "PKH", "DITOLAK", "Bukan desil 1-4 menurut data terbaru");
    // the zakat alternatives need consent the resident did not give; BPNT is the last cash alternative
    api.ministryDecides(number, "BPNT", "DITOLAK", "Kuota periode ini habis");

    JsonNode view = api.view(number);
    assertThat(view.get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(view.get("outcomeReason").asText()).contains("Bukan desil 1-4", "Kuota periode ini habis");
    assertThat(view.get("openTasks")).isEmpty();
    assertThat(api.routing(number)).containsExactly("CASH PKH TRIED", "CASH BAZNAS_KONSUMTIF EXCLUDED",
        "CASH BPNT TRIED");
  }

  @Test
  void partnerWithoutConsentDoesNotReceiveTheCaseEvenAsAnAlternative() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");
    api.awaitProgramStatus(number, "BPNT", "PROPOSED");

    api.ministryDecides(number, "BPNT", "DITOLAK", "Tidak memenuhi syarat");

    assertThat(programStatus(number, "SALMAN_SEMBAKO")).isEqualTo("NOT_SENT");
    assertThat(program(number, "SALMAN_SEMBAKO").get("reason").asText())
        .isEqualTo("Warga belum menyetujui data dibagikan kepada Rumah Amal Salman");
    assertThat(programStatus(number, "BAZNAS_KONSUMTIF")).isEqualTo("NOT_SENT");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .taskHadCandidateGroup("salman").count() + historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(number).taskHadCandidateGroup("baznas").count()).isZero();
    assertThat(api.view(number).get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(types(api.view(number))).contains("PROGRAM_SKIPPED");
  }

  @Test
  void caseNoProgramFitsGoesToTheBackOfficeWhoRecommendsByHand() {
    String number = api.caseNothingFits(false);

    ResponseEntity<String> refused = api.submitForm("bo", api.task(number, "task_prepareRecommendation").getId(),
        "recommendation", "REFER", "addedPrograms", List.of("SALMAN_SEMBAKO"), "recommendationReason", "Pangan");
    assertThat(refused.getBody()).contains("belum menyetujui data dibagikan kepada Rumah Amal Salman");
    assertThat(api.task(number, "task_prepareRecommendation")).isNotNull();
    api.recommendByHand(number, "ATENSI");

    assertThat(api.programTask(number, "task_decideReferral", "ATENSI")).isNotNull();
    assertThat(types(api.view(number))).contains("ROUTED", "RECOMMENDATION_PREPARED", "SERVICE_DECIDED");
  }

  @Test
  void coordinatorClosesACaseNoProgramFitsOnTheBackOfficesRecommendation() {
    String number = api.caseNothingFits(false);

    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "CLOSE", "recommendationReason",
        "Dibantu langsung mengurus KTP di kelurahan");
    api.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");

    JsonNode view = api.view(number);
    assertThat(view.get("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
    assertThat(view.get("outcomeReason").asText()).isEqualTo("Dibantu langsung mengurus KTP di kelurahan");
  }

  @Test
  void residentVerifiedInTheFieldGoesStraightToAssessmentOnTheNextCase() {
    Map<String, Object> intake = CaseApi.intake("ELDERLY");
    String first = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.complete("fasilitator", first, "task_homeVisit", "visitDate", CaseApi.today().toString(),
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

    api.complete("fasilitator", number, "task_homeVisit", "visitDate", CaseApi.today().toString(),
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
    Map<String, Object> second = new java.util.HashMap<>(first);
    second.put("needs", List.of("HEALTH"));
    second.put("description", "Ibu jatuh sakit");

    assertThat(api.submitIntake("fo", second).getStatusCode().value()).isEqualTo(200);

    api.complete("bo", number, "task_reviewAddedNeeds", "reviewAction", "NEW_REFERRAL",
        "reviewNote", "Rujuk ke Bandung Sehat setelah BPNT");
    assertThat(api.view(number).get("timeline").toString()).contains("Rujuk ke Bandung Sehat setelah BPNT");
    api.awaitProgramStatus(number, "BPNT", "PROPOSED");
  }

  @Test
  void residentWithdrawalClosesTheCaseAndCancelsPartnerWork() {
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    api.programTask(number, "task_decideReferral", "ATENSI");

    ResponseEntity<JsonNode> withdrawn = api.post("fo", "/api/referrals/" + number + "/withdrawal",
        Map.of("reason", "Sudah dibantu keluarga"));

    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(withdrawn.getBody().get("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.getBody().get("openTasks")).isEmpty();
    assertThat(programStatus(number, "ATENSI")).isEqualTo("CANCELLED");
    assertThat(api.post("fo", "/api/referrals/" + number + "/withdrawal", Map.of("reason", "lagi"))
        .getStatusCode().value()).isEqualTo(409);
    assertThat(api.post("fo", "/api/referrals/RJK-1999-000001/withdrawal", Map.of("reason", "x"))
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void withdrawalStartedFromTasklistClosesTheCase() {
    String number = api.openCase("FOOD");
    // a Tasklist form that meets the case's registry-check job at that moment is refused by the engine (no retry
    // on that path, see docs/operations.md); the front office records withdrawals of cases already at work
    api.awaitRegistryChecked(number);

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
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    String taskId = api.programTask(number, "task_decideReferral", "ATENSI").getId();

    ResponseEntity<String> refused = api.submitForm("dinsos", taskId, "decision", "REJECT");

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains("Alasan penolakan wajib dipilih");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(programStatus(number, "ATENSI")).isEqualTo("REFERRED");
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private String programStatus(String number, String code) {
    return program(number, code).get("status").asText();
  }

  private JsonNode program(String number, String code) {
    for (JsonNode program : api.view(number).get("programs")) {
      if (program.get("code").asText().equals(code)) {
        return program;
      }
    }
    throw new AssertionError(code + " not among the case's programs");
  }

  /** The programs the case was referred to (sent to a partner). */
  private List<String> programCodes(String number) {
    await().atMost(java.time.Duration.ofSeconds(30)).until(() -> api.view(number).get("stage").asText()
        .equals("PARTNER_DECISION"));
    List<String> codes = new ArrayList<>();
    api.view(number).get("programs").forEach(p -> {
      if (!p.get("status").asText().equals("NOT_SENT")) {
        codes.add(p.get("code").asText());
      }
    });
    return codes;
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
