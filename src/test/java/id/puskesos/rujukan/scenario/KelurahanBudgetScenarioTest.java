package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;

/**
 * Partners' budgets city-wide or per kelurahan, as each partner chooses (issue 22): a program switched to KELURAHAN
 * keeps one pool per Puskesos, a case draws from its own Puskesos's pool and waits on its own list, the partner tops
 * up one Puskesos's pool, and a Puskesos's staff see only their own pool. A program kept city-wide works as before.
 */
class KelurahanBudgetScenarioTest extends ScenarioTestSupport {

  private static final String LEBAK_SILIWANGI = "3273021006";
  private static final String DAGO = "3273021005";

  @Autowired
  private Budgets budgets;
  @Autowired
  private ProgramCatalogue catalogue;

  @Test
  void perKelurahanProgramServesEachPuskesosFromItsOwnPool() {
    String program = perKelurahanProgram();
    topUp(program, DAGO, 100);

    String dago = acceptedCase(api.atDago(), program);
    String lebakSiliwangi = acceptedCase(api, program);

    assertThat(api.program(lebakSiliwangi, program).get("status").asText()).isEqualTo("WAITING_BUDGET");
    assertThat(api.programTask(dago, "task_distributeAid", program)).isNotNull();
    assertThat(pool(program, DAGO)).containsExactly(100L, 100L);
    JsonNode partnerView = api.get("dinsos", "/api/programs/" + program + "/budgets").getBody();
    assertThat(partnerView.get("budgetScope").asText()).isEqualTo("KELURAHAN");
    assertThat(partnerView.get("waitingList")).singleElement().satisfies(w -> {
      assertThat(w.get("referralNumber").asText()).isEqualTo(lebakSiliwangi);
      assertThat(w.get("puskesos").asText()).isEqualTo(LEBAK_SILIWANGI);
      assertThat(w.get("position").asInt()).isOne();
    });
    // each Puskesos's staff see their own pool and their own cases only
    JsonNode dagoView = api.get("bodago", "/api/programs/" + program + "/budgets").getBody();
    assertThat(CaseApi.texts(puskesosOf(dagoView.get("budgets")))).containsOnly(DAGO);
    assertThat(dagoView.get("waitingList")).isEmpty();
    JsonNode ourView = api.get("koordinator", "/api/programs/" + program + "/budgets").getBody();
    assertThat(ourView.get("budgets")).isEmpty();
    assertThat(ourView.get("waitingList").toString()).contains(lebakSiliwangi);

    JsonNode served = topUp(program, LEBAK_SILIWANGI, 100);

    assertThat(CaseApi.texts(served.get("served"))).containsExactly(lebakSiliwangi);
    assertThat(served.get("budget").get("puskesos").asText()).isEqualTo(LEBAK_SILIWANGI);
    assertThat(api.programTask(lebakSiliwangi, "task_distributeAid", program)).isNotNull();
    assertThat(pool(program, LEBAK_SILIWANGI)).containsExactly(100L, 100L);
    assertThat(budgets.budget(program, budgets.currentPeriod(catalogue.program(program)))).isEmpty();
  }

  @Test
  void cityProgramKeepsOnePoolForEveryPuskesos() {
    String program = api.testProgram();
    topUp(program, null, 100);

    String dago = acceptedCase(api.atDago(), program);
    String lebakSiliwangi = acceptedCase(api, program);

    assertThat(api.programTask(dago, "task_distributeAid", program)).isNotNull();
    assertThat(api.program(lebakSiliwangi, program).get("status").asText()).isEqualTo("WAITING_BUDGET");
    assertThat(CaseApi.texts(topUp(program, null, 100).get("served"))).containsExactly(lebakSiliwangi);
    assertThat(pool(program, null)).containsExactly(200L, 200L);
    ResponseEntity<JsonNode> named = api.post("dinsos", topUpPath(program), Map.of("amount", 100, "puskesos", DAGO));
    assertThat(named.getStatusCode().value()).isEqualTo(400);
    assertThat(named.getBody().toString()).contains("dikelola tingkat kota");
  }

  @Test
  void onlyThePartnerChoosesTheScopeAndTopsUpAndAnUnknownPuskesosIsRefused() {
    String program = api.testProgram();
    assertThat(api.put("koordinatordago", "/api/catalogue/programs/" + program, Map.of("budgetScope", "KELURAHAN"))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(api.put("baznas", "/api/catalogue/programs/" + program, Map.of("budgetScope", "KELURAHAN"))
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> more = api.put("dinsos", "/api/catalogue/programs/" + program,
        Map.of("budgetScope", "KELURAHAN", "defaultAmount", 5000));
    assertThat(more.getStatusCode().value()).isEqualTo(403);
    assertThat(more.getBody().toString()).contains("hanya dapat mengubah cakupan anggaran");
    assertThat(catalogue.program(program).perKelurahan()).isFalse();
    String scoped = perKelurahanProgram();

    assertThat(api.post("koordinatordago", topUpPath(scoped), Map.of("amount", 100, "puskesos", DAGO))
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> unknown = api.post("dinsos", topUpPath(scoped),
        Map.of("amount", 100, "puskesos", "3273029999"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().toString()).contains("Puskesos dengan kode kelurahan 3273029999 tidak terdaftar");
    ResponseEntity<JsonNode> unnamed = api.post("dinsos", topUpPath(scoped), Map.of("amount", 100));
    assertThat(unnamed.getStatusCode().value()).isEqualTo(400);
    assertThat(unnamed.getBody().toString()).contains("dikelola per kelurahan: sebutkan Puskesos");
    // an administrator's edit that leaves the scope out keeps the partner's choice
    Map<String, Object> edit = new java.util.LinkedHashMap<>(Map.of("name", "Bantuan uji diubah", "partner", "DINSOS",
        "aidKind", "CASH", "unit", "Rp", "defaultAmount", 100, "budgetPeriod", "MONTH", "requiresDtks", false,
        "active", true));
    assertThat(api.put("admin", "/api/catalogue/programs/" + scoped, edit).getBody().get("budgetScope").asText())
        .isEqualTo("KELURAHAN");
  }

  @Test
  void concurrentAcceptancesNeverOverCommitAKelurahanPool() throws Exception {
    String code = perKelurahanProgram();
    Program program = catalogue.program(code);
    topUp(code, DAGO, 300);
    topUp(code, LEBAK_SILIWANGI, 1000);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      numbers.add(api.atDago().openCase("FOOD"));
    }

    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Budgets.Request>> requests = new ArrayList<>();
    try {
      for (String number : numbers) {
        requests.add(threads.submit((Callable<Budgets.Request>) () -> {
          start.await();
          return budgets.request(number, program, "3273018888" + number.substring(number.length() - 6), 100, false,
              null);
        }));
      }
      start.countDown();
      int reserved = 0;
      for (Future<Budgets.Request> request : requests) {
        reserved += request.get().reserved() ? 1 : 0;
      }

      assertThat(reserved).isEqualTo(3);
      assertThat(pool(code, DAGO)).containsExactly(300L, 300L);
      assertThat(pool(code, LEBAK_SILIWANGI)).containsExactly(1000L, 0L);
      assertThat(budgets.waitingList(code)).hasSize(5).allSatisfy(w -> assertThat(w.puskesos()).isEqualTo(DAGO));
    } finally {
      threads.shutdownNow();
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** A test program its partner (Dinas Sosial) switched to one pool per Puskesos. */
  private String perKelurahanProgram() {
    String program = api.testProgram();
    ResponseEntity<JsonNode> switched = api.put("dinsos", "/api/catalogue/programs/" + program,
        Map.of("budgetScope", "KELURAHAN"));
    assertThat(switched.getStatusCode().value()).as(String.valueOf(switched.getBody())).isEqualTo(200);
    assertThat(switched.getBody().get("budgetScope").asText()).isEqualTo("KELURAHAN");
    assertThat(switched.getBody().get("name").asText()).isEqualTo("Bantuan uji");
    return program;
  }

  private String topUpPath(String program) {
    return "/api/programs/" + program + "/budgets/" + budgets.currentPeriod(catalogue.program(program)) + "/top-ups";
  }

  private JsonNode topUp(String program, String puskesos, long amount) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("amount", amount, "note", "Tambahan uji"));
    if (puskesos != null) {
      body.put("puskesos", puskesos);
    }
    ResponseEntity<JsonNode> answer = api.post("dinsos", topUpPath(program), body);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  /** A pool's allocation and what is reserved of it. */
  private List<Long> pool(String program, String puskesos) {
    Budgets.Budget b = budgets.budget(program, budgets.currentPeriod(catalogue.program(program)), puskesos)
        .orElseThrow();
    return List.of(b.allocated(), b.reserved());
  }

  /** A case of the Puskesos the back office referred to the program, approved and accepted by the partner. */
  private static String acceptedCase(CaseApi puskesos, String program) {
    String number = puskesos.caseNothingFits(false);
    puskesos.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of(program), "recommendationReason", "Program uji");
    puskesos.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");
    puskesos.partnerDecides(number, program, "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    return number;
  }

  private static JsonNode puskesosOf(JsonNode budgets) {
    com.fasterxml.jackson.databind.node.ArrayNode tenants = com.fasterxml.jackson.databind.node.JsonNodeFactory
        .instance.arrayNode();
    budgets.forEach(b -> tenants.add(b.get("puskesos")));
    return tenants;
  }
}
