package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.ResidentDetails;
import id.puskesos.rujukan.registry.Sex;
import id.puskesos.rujukan.sla.SlaPlugin;

/**
 * One installation for the city (issue 22): each Puskesos a tenant. The demo's two, Lebak Siliwangi ({@code fo},
 * {@code fasilitator}...) and Dago ({@code fodago}, {@code fasilitatordago}...), number their own cases, and neither
 * reaches the other's over any surface; a partner works both in one worklist, filtered by kelurahan when it wants; a
 * resident who moved keeps one open case; an escalation from either is answered by the city SLRT onto the case; an
 * administrator adds a Puskesos in one request.
 */
class CityTenancyScenarioTest extends ScenarioTestSupport {

  private static final String LEBAK_SILIWANGI = "3273021006";
  private static final String DAGO = "3273021005";

  @Autowired
  private IdentityService identityService;
  @Autowired
  private SlaPlugin sla;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private Registry registry;
  @Autowired
  private Consents consents;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void eachPuskesosNumbersItsOwnCasesAndItsStaffNeverReachTheOthers() {
    String ours = api.openCase("FOOD");
    String theirs = api.atDago().openCase("FOOD");
    int year = Year.now(RujukanApplication.ZONE).getValue();

    assertThat(ours).startsWith("RJK-" + LEBAK_SILIWANGI + "-" + year + "-");
    assertThat(theirs).startsWith("RJK-" + DAGO + "-" + year + "-");
    Task visit = api.task(ours, "task_homeVisit");
    assertThat(visit.getTenantId()).isEqualTo(LEBAK_SILIWANGI);
    Task theirVisit = api.task(theirs, "task_homeVisit");
    assertThat(theirVisit.getTenantId()).isEqualTo(DAGO);
    // each Puskesos's service level and office hours: the city's 3 working days for the home visit, Dago's own 2 by
    // its own office hours (the demo's settings; WorkingCalendarTest shows the hours)
    assertThat(visit.getDueDate()).isEqualTo(sla.dueAfter("3WD", visit.getCreateTime()));
    assertThat(theirVisit.getDueDate()).isEqualTo(sla.dueAfter("2WD", theirVisit.getCreateTime(), DAGO));

    List<String> successes = new ArrayList<>();
    for (String user : List.of("fodago", "fasilitatordago", "bodago", "koordinatordago", "manajerdago")) {
      tryAll(user, ours, visit, successes);
    }
    assertThat(successes).as("what Dago's staff got of Lebak Siliwangi's case").isEmpty();
    assertThat(visit.getAssignee()).isNull();

    // a task update that leaves the tenant out (only name, priority and due date) keeps the task in its Puskesos
    assertThat(api.put("admin", "/engine-rest/task/" + theirVisit.getId(), Map.of("name", theirVisit.getName(),
        "priority", theirVisit.getPriority(), "due", "2026-01-05T09:00:00.000+0700")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(theirVisit.getId()).singleResult().getTenantId()).isEqualTo(DAGO);

    // each sees its own: the same requests succeed for the case's own Puskesos
    assertThat(api.get("manajer", "/api/referrals/" + ours).getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("manajerdago", "/api/referrals/" + theirs).getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("fasilitator", "/engine-rest/task?processInstanceBusinessKey=" + ours).getBody()).hasSize(1);
    assertThat(search("fodago", "").toString()).contains(theirs).doesNotContain(ours);
    assertThat(search("fo", "").toString()).contains(ours).doesNotContain(theirs);
  }

  @Test
  void aPartnerDecidesReferralsFromBothPuskesosInOneWorklistFilteredByKelurahan() {
    String ours = elderlyCaseAtDinsos(api);
    String theirs = elderlyCaseAtDinsos(api.atDago());

    JsonNode worklist = api.get("dinsos", "/engine-rest/task?candidateGroup=dinsos&taskDefinitionKey=task_decideReferral"
        + "&maxResults=1000").getBody();
    List<String> keys = tenants(worklist);
    assertThat(keys).contains(LEBAK_SILIWANGI, DAGO);
    JsonNode dagoOnly = api.get("dinsos", "/engine-rest/task?candidateGroup=dinsos&tenantIdIn=" + DAGO
        + "&maxResults=1000").getBody();
    assertThat(tenants(dagoOnly)).containsOnly(DAGO);
    assertThat(search("dinsos", "&puskesos=" + DAGO).toString()).contains(theirs).doesNotContain(ours);
    assertThat(search("dinsos", "&puskesos=" + LEBAK_SILIWANGI).toString()).contains(ours).doesNotContain(theirs);
    assertThat(api.get("dinsos", "/api/referrals?puskesos=32730").getStatusCode().value()).isEqualTo(400);
    // a name across the whole city is refused at once (9.5 s at the city's scale), within one kelurahan it is quick
    ResponseEntity<JsonNode> cityWideName = api.get("dinsos", "/api/referrals?q=Aminah");
    assertThat(cityWideName.getStatusCode().value()).isEqualTo(400);
    assertThat(cityWideName.getBody().toString()).contains("pilih Puskesos (kode kelurahan)");
    assertThat(search("dinsos", "&q=Aminah&puskesos=" + DAGO).toString()).contains(theirs)
        .doesNotContain(ours);

    api.partnerDecides(ours, "ATENSI", "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    api.partnerDecides(theirs, "ATENSI", "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    assertThat(api.program(ours, "ATENSI").get("status").asText()).isNotEqualTo("SENT");
    assertThat(api.atDago().program(theirs, "ATENSI").get("status").asText()).isNotEqualTo("SENT");
  }

  @Test
  void aResidentWhoMovesToAnotherKelurahanKeepsOneRecordAndOneOpenCase() {
    Map<String, Object> resident = CaseApi.intake("FOOD");
    ResponseEntity<JsonNode> first = api.submitIntake("fo", resident);
    String number = first.getBody().get("referralNumber").asText();

    Map<String, Object> moved = new java.util.LinkedHashMap<>(resident);
    moved.put("kelurahan", "Dago");
    moved.put("address", "Jl. Ir. H. Juanda No. 300");
    moved.put("needs", List.of("HEALTH"));
    moved.put("description", "Pindah ke Dago; sekarang juga sakit");
    ResponseEntity<JsonNode> again = api.atDago().submitIntake("fo", moved);

    assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(200);
    assertThat(again.getBody().get("merged").asBoolean()).isTrue();
    assertThat(again.getBody().get("referralNumber").asText()).isEqualTo(number);
    assertThat(again.getBody().get("warnings").toString()).contains("Puskesos Lebak Siliwangi", number);
    assertThat(api.view(number).toString()).contains("HEALTH");
    assertThat(search("manajer", "&nik=" + resident.get("nik")).get("total").asLong()).isOne();
    assertThat(search("manajerdago", "&nik=" + resident.get("nik")).get("total").asLong()).isZero();
  }

  @Test
  void theKoordinatorHandsAMovedResidentsOpenCaseOverToTheirNewPuskesos() throws Exception {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    taskService.claim(visit.getId(), "fasilitator");
    String path = "/api/referrals/" + number + "/handover";
    Map<String, Object> toDago = Map.of("puskesos", DAGO, "reason", "Warga pindah ke Dago");

    assertThat(api.post("koordinatordago", path, Map.of("puskesos", LEBAK_SILIWANGI, "reason", "x"))
        .getStatusCode().value()).isEqualTo(404);
    assertThat(api.post("fo", path, toDago).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> bad = api.post("koordinator", path, Map.of("puskesos", "3273029999", "reason", " "));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("tidak terdaftar", "Alasan pemindahan");

    // two clicks at once move it once
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<JsonNode>>> both = List.of(pool.submit(() -> api.post("koordinator", path, toDago)),
          pool.submit(() -> api.post("koordinator", path, toDago)));
      List<Integer> statuses = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> answer : both) {
        statuses.add(answer.get().getStatusCode().value());
      }
      assertThat(statuses).containsOnlyOnce(200).allMatch(status -> List.of(200, 404, 409).contains(status));
    } finally {
      pool.shutdownNow();
    }

    // the same case, number and history, now Dago's in the engine too; Lebak Siliwangi's staff no longer reach it
    Task moved = taskService.createTaskQuery().taskId(visit.getId()).singleResult();
    assertThat(moved.getTenantId()).isEqualTo(DAGO);
    assertThat(moved.getAssignee()).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(visit.getProcessInstanceId())
        .singleResult().getTenantId()).isEqualTo(DAGO);
    assertThat(api.get("koordinator", "/api/referrals/" + number).getStatusCode().value()).isEqualTo(404);
    assertThat(api.get("fasilitator", "/engine-rest/task/" + visit.getId()).getStatusCode().value()).isEqualTo(404);
    CaseApi dago = api.atDago();
    assertThat(dago.timeline(number, "HANDED_OVER")).singleElement().satisfies(text -> assertThat(text)
        .contains("dari Puskesos Lebak Siliwangi ke Puskesos Dago", "Warga pindah ke Dago"));
    dago.verifyValid(number);
    assertThat(dago.task(number, "task_assessNeeds").getTenantId()).isEqualTo(DAGO);
  }

  @Test
  void aResidentHearsFromTheirOwnPuskesos() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("kelurahan", "Dago");
    long resident = registry.lockOrCreate(new ResidentDetails(intake.get("nik").toString(),
        intake.get("kkNumber").toString(), intake.get("fullName").toString(),
        LocalDate.parse(intake.get("birthDate").toString()), Sex.F, intake.get("address").toString(),
        intake.get("rt").toString(), intake.get("rw").toString(), "Dago", intake.get("phone").toString()), "fodago",
        "Uji pesan warga").id();
    consents.record(resident, Consents.CONTACT_WHATSAPP, true, Consents.Source.REQUEST, null, "fodago");

    String number = api.atDago().submitIntake("fo", intake).getBody().get("referralNumber").asText();

    assertThat(jdbc.sql("""
        SELECT subject, body FROM notification_outbox WHERE referral_number = ? AND channel = 'WHATSAPP'""")
        .param(number).query((rs, row) -> rs.getString("subject") + " | " + rs.getString("body")).list())
        .isNotEmpty().allSatisfy(message -> assertThat(message).startsWith("Puskesos Dago | ")
            .doesNotContain("Lebak Siliwangi"))
        .anySatisfy(message -> assertThat(message).contains("| Puskesos Dago: pengaduan Anda sudah kami terima"));
  }

  @Test
  void anEscalationFromEitherPuskesosIsAnsweredByTheCitySlrtOntoTheCase() {
    CaseApi dago = api.atDago();
    String number = dago.caseNothingFits(false);
    dago.complete("bo", number, "task_prepareRecommendation", "recommendation", "ESCALATE", "recommendationReason",
        "Warga butuh rehabilitasi yang tidak tersedia di kelurahan");
    dago.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");

    Task answer = api.task(number, "task_answerEscalation");
    assertThat(answer.getTenantId()).isEqualTo(DAGO);
    assertThat(api.get("slrt", "/api/referrals/" + number + "/escalation").getBody().get("reason").asText())
        .contains("rehabilitasi");
    assertThat(api.get("koordinator", "/api/referrals/" + number).getStatusCode().value()).isEqualTo(404);
    assertThat(api.submitForm("koordinator", answer.getId(), "cityAnswer", "RETURNED", "cityNote", "x")
        .getStatusCode().value()).isIn(403, 404);

    dago.complete("slrt", number, "task_answerEscalation", "cityAnswer", "RETURNED", "cityNote",
        "Rujuk ke ATENSI melalui Dinsos");
    assertThat(dago.task(number, "task_prepareRecommendation").getTenantId()).isEqualTo(DAGO);
    assertThat(dago.timeline(number, "CITY_ANSWERED")).singleElement()
        .satisfies(t -> assertThat(t).contains("Rujuk ke ATENSI"));
  }

  @Test
  void anAdministratorAddsAPuskesosInOneRequest() {
    String user = "focipaganti";
    if (identityService.createUserQuery().userId(user).count() == 0) {
      User staff = identityService.newUser(user);
      staff.setPassword("Cipaganti-Kuat-2026!");
      identityService.saveUser(staff);
      identityService.createMembership(user, "fo");
    }
    Map<String, Object> request = Map.of("code", "3273021001", "name", "Cipaganti", "staff", List.of(user));

    assertThat(api.post("koordinator", "/api/puskesos", request).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> bad = api.post("admin", "/api/puskesos", Map.of("code", "3273991001", "name", "X",
        "staff", List.of("tidakada", "fodago")));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("Kecamatan 327399 tidak dikenal", "Nama kelurahan 3 sampai 100",
        "Pengguna tidakada tidak ada", "Pengguna fodago sudah petugas Puskesos Dago");

    ResponseEntity<JsonNode> added = api.post("admin", "/api/puskesos", request);
    assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
    assertThat(added.getBody().get("puskesos").get("kecamatan").asText()).isEqualTo("Coblong");
    ResponseEntity<JsonNode> again = api.post("admin", "/api/puskesos", request);
    assertThat(again.getBody().get("steps").findValuesAsText("outcome")).containsOnly("SUDAH_ADA");
    assertThat(api.get("dinsos", "/api/puskesos").getBody().findValuesAsText("name")).contains("Cipaganti", "Dago",
        "Lebak Siliwangi");

    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("kelurahan", "Cipaganti");
    ResponseEntity<JsonNode> opened = http.withBasicAuth(user, "Cipaganti-Kuat-2026!")
        .postForEntity("/api/referrals", intake, JsonNode.class);
    assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(201);
    assertThat(opened.getBody().get("referralNumber").asText()).startsWith("RJK-3273021001-");
    // a partner works for the new Puskesos from the start
    assertThat(identityService.createTenantQuery().tenantId("3273021001").groupMember("dinsos").count()).isOne();
  }

  private String elderlyCaseAtDinsos(CaseApi at) {
    String number = at.openCase("ELDERLY");
    at.verifyValid(number);
    at.assessEligible(number, false, false, "ELDERLY");
    at.programTask(number, "task_decideReferral", "ATENSI");
    return number;
  }

  private JsonNode search(String user, String query) {
    ResponseEntity<JsonNode> page = api.get(user, "/api/referrals?size=100" + query);
    assertThat(page.getStatusCode().value()).as(String.valueOf(page.getBody())).isEqualTo(200);
    return page.getBody();
  }

  private static List<String> tenants(JsonNode tasks) {
    List<String> tenants = new ArrayList<>();
    tasks.forEach(t -> tenants.add(t.get("tenantId").asText()));
    return tenants;
  }

  /** Every read and change a Dago user might try on Lebak Siliwangi's case; a 2xx with data is a success. */
  private void tryAll(String user, String number, Task visit, List<String> successes) {
    String pid = visit.getProcessInstanceId();
    Map<String, ResponseEntity<JsonNode>> reads = Map.of(
        "case", api.get(user, "/api/referrals/" + number),
        "search", api.get(user, "/api/referrals?number=" + number),
        "task", api.get(user, "/engine-rest/task/" + visit.getId()),
        "task list", api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + number),
        "instance", api.get(user, "/engine-rest/process-instance/" + pid),
        "variables", api.get(user, "/engine-rest/process-instance/" + pid + "/variables"),
        "history", api.get(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number),
        "task of the case", api.get(user, "/api/tasks/" + visit.getId() + "/case"));
    reads.forEach((what, answer) -> {
      assertThat(answer.getStatusCode().value()).as(user + " " + what).isNotEqualTo(401).isLessThan(500);
      JsonNode body = answer.getBody();
      boolean data = answer.getStatusCode().is2xxSuccessful() && body != null && !body.isEmpty()
          && !(body.has("total") && body.get("total").asLong() == 0);
      if (data) {
        successes.add(user + " read " + what + ": " + body);
      }
    });
    Map<String, ResponseEntity<JsonNode>> changes = Map.of(
        "claim", api.post(user, "/engine-rest/task/" + visit.getId() + "/claim", Map.of("userId", user)),
        "variables", api.post(user, "/engine-rest/process-instance/" + pid + "/variables",
            Map.of("modifications", Map.of("probe", Map.of("value", "x")))),
        "withdrawal", api.post(user, "/api/referrals/" + number + "/withdrawal", Map.of("reason", "uji")));
    changes.forEach((what, answer) -> {
      assertThat(answer.getStatusCode().value()).as(user + " " + what).isNotEqualTo(401).isLessThan(500);
      if (answer.getStatusCode().is2xxSuccessful()) {
        successes.add(user + " changed " + what);
      }
    });
    ResponseEntity<String> completed = api.submitForm(user, visit.getId(), "verificationResult", "VALID");
    if (completed.getStatusCode().is2xxSuccessful()) {
      successes.add(user + " completed the home visit");
    }
  }
}
