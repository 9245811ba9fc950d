package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.registry.ChangeSource;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.Duplicates;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.registry.ResidentChange;
import id.puskesos.rujukan.registry.Reverification;

/**
 * The registry at work in cases: a resident outside DTKS/DTSEN proposed to Dinas Sosial while the case goes on,
 * a probable duplicate reviewed by the operator for good, the monthly re-verification, the figures.
 */
class RegistryScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Registry registry;
  @Autowired
  private Duplicates duplicates;
  @Autowired
  private Reverification reverification;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void residentOutsideDtksIsProposedToDinsosWhileTheCaseGoesToOtherPrograms() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyInField(number, null);

    Task proposal = api.partnerTask(number, "task_submitDtksProposal", "dinsos");
    assertThat(api.view(number).get("timeline").toString()).contains("Diusulkan masuk DTKS/DTSEN");
    api.assessEligible(number, false, true, "FOOD");

    // BPNT needs DTKS/DTSEN: the table does not route to it; Salman serves the resident meanwhile
    assertThat(api.partnerTask(number, "task_decideReferral", "salman")).isNotNull();
    JsonNode programs = api.view(number).get("programs");
    assertThat(programs.toString()).doesNotContain("\"code\":\"BPNT\"").contains("SALMAN_SEMBAKO");

    assertThat(api.submitForm("dinsos", proposal.getId(), "proposalOutcome", "SUBMITTED",
        "proposalReference", "SIKS-2026-0042").getStatusCode().value()).isEqualTo(204);
    Task result = api.partnerTask(number, "task_recordDtksResult", "dinsos");
    assertThat(api.submitForm("dinsos", result.getId(), "resultOutcome", "LISTED", "resultDesil", 2,
        "listedOn", LocalDate.now(RujukanApplication.ZONE).toString()).getStatusCode().value()).isEqualTo(204);

    Resident resident = registry.findByNik(intake.get("nik").toString()).orElseThrow();
    assertThat(resident.dtksStatus()).isEqualTo(DtksStatus.LISTED);
    assertThat(resident.desil()).isEqualTo(2);
    assertThat(registry.history(resident.id())).anySatisfy(change -> {
      assertThat(change.source()).isEqualTo(ChangeSource.DTKS_PROPOSAL);
      assertThat(change.field()).isEqualTo("DTKS_STATUS");
      assertThat(change.by()).isEqualTo("dinsos");
      assertThat(change.reason()).contains("SIKS-2026-0042");
    });
    assertThat(api.view(number).get("timeline").toString()).contains("Warga masuk DTKS/DTSEN, desil 2");
  }

  @Test
  void probableDuplicateIsReviewedByTheOperatorAndTheDecisionSticks() {
    Map<String, Object> first = CaseApi.intake("FOOD");
    // a name the synthetic extracts of the import tests never give, so no third record looks alike
    first.put("fullName", "Nyimas Kemuning");
    String firstNumber = api.submitIntake("fo", first).getBody().get("referralNumber").asText();
    Map<String, Object> second = new HashMap<>(first);
    String nik = first.get("nik").toString();
    second.put("nik", nik.substring(0, 12) + "%04d".formatted(Integer.parseInt(nik.substring(12)) + 7000));

    String secondNumber = api.submitIntake("fo", second).getBody().get("referralNumber").asText();

    assertThat(secondNumber).isNotEqualTo(firstNumber);
    api.awaitRegistryChecked(secondNumber);
    assertThat(api.view(secondNumber).get("timeline").toString()).contains("kemungkinan data ganda");
    Resident a = registry.findByNik(nik).orElseThrow();
    Resident b = registry.findByNik(second.get("nik").toString()).orElseThrow();
    Task review = taskService.createTaskQuery().taskDefinitionKey("task_reviewDuplicate")
        .processInstanceBusinessKey(candidateKey(a.id(), b.id())).singleResult();
    assertThat(taskService.getIdentityLinksForTask(review.getId())).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("fo"));
    // the review shows both records in full (which one is "A" follows the ids, and PostgreSQL hands out cached id
    // blocks per connection, so the later record may have the lower id)
    assertThat(runtimeService.getVariable(review.getProcessInstanceId(), "recordA").toString() + " "
        + runtimeService.getVariable(review.getProcessInstanceId(), "recordB")).contains(nik, second.get("nik").toString());

    assertThat(api.submitForm("fo", review.getId(), "duplicateDecision", "NOT_DUPLICATE",
        "duplicateNote", "KTP diperiksa: dua orang berbeda").getStatusCode().value()).isEqualTo(204);

    assertThat(duplicates.underReview(a.id())).isFalse();
    assertThat(duplicates.detectFor(b.id())).as("a decided pair is not flagged again").isEmpty();
    assertThat(registry.get(b.id()).active()).isTrue();
  }

  @Test
  void operatorMergingADuplicateMovesItsCasesToTheRecordKept() {
    Map<String, Object> first = CaseApi.intake("FOOD");
    // a name the synthetic extracts of the import tests never give, so no third record looks alike
    first.put("fullName", "Nyimas Larasati");
    String firstNumber = api.submitIntake("fo", first).getBody().get("referralNumber").asText();
    // the withdrawal may meet the registry check's job on the case: it is run again, not lost
    assertThat(api.post("fo", "/api/referrals/" + firstNumber + "/withdrawal", Map.of("reason", "Didaftarkan ulang"))
        .getStatusCode().value()).isEqualTo(200);
    Map<String, Object> second = new HashMap<>(first);
    String nik = first.get("nik").toString();
    second.put("nik", nik.substring(0, 12) + "%04d".formatted(Integer.parseInt(nik.substring(12)) + 8000));
    String secondNumber = api.submitIntake("fo", second).getBody().get("referralNumber").asText();
    api.awaitRegistryChecked(secondNumber);
    Resident a = registry.findByNik(nik).orElseThrow();
    Resident b = registry.findByNik(second.get("nik").toString()).orElseThrow();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(candidateKey(a.id(), b.id()))
        .singleResult();

    // the review's A is the lower id; on PostgreSQL ids come from per-connection cached blocks, so the later
    // record can have the lower id
    ResponseEntity<String> merged = api.submitForm("fo", review.getId(), "duplicateDecision",
        a.id() < b.id() ? "KEEP_A" : "KEEP_B", "duplicateNote", "NIK B salah ketik");
    assertThat(merged.getStatusCode().value()).as(merged.getBody()).isEqualTo(204);

    assertThat(registry.get(b.id()).active()).isFalse();
    assertThat(registry.get(b.id()).mergedInto()).isEqualTo(a.id());
    assertThat(jdbc.sql("SELECT resident_id FROM referral WHERE referral_number = ?").param(secondNumber)
        .query(Long.class).single()).isEqualTo(a.id());
    assertThat(registry.history(b.id())).extracting(ResidentChange::field).contains(ResidentChange.MERGED);

    // the merged NIK typed again stands for the record kept: its open case, its contact details
    second.put("phone", "081311112222");
    JsonNode again = api.submitIntake("fo", second).getBody();
    assertThat(again.get("merged").asBoolean()).isTrue();
    assertThat(again.get("referralNumber").asText()).isEqualTo(secondNumber);
    assertThat(registry.get(a.id()).phone()).isEqualTo("081311112222");
    // so does work started on the merged record before the review (a re-verification, a DTKS proposal)
    registry.markVerified(b.id(), "fasilitator", ChangeSource.REVERIFICATION, "kunjungan sebelum penggabungan");
    assertThat(registry.get(a.id()).verifiedBy()).isEqualTo("fasilitator");
    assertThat(registry.get(b.id()).verifiedAt()).isNull();
  }

  @Test
  void monthlyReverificationSendsDueBeneficiariesToTheFasilitatorsWhoseVisitsRefreshTheRecord() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    Resident resident = registry.findByNik(intake.get("nik").toString()).orElseThrow();
    jdbc.sql("UPDATE resident SET verified_at = ? WHERE id = ?")
        .params(java.time.OffsetDateTime.now().minusYears(2), resident.id()).update();
    long due = reverification.countDue();
    assertThat(due).isPositive();

    Reverification.Batch batch = reverification.issueBatch();

    assertThat(batch.issued()).isPositive().isLessThanOrEqualTo(25);
    assertThat(batch.remainingDue()).isEqualTo(due - batch.issued());
    List<Task> visits = taskService.createTaskQuery().taskDefinitionKey("task_reverifyResident").list();
    assertThat(visits).hasSizeGreaterThanOrEqualTo(batch.issued());
    Task visit = visits.get(0);
    long visited = ((Number) runtimeService.getVariable(visit.getProcessInstanceId(), "residentId")).longValue();
    assertThat(api.submitForm("fasilitator", visit.getId(), "visitDate", CaseApi.today().toString(),
        "correctedAddress", "Jl. Cisitu Lama No. 9", "correctedRt", "4", "correctedRw", "11",
        "visitFindings", "Pindah rumah dalam kelurahan yang sama").getStatusCode().value()).isEqualTo(204);
    Resident refreshed = registry.get(visited);
    assertThat(refreshed.address()).isEqualTo("Jl. Cisitu Lama No. 9");
    assertThat(refreshed.verifiedAt()).isAfter(java.time.OffsetDateTime.now().minusMinutes(5));
    assertThat(registry.history(visited)).anySatisfy(change ->
        assertThat(change.source()).isEqualTo(ChangeSource.REVERIFICATION));
    assertThat(reverification.due(100_000)).doesNotContain(visited);
  }

  @Test
  void managerSeesTheDataAccuracyFigures() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);

    ResponseEntity<JsonNode> figures = http.exchange("/api/registry/figures", HttpMethod.GET,
        new HttpEntity<>(CaseApi.headers("manajer")), JsonNode.class);
    ResponseEntity<JsonNode> refused = http.exchange("/api/registry/figures", HttpMethod.GET,
        new HttpEntity<>(CaseApi.headers("baznas")), JsonNode.class);

    assertThat(figures.getStatusCode().value()).isEqualTo(200);
    JsonNode body = figures.getBody();
    assertThat(body.get("activeBeneficiaries").asLong()).isPositive();
    assertThat(body.get("verifiedShare").asDouble()).isBetween(0.0, 1.0);
    assertThat(body.get("validity").asText()).isEqualTo("P6M");
    assertThat(body.get("correctionsByMonth").toString()).contains("FIELD_VERIFICATION");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
  }

  private String candidateKey(long a, long b) {
    return "DUP-" + jdbc.sql("SELECT id FROM duplicate_candidate WHERE resident_a = ? AND resident_b = ?")
        .params(Math.min(a, b), Math.max(a, b)).query(Long.class).single();
  }
}
