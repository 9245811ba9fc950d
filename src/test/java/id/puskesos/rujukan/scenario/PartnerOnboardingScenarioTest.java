package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.registry.Registry;

/**
 * A partner joins with no code change and no restart (docs/partners.md, "Onboarding a partner"): the administrator
 * onboards it in one call, its staff are added in Camunda Admin, the analyst deploys the eligibility table alone with
 * one new row and its case, and the next resident who consents to the partner is referred to it, accepted, handed
 * the aid, and the case closes facilitated. A resident who did not consent, or withdrew, is never sent to it; once
 * deactivated it receives no new case while its open work stays its own. Its row asks for five children or more, a
 * household no other test makes, and the committed table is deployed again at the end.
 */
class PartnerOnboardingScenarioTest extends ScenarioTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TABLE = Path.of("processes/program-eligibility.dmn");
  private static final Path TABLE_TESTS = Path.of("processes/program-eligibility.tests.json");
  private static final String STAFF_PASSWORD = "Mitra-Baru-2026!";

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private FilterService filterService;
  @Autowired
  private ProgramCatalogue catalogue;
  @Autowired
  private Budgets budgets;
  @Autowired
  private Registry registry;

  @Test
  void aPrivatePartnerJoinsWithoutACodeChangeAndTheResidentsWhoConsentedReachIt() throws IOException {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36).toUpperCase(Locale.ROOT);
    String code = "CSR" + suffix;
    String group = "csr" + suffix.toLowerCase(Locale.ROOT);
    String program = code + "_GIZI";
    String staff = group + "petugas";

    // the administrator onboards the partner and its program with its first budget, in one call
    ResponseEntity<JsonNode> onboarded = api.post("admin", "/api/partners", onboarding(code, group, program));
    assertThat(onboarded.getStatusCode().value()).as(String.valueOf(onboarded.getBody())).isEqualTo(200);
    assertThat(outcomes(onboarded.getBody())).containsOnly("DIBUAT").hasSize(7);
    assertThat(identityService.createGroupQuery().groupId(group).count()).isOne();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.APPLICATION)
        .resourceId("tasklist").count()).isOne();
    assertThat(filterService.createFilterQuery().list().stream().filter(f -> authorizationService
        .createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER).resourceId(f.getId()).count() > 0)
        .map(f -> f.getName())).contains("Tugas kelompok saya", "Terlambat");
    String period = budgets.currentPeriod(catalogue.program(program));
    assertThat(budgets.budget(program, period).orElseThrow().allocated()).isEqualTo(3_000_000L);
    // the same request again changes nothing, and the budget is not added twice
    ResponseEntity<JsonNode> again = api.post("admin", "/api/partners", onboarding(code, group, program));
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(outcomes(again.getBody())).containsOnly("SUDAH_ADA");
    assertThat(budgets.budget(program, period).orElseThrow().allocated()).isEqualTo(3_000_000L);

    // its staff member, added as every user is, in Camunda Admin
    assertThat(engine("admin", HttpMethod.POST, "/user/create", Map.of("profile", Map.of("id", staff, "firstName",
        "Petugas", "lastName", "CSR", "email", staff + "@mitra.example"), "credentials", Map.of("password",
            STAFF_PASSWORD))).getStatusCode().value()).isEqualTo(204);
    assertThat(engine("admin", HttpMethod.PUT, "/group/" + group + "/members/" + staff, null).getStatusCode().value())
        .isEqualTo(204);

    // the analyst deploys the table alone, with one new row and its case
    int before = latestTableVersion();
    ResponseEntity<JsonNode> deployed = deployTable(withRow(program), withCase(program));
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    int version = latestTableVersion();
    assertThat(version).isEqualTo(before + 1);
    try {
      // a resident who consents to the partner is routed to it by the new row
      Map<String, Object> consenting = CaseApi.intake("FOOD");
      String number = openLargeFamilyCase(consenting, List.of("BAZNAS", "SALMAN", code));
      assertThat(api.routing(number)).contains("FOOD " + program + " CHOSEN");
      assertThat(api.view(number).get("eligibilityTableVersion").asInt()).isEqualTo(version);
      assertThat(api.timeline(number, "ROUTED").get(0)).contains("tabel kelayakan versi " + version);
      api.approveRecommendation(number);
      Task decision = api.programTask(number, "task_decideReferral", program);
      assertThat(taskService.createTaskQuery().taskId(decision.getId()).taskCandidateGroup(group).count()).isOne();
      // the partner's user sees it in Tasklist's group filter, decides and hands over
      assertThat(asStaff(staff, HttpMethod.GET, "/engine-rest/task?candidateGroup=" + group, null).getBody()
          .toString()).contains(decision.getId());
      assertThat(asStaff(staff, HttpMethod.POST, "/engine-rest/task/" + decision.getId() + "/submit-form",
          Map.of("variables", Map.of("decision", Map.of("value", "ACCEPT")))).getStatusCode().value()).isEqualTo(204);
      Task handover = api.programTask(number, "task_distributeAid", program);
      assertThat(asStaff(staff, HttpMethod.POST, "/engine-rest/task/" + handover.getId() + "/submit-form",
          Map.of("variables", handover(number))).getStatusCode().value()).isEqualTo(204);
      api.followUp(number, "YES", "YES", "YES", 5);
      await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(api.view(number).get("status").asText()));
      assertThat(api.view(number).get("outcome").asText()).isEqualTo("FACILITATED");

      // a resident who did not consent is never routed to it
      String withoutConsent = largeFamilyCase(List.of("BAZNAS", "SALMAN"));
      assertThat(api.routing(withoutConsent)).contains("FOOD " + program + " EXCLUDED")
          .doesNotContain("FOOD " + program + " CHOSEN");
      assertThat(api.view(withoutConsent).get("routing").toString())
          .contains("Warga belum menyetujui data dibagikan kepada CSR Priangan " + suffix);

      // a resident who consented and withdraws before the koordinator's approval: the program does not go out
      Map<String, Object> intake = CaseApi.intake("FOOD");
      String withdrawing = openLargeFamilyCase(intake, List.of(code));
      assertThat(api.routing(withdrawing)).contains("FOOD " + program + " CHOSEN");
      long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
      assertThat(api.post("fo", "/api/registry/residents/" + resident + "/consents", Map.of("purpose",
          "SHARE_" + code, "given", false, "note", "Warga datang dan mencabut persetujuan berbagi data")).getStatusCode()
          .value()).isEqualTo(200);
      api.complete("bo", withdrawing, "task_prepareRecommendation", "recommendation", "REFER"); // as routed
      ResponseEntity<String> approval = api.submitForm("koordinator", api.task(withdrawing, "task_decideService")
          .getId(), "caseDecision", "APPROVE");
      assertThat(approval.getStatusCode().value()).as(approval.getBody()).isEqualTo(400);
      assertThat(approval.getBody()).contains("Tidak ada program yang masih dapat dikirim")
          .contains("Warga belum menyetujui data dibagikan");
      assertThat(api.tasks(withdrawing, "task_decideReferral")).isEmpty();

      // an open referral, then the partner is deactivated
      String open = largeFamilyCase(List.of(code));
      api.approveRecommendation(open);
      Task waiting = api.programTask(open, "task_decideReferral", program);
      ResponseEntity<JsonNode> deactivated = api.post("admin", "/api/partners/" + code + "/deactivation",
          Map.of("reason", "Program CSR tahun ini selesai"));
      assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
      assertThat(deactivated.getBody().get("active").asBoolean()).isFalse();
      // new cases no longer reach it, even the resident's who consented: the assessment no longer asks about it
      ResponseEntity<JsonNode> next = api.submitIntake("fo", consenting);
      assertThat(next.getStatusCode().value()).isEqualTo(201);
      String after = next.getBody().get("referralNumber").asText(); // just verified: no new home visit
      assertThat(String.valueOf(taskService.getVariable(api.task(after, "task_assessNeeds").getId(),
          "consentOptions"))).contains("BAZNAS").doesNotContain(code);
      // offering the deactivated partner anyway, by sending the form's options with the answer, is refused
      ResponseEntity<String> forged = api.submitForm("fasilitator", api.task(after, "task_assessNeeds").getId(),
          "householdSize", 7, "monthlyIncome", 1_500_000, "childrenUnder6", 2, "primarySchoolChildren", 3, "needs",
          List.of("FOOD"), "religion", "ISLAM", "consentOptions", Map.of(code, "CSR"), "consentPartners",
          List.of(code), "assessmentResult", "ELIGIBLE");
      assertThat(forged.getStatusCode().value()).as(forged.getBody()).isEqualTo(400);
      assertThat(forged.getBody()).contains("consentOptions");
      api.complete("fasilitator", after, "task_assessNeeds", "householdSize", 7, "monthlyIncome", 1_500_000,
          "childrenUnder6", 2, "primarySchoolChildren", 3, "needs", List.of("FOOD"), "religion", "ISLAM",
          "consentPartners", List.of("BAZNAS", "SALMAN"), "assessmentResult", "ELIGIBLE");
      assertThat(api.routing(after)).isNotEmpty().noneMatch(line -> line.contains(program));
      // its open work stays its own: it still sees the case and the task, and decides it
      assertThat(asStaff(staff, HttpMethod.GET, "/api/referrals/" + open, null).getStatusCode().value())
          .isEqualTo(200);
      assertThat(asStaff(staff, HttpMethod.POST, "/engine-rest/task/" + waiting.getId() + "/submit-form",
          Map.of("variables", Map.of("decision", Map.of("value", "ACCEPT")))).getStatusCode().value()).isEqualTo(204);
    } finally {
      // the suite shares one engine and catalogue: the committed table again, and no active partner left behind
      api.post("admin", "/api/partners/" + code + "/deactivation", Map.of("reason", "Uji selesai"));
      assertThat(deployTable(Files.readString(TABLE), Files.readString(TABLE_TESTS)).getStatusCode().value())
          .isEqualTo(200);
    }
  }

  @Test
  void badOnboardingRequestsAreRefusedInIndonesianAndWriteNothing() {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36).toUpperCase(Locale.ROOT);
    String code = "MSJ" + suffix;
    int partners = catalogue.partners().size();
    long groups = identityService.createGroupQuery().count();

    // a group id the engine cannot create
    ResponseEntity<JsonNode> badGroup = api.post("admin", "/api/partners", onboarding(code, "csr_priangan435",
        code + "_X"));
    assertThat(badGroup.getStatusCode().value()).isEqualTo(400);
    assertThat(badGroup.getBody().toString()).contains("tidak diterima engine sebagai id kelompok");
    // a Puskesos group
    assertThat(api.post("admin", "/api/partners", onboarding(code, "koordinator", code + "_X")).getBody().toString())
        .contains("kelompok Puskesos, kota atau sistem");
    // a code that exists, with other details
    ResponseEntity<JsonNode> duplicate = api.post("admin", "/api/partners", onboarding("SALMAN", "salmanbaru",
        "SALMAN_BARU" + suffix));
    assertThat(duplicate.getStatusCode().value()).isEqualTo(400);
    assertThat(duplicate.getBody().toString()).contains("Kode mitra SALMAN sudah dipakai oleh Rumah Amal Salman");
    // a group that is another partner's
    assertThat(api.post("admin", "/api/partners", onboarding(code, "baznas", code + "_X")).getBody().toString())
        .contains("Kelompok baznas sudah dipakai oleh mitra BAZNAS");
    // a program code of another partner, and a program for an unknown partner over the catalogue
    assertThat(api.post("admin", "/api/partners", onboarding(code, "msj" + suffix.toLowerCase(Locale.ROOT),
        "BAZNAS_KONSUMTIF")).getBody().toString()).contains("Kode program BAZNAS_KONSUMTIF sudah dipakai oleh mitra BAZNAS");
    Map<String, Object> orphan = new LinkedHashMap<>(Map.of("name", "Program tanpa mitra", "partner", "TIDAKADA",
        "aidKind", "CASH", "budgetPeriod", "MONTH"));
    ResponseEntity<JsonNode> unknownPartner = api.put("admin", "/api/catalogue/programs/TANPA_MITRA" + suffix, orphan);
    assertThat(unknownPartner.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownPartner.getBody().toString()).contains("Mitra TIDAKADA tidak dikenal");
    // nothing was written
    assertThat(catalogue.partners()).hasSize(partners);
    assertThat(catalogue.findProgram(code + "_X")).isEmpty();
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    // onboarding is the administrator's only
    assertThat(api.post("koordinator", "/api/partners", onboarding(code, "msj" + suffix.toLowerCase(Locale.ROOT),
        code + "_X")).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("baznas", "/api/partners/SALMAN/deactivation", Map.of("reason", "x")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(catalogue.findPartner("SALMAN").orElseThrow().active()).isTrue();
  }

  @Test
  void twoAdministratorsOnboardingTheSamePartnerAtOnceMakeItOnce() throws Exception {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36).toUpperCase(Locale.ROOT);
    String code = "YYS" + suffix;
    String group = "yys" + suffix.toLowerCase(Locale.ROOT);
    Map<String, Object> request = onboarding(code, group, code + "_BEA");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return api.post("admin", "/api/partners", request);
        }));
      }
      start.countDown();
      for (Future<ResponseEntity<JsonNode>> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS).getStatusCode().value()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(catalogue.partners().stream().filter(p -> p.code().equals(code))).hasSize(1);
    assertThat(identityService.createGroupQuery().groupId(group).count()).isOne();
    String period = budgets.currentPeriod(catalogue.program(code + "_BEA"));
    assertThat(budgets.budget(code + "_BEA", period).orElseThrow().allocated()).isEqualTo(3_000_000L);
    // the suite shares one catalogue: an active partner left behind would take part in later tests' evaluations
    assertThat(api.post("admin", "/api/partners/" + code + "/deactivation", Map.of("reason", "Uji selesai"))
        .getStatusCode().value()).isEqualTo(200);
  }

  // ---- the partner, its table row and its cases -------------------------------------------------------------

  private static Map<String, Object> onboarding(String code, String group, String program) {
    Map<String, Object> programBody = new LinkedHashMap<>();
    programBody.put("code", program);
    programBody.put("name", "Bantuan gizi keluarga besar");
    programBody.put("aidKind", "CASH");
    programBody.put("unit", "Rp");
    programBody.put("defaultAmount", 300_000);
    programBody.put("budgetPeriod", "MONTH");
    programBody.put("firstBudget", 3_000_000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "CSR Priangan " + code.substring(3));
    body.put("group", group);
    body.put("government", false);
    body.put("programs", List.of(programBody));
    return body;
  }

  private static String withRow(String program) throws IOException {
    String row = """
        <rule id="rule_%1$s">
          <description>CSR: bantuan gizi untuk keluarga dengan lima anak atau lebih yang membutuhkan pangan (pengaturan mitra)</description>
          <inputEntry id="inputEntry_%1$s_needs"><text>list contains(?, "FOOD")</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_dtksStatus"><text>-</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_desil"><text>-</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_pkhComponents"><text>-</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_religion"><text>-</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_povertyClass"><text>-</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_schoolChildren"><text>-</text></inputEntry>
          <inputEntry id="inputEntry_%1$s_children"><text>&gt;= 5</text></inputEntry>
          <outputEntry id="outputEntry_%1$s_programCode"><text>"%2$s"</text></outputEntry>
          <outputEntry id="outputEntry_%1$s_need"><text>"FOOD"</text></outputEntry>
          <outputEntry id="outputEntry_%1$s_rank"><text>1</text></outputEntry>
          <outputEntry id="outputEntry_%1$s_reason"><text>"Keluarga dengan lima anak atau lebih"</text></outputEntry>
          <outputEntry id="outputEntry_%1$s_fund"><text></text></outputEntry>
          <outputEntry id="outputEntry_%1$s_asnaf"><text></text></outputEntry>
        </rule>
        """.formatted(ruleId(program), program);
    String table = Files.readString(TABLE);
    return table.replace("</decisionTable>", row + "</decisionTable>");
  }

  private static String withCase(String program) throws IOException {
    ObjectNode tests = (ObjectNode) JSON.readTree(Files.readString(TABLE_TESTS));
    ObjectNode testCase = ((ArrayNode) tests.get("cases")).addObject();
    testCase.put("rule", "rule_" + ruleId(program));
    testCase.put("name", "csrNutritionAidForAFamilyWithFiveChildrenNeedingFood");
    ObjectNode inputs = testCase.putObject("inputs");
    inputs.putArray("confirmedNeeds").add("FOOD");
    inputs.put("children", 5);
    ObjectNode expected = testCase.putObject("expect").putObject("rule_" + ruleId(program));
    expected.put("programCode", program);
    expected.put("need", "FOOD");
    expected.put("rank", 1);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tests);
  }

  private static String ruleId(String program) {
    return program.toLowerCase(Locale.ROOT);
  }

  /** A family of seven with five children and Rp1.500.000 a month, asking for food, assessed with these consents. */
  private String largeFamilyCase(List<String> consentedPartners) {
    return openLargeFamilyCase(CaseApi.intake("FOOD"), consentedPartners);
  }

  private String openLargeFamilyCase(Map<String, Object> intake, List<String> consentedPartners) {
    ResponseEntity<JsonNode> created = api.submitIntake("fo", intake);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String number = created.getBody().get("referralNumber").asText();
    api.verifyValid(number);
    api.complete("fasilitator", number, "task_assessNeeds", "householdSize", 7, "monthlyIncome", 1_500_000,
        "childrenUnder6", 2, "primarySchoolChildren", 3, "needs", List.of("FOOD"), "religion", "ISLAM",
        "consentPartners", consentedPartners, "assessmentResult", "ELIGIBLE");
    return number;
  }

  private static Map<String, Object> handover(String number) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("distributionDate", Map.of("value", CaseApi.today().toString()));
    variables.put("distributionPlace", Map.of("value", "Kantor Puskesos Lebak Siliwangi"));
    variables.put("handedOverBy", Map.of("value", "Petugas CSR"));
    variables.put("proofReference", Map.of("value", "BA-" + number.substring(number.length() - 4)));
    variables.put("receiptConfirmed", Map.of("value", true));
    variables.put("finalHandover", Map.of("value", true));
    variables.put("aidAmount", Map.of("value", 300_000));
    return variables;
  }

  private static List<String> outcomes(JsonNode result) {
    return result.get("steps").findValues("outcome").stream().map(JsonNode::asText).toList();
  }

  private int latestTableVersion() {
    return repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ReferralProcess.DECISION_PROGRAM_ELIGIBILITY).latestVersion().singleResult()
        .getVersion();
  }

  // ---- over HTTP, as the analyst, the administrator and the partner's staff would ---------------------------

  /** The table alone, with its cases, as the analyst deploys it (docs/partners.md). */
  private ResponseEntity<JsonNode> deployTable(String table, String tests) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("program-eligibility.dmn", table);
    files.put("program-eligibility.tests.json", tests);
    return api.deploy("analis", "program-eligibility", files);
  }

  private ResponseEntity<JsonNode> engine(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> asStaff(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, STAFF_PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
