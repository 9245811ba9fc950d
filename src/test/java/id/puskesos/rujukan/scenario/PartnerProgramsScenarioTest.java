package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.budget.CommitmentStatus;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;

/**
 * Partners' programs through the running application: the catalogue an administrator edits, budgets that are never
 * over-committed, the waiting list served in order when a partner adds budget, budget given back when a case ends
 * early, handovers in parts, and the facilitation figures (the household's aid: HouseholdLedgerScenarioTest). Each test uses programs of
 * its own (added over the catalogue API) so budgets do not meet. Runs on H2 and, in CI, on PostgreSQL.
 */
class PartnerProgramsScenarioTest extends ScenarioTestSupport {

  @Autowired
  private Budgets budgets;
  @Autowired
  private ProgramCatalogue catalogue;
  @Autowired
  private ManagementService managementService;

  @Test
  void acceptanceReservesHandoversDisburseAndTheLastGivesTheRestBack() {
    String program = api.testProgram();
    String period = topUp(program, 1000).get("budget").get("period").asText();
    String number = acceptedCase(program, false, 600);
    assertThat(budget(program, period)).containsEntry("reserved", 600L).containsEntry("disbursed", 0L);

    api.partnerHandsOver(number, program, "dinsos", false, "aidAmount", 250);
    assertThat(programOf(number, program).get("status").asText()).isEqualTo("PARTLY_DISTRIBUTED");
    assertThat(budget(program, period)).containsEntry("reserved", 350L).containsEntry("disbursed", 250L);
    ResponseEntity<String> tooMuch = api.submitForm("dinsos",
        api.programTask(number, "task_distributeAid", program).getId(), "distributionDate",
        CaseApi.today().toString(), "aidAmount", 500, "distributionPlace", "Puskesos", "handedOverBy", "A",
        "proofReference", "BA-9", "receiptConfirmed", true, "finalHandover", true);
    assertThat(tooMuch.getBody()).contains("Melebihi sisa yang dicadangkan (Rp350)");
    api.partnerHandsOver(number, program, "dinsos", true, "aidAmount", 100);

    assertThat(budget(program, period)).containsEntry("reserved", 0L).containsEntry("disbursed", 350L)
        .containsEntry("allocated", 1000L);
    JsonNode delivered = programOf(number, program);
    assertThat(delivered.get("status").asText()).isEqualTo("DISTRIBUTED");
    assertThat(delivered.get("aidAmount").asLong()).isEqualTo(350);
  }

  @Test
  void withoutBudgetCasesWaitAndATopUpServesThemByUrgencyThenArrival() {
    String program = api.testProgram();
    String ordinary = acceptedCase(program, false, 100);
    String urgent = acceptedCase(program, true, 100);
    String later = acceptedCase(program, false, 100);
    assertThat(programOf(ordinary, program).get("status").asText()).isEqualTo("WAITING_BUDGET");
    assertThat(waitingList(program)).containsExactly(urgent, ordinary, later);

    JsonNode topUp = topUp(program, 250);

    assertThat(CaseApi.texts(topUp.get("served"))).containsExactly(urgent, ordinary);
    // served: straight on to the handover (the koordinator decided the case before it came to the partner)
    assertThat(api.programTask(urgent, "task_distributeAid", program)).isNotNull();
    assertThat(api.programTask(ordinary, "task_distributeAid", program)).isNotNull();
    assertThat(programOf(urgent, program).get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(waitingList(program)).containsExactly(later);
    // an urgent acceptance goes ahead of those waiting without urgency, and the 50 left cover it
    String urgentNewcomer = acceptedCase(program, true, 50);
    assertThat(programOf(urgentNewcomer, program).get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(waitingList(program)).containsExactly(later);
    // an ordinary one queues behind those already waiting, even where it would fit
    assertThat(topUp(program, 60).get("served")).isEmpty();
    String ordinaryNewcomer = acceptedCase(program, false, 50);
    assertThat(waitingList(program)).containsExactly(later, ordinaryNewcomer);
    assertThat(CaseApi.texts(topUp(program, 90).get("served"))).containsExactly(later, ordinaryNewcomer);
    assertThat(waitingList(program)).isEmpty();
  }

  @Test
  void concurrentAcceptancesNeverOverCommitTheBudget() throws Exception {
    String code = api.testProgram();
    Program program = catalogue.program(code);
    String period = topUp(code, 500).get("budget").get("period").asText();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      numbers.add(api.openCase("FOOD"));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Budgets.Request>> requests = new ArrayList<>();
    try {
      for (String number : numbers) {
        requests.add(pool.submit((Callable<Budgets.Request>) () ->
            budgets.request(number, program, "3273019999" + number.substring(number.length() - 6), 100, false,
                null)));
      }
      int reserved = 0;
      for (Future<Budgets.Request> request : requests) {
        reserved += request.get().reserved() ? 1 : 0;
      }

      assertThat(reserved).isEqualTo(5);
      assertThat(budget(code, period)).containsEntry("reserved", 500L).containsEntry("allocated", 500L);
      assertThat(numbers.stream().map(n -> budgets.commitment(n, code).orElseThrow().status()))
          .filteredOn(s -> s == CommitmentStatus.WAITING).hasSize(11);
      assertThat(waitingList(code)).hasSize(11);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withdrawingGivesTheReservedBudgetBackAndHandedOverAidStaysCounted() {
    String program = api.testProgram();
    String period = topUp(program, 300).get("budget").get("period").asText();
    String partly = acceptedCase(program, false, 100);
    String withdrawn = acceptedCase(program, false, 100);
    assertThat(budget(program, period)).containsEntry("reserved", 200L);

    api.partnerHandsOver(partly, program, "dinsos", false, "aidAmount", 40);
    api.post("fo", "/api/referrals/" + partly + "/withdrawal", Map.of("reason", "Sudah dibantu keluarga"));
    api.post("fo", "/api/referrals/" + withdrawn + "/withdrawal", Map.of("reason", "Pindah ke Cimahi"));

    assertThat(budget(program, period)).containsEntry("reserved", 0L).containsEntry("disbursed", 40L);
    assertThat(budgets.commitment(withdrawn, program).orElseThrow().status()).isEqualTo(CommitmentStatus.RELEASED);
  }

  @Test
  void caseWaitingPastTheLimitIsRedirectedByTheBackOfficeToAnotherProgram() {
    String scarce = api.testProgram();
    String other = api.testProgram();
    topUp(other, 1000);
    String number = acceptedCase(scarce, false, 100);
    assertThat(waitingList(scarce)).containsExactly(number);

    String partnerReferral = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("partner-referral").singleResult().getId();
    Job timer = await().atMost(Duration.ofSeconds(10)).until(() -> managementService.createJobQuery()
        .processInstanceId(partnerReferral).timers().activityId("timer_waitLimit").singleResult(), j -> j != null);
    managementService.setJobDuedate(timer.getId(), new java.util.Date());
    api.completeProgramTask("bo", number, "task_reviewWaiting", scarce, "waitingAction", "REDIRECT",
        "redirectProgram", other, "waitingNote", "Anggaran " + scarce + " belum ada");

    assertThat(waitingList(scarce)).isEmpty();
    assertThat(programOf(number, scarce).get("status").asText()).isEqualTo("CANCELLED");
    api.partnerDecides(number, other, "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    assertThat(api.programTask(number, "task_distributeAid", other)).isNotNull();
  }

  @Test
  void onlyThePartnersOwnStaffAddBudgetAndBadInputIsRefusedClearly() {
    String program = api.testProgram();
    String period = budgets.currentPeriod(catalogue.program(program));

    assertThat(api.post("baznas", "/api/programs/" + program + "/budgets/" + period + "/top-ups",
        Map.of("amount", 100)).getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("fo", "/api/programs/" + program + "/budgets").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> badPeriod = api.post("dinsos", "/api/programs/" + program + "/budgets/2026-Q4/top-ups",
        Map.of("amount", 100));
    assertThat(badPeriod.getStatusCode().value()).isEqualTo(400);
    assertThat(badPeriod.getBody().toString()).contains("bukan periode bulanan");
    assertThat(api.post("dinsos", "/api/programs/" + program + "/budgets/" + period + "/top-ups",
        Map.of("amount", -5)).getBody().toString()).contains("Tambahan anggaran harus lebih dari 0");
    assertThat(api.post("dinsos", "/api/programs/TIDAK_ADA/budgets/" + period + "/top-ups", Map.of("amount", 5))
        .getStatusCode().value()).isEqualTo(400);
    assertThat(api.get("manajer", "/api/programs/" + program + "/budgets").getBody().get("budgets")).isEmpty();
  }

  @Test
  void administratorEditsTheCatalogueOthersOnlyReadIt() {
    String code = api.testProgram();
    Map<String, Object> change = programBody("Bantuan uji diubah");
    change.put("defaultAmount", 250);

    assertThat(api.put("bo", "/api/catalogue/programs/" + code, change).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> changed = api.put("admin", "/api/catalogue/programs/" + code, change);
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    assertThat(changed.getBody().get("defaultAmount").asLong()).isEqualTo(250);
    assertThat(api.get("bo", "/api/catalogue").getBody().get("programs").toString()).contains("Bantuan uji diubah");
    Map<String, Object> bad = programBody("");
    bad.put("partner", "TIDAK_ADA");
    bad.put("defaultAmount", 0);
    ResponseEntity<JsonNode> refused = api.put("admin", "/api/catalogue/programs/" + code, bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("Nama program wajib diisi", "Mitra TIDAK_ADA tidak dikenal",
        "Nilai bantuan baku harus lebih dari 0");
    assertThat(catalogue.program(code).name()).isEqualTo("Bantuan uji diubah");
  }

  @Test
  void facilitationFiguresCountEveryCaseReceivedTheReferredAndThoseThatReceivedAid() {
    String month = java.time.YearMonth.now(id.puskesos.rujukan.RujukanApplication.ZONE).toString();
    assertThat(api.get("fo", "/api/figures/facilitation").getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("manajer", "/api/figures/facilitation?from=2026-13").getStatusCode().value()).isEqualTo(400);
    JsonNode before = figures(month);
    String program = api.testProgram();
    topUp(program, 1000);
    String helped = acceptedCase(program, false, 100);
    api.partnerHandsOver(helped, program, "dinsos", true, "aidAmount", 100);
    String refused = caseRoutedTo(program, false);
    api.partnerDecides(refused, program, "dinsos", "decision", "REJECT", "rejectionCode", "DATA_INVALID");
    // a complaint still in verification: received, not referred; and a second complaint of the same resident,
    // merged into that open case: not a case of its own
    Map<String, Object> complaint = CaseApi.intake("FOOD");
    assertThat(api.submitIntake("fo", complaint).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> merged = api.submitIntake("fo", complaint);
    assertThat(merged.getBody().get("merged").asBoolean()).isTrue();

    JsonNode after = figures(month);

    assertThat(delta(after, before, "received")).isEqualTo(3);
    assertThat(delta(after, before, "referred")).isEqualTo(2);
    assertThat(delta(after, before, "facilitated")).isEqualTo(1);
    assertThat(after.get("definitions").get("studyRate").asText())
        .startsWith("Tingkat fasilitasi (ukuran studi): kasus terfasilitasi dibagi semua pengaduan yang diterima");
    assertThat(after.get("byProgram")).anySatisfy(rate -> {
      assertThat(rate.get("key").asText()).isEqualTo(program);
      assertThat(rate.get("label").asText()).isEqualTo("Bantuan uji");
      assertThat(rate.get("referred").asInt()).isEqualTo(2);
      assertThat(rate.get("facilitated").asInt()).isEqualTo(1);
      assertThat(rate.get("rate").asDouble()).isEqualTo(0.5);
    });
    assertThat(after.get("byProgramAndMonth")).anySatisfy(rate -> {
      assertThat(rate.get("key").asText()).isEqualTo(program);
      assertThat(rate.get("month").asText()).isEqualTo(month);
      assertThat(rate.get("referred").asInt()).isEqualTo(2);
    });
    assertThat(after.get("daysToFirstAid").toString()).contains("\"month\":\"" + month + "\"");
    assertThat(after.get("daysToFirstAidOverall").get("median").asDouble()).isNotNegative();
  }

  private static int delta(JsonNode after, JsonNode before, String field) {
    return after.get("overall").get(field).asInt() - before.get("overall").get(field).asInt();
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private static Map<String, Object> programBody(String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("partner", "DINSOS");
    body.put("aidKind", "CASH");
    body.put("unit", "Rp");
    body.put("defaultAmount", 100);
    body.put("budgetPeriod", "MONTH");
    body.put("requiresDtks", false);
    body.put("active", true);
    return body;
  }

  /**
   * A case no table row fits (an education need without a school child): the back office recommends the program, the
   * koordinator approves.
   */
  private String caseRoutedTo(String program, boolean urgent) {
    String number = api.caseNothingFits(urgent);
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of(program), "recommendationReason", "Program uji");
    api.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");
    return number;
  }

  /** A case the partner accepted with this grant: reserved from the budget, or waiting for it. */
  private String acceptedCase(String program, boolean urgent, long grant) {
    String number = caseRoutedTo(program, urgent);
    api.partnerDecides(number, program, "dinsos", "decision", "ACCEPT", "grantAmount", grant);
    return number;
  }

  private JsonNode topUp(String program, long amount) {
    String period = budgets.currentPeriod(catalogue.program(program));
    ResponseEntity<JsonNode> answer = api.post("dinsos", "/api/programs/" + program + "/budgets/" + period
        + "/top-ups", Map.of("amount", amount, "note", "Tambahan uji"));
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  private Map<String, Long> budget(String program, String period) {
    Budgets.Budget b = budgets.budget(program, period).orElseThrow();
    Map<String, Long> figures = new HashMap<>();
    figures.put("allocated", b.allocated());
    figures.put("reserved", b.reserved());
    figures.put("disbursed", b.disbursed());
    return figures;
  }

  private List<String> waitingList(String program) {
    List<String> numbers = new ArrayList<>();
    api.get("dinsos", "/api/programs/" + program + "/budgets").getBody().get("waitingList")
        .forEach(w -> numbers.add(w.get("referralNumber").asText()));
    return numbers;
  }

  private JsonNode programOf(String number, String program) {
    for (JsonNode p : api.view(number).get("programs")) {
      if (p.get("code").asText().equals(program)) {
        return p;
      }
    }
    throw new AssertionError(program + " not among the programs of " + number);
  }

  private JsonNode figures(String month) {
    ResponseEntity<JsonNode> answer = api.get("manajer", "/api/figures/facilitation?from=" + month + "&to=" + month);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }
}
