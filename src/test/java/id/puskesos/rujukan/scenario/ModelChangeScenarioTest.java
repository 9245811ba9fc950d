package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.puskesos.rujukan.process.ModelChangeProcess;

/**
 * A change of the eligibility table as a case of its own (docs/analyst-guide.md): proposed by the analyst, refused by
 * its checks while a rule has no test case, simulated on a hand-built past quarter (figures asserted), approved by the koordinator and the
 * partner whose program it touches, deployed by the administrator; new cases are routed by it, a case routed before
 * keeps the version it was routed with. Each organisation may do only its part.
 */
class ModelChangeScenarioTest extends ScenarioTestSupport {

  private static final String TABLE = "program-eligibility.dmn";
  private static final String TESTS = "program-eligibility.tests.json";

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ManagementService managementService;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void putTheApplicationsTableBack() throws IOException {
    // later tests route by the application's own rows: the original table goes back as the latest version
    if (!deployments.isEmpty()) {
      repositoryService.createDeployment().name("uji-kembalikan-tabel").addString(TABLE, resource(TABLE))
          .addString(TESTS, resource(TESTS)).deploy();
    }
  }

  @Test
  void aNewRowIsProposedCheckedSimulatedApprovedAndDeployedAndOnlyNewCasesUseIt() throws IOException {
    String program = api.testProgram();
    int base = latestTableVersion();
    // a hand-built past quarter (2019-Q3, which no other test uses): two cases nothing answers yet, an education
    // need with a school child in a household outside DTKS/DTSEN and no consent for BAZNAS
    String before = educationCase();
    String second = educationCase();
    intoThePast(before, OffsetDateTime.of(2019, 8, 5, 10, 0, 0, 0, ZoneOffset.ofHours(7)));
    intoThePast(second, OffsetDateTime.of(2019, 8, 6, 10, 0, 0, 0, ZoneOffset.ofHours(7)));
    assertThat(api.view(before).get("eligibilityTableVersion").asInt()).isEqualTo(base);
    assertThat(api.routing(before)).noneMatch(line -> line.contains(program));

    String table = withRow(resource(TABLE), program);
    // a rule without a test case is refused by the checks: nobody is asked to approve
    ResponseEntity<JsonNode> untested = api.post("analis", "/api/model-changes", change(table, resource(TESTS)));
    assertThat(untested.getStatusCode().value()).as(String.valueOf(untested.getBody())).isEqualTo(201);
    String number = untested.getBody().get("number").asText();
    assertThat(untested.getBody().get("status").asText()).isEqualTo("CHECKS_FAILED");
    assertThat(untested.getBody().get("checks").toString()).contains("rule_ujiPendidikan");
    assertThat(approvalTasks(number)).isEmpty();

    // the analyst adds the case, sent twice at once: one revision is taken, the other refused; it is checked,
    // simulated, and waits for the koordinator and Dinas Sosial (the program's)
    Map<String, Object> fixed = change(table, withCase(resource(TESTS), program));
    CompletableFuture<ResponseEntity<JsonNode>> twice = CompletableFuture.supplyAsync(
        () -> api.put("analis", "/api/model-changes/" + number, fixed));
    ResponseEntity<JsonNode> once = api.put("analis", "/api/model-changes/" + number, fixed);
    List<ResponseEntity<JsonNode>> both = List.of(once, twice.join());
    assertThat(both).extracting(r -> r.getStatusCode().value()).as(both.toString())
        .containsExactlyInAnyOrder(200, 409);
    ResponseEntity<JsonNode> revised = both.stream().filter(r -> r.getStatusCode().value() == 200).findFirst()
        .orElseThrow();
    assertThat(revised.getStatusCode().value()).as(String.valueOf(revised.getBody())).isEqualTo(200);
    assertThat(revised.getBody().get("status").asText()).as(revised.getBody().toString())
        .isEqualTo("AWAITING_APPROVAL");
    assertThat(revised.getBody().get("revision").asInt()).isEqualTo(2);
    assertThat(revised.getBody().get("baseVersion").asInt()).isEqualTo(base);
    assertThat(revised.getBody().get("simulationId").isNumber()).isTrue();
    assertThat(approvalTasks(number)).extracting(this::group).containsExactlyInAnyOrder("koordinator", "dinsos");
    // the simulation is the change's, on the quarter's two cases: both would have had the program
    long simulation = revised.getBody().get("simulationId").asLong();
    JsonNode report = api.get("koordinator", "/api/simulations/" + simulation).getBody();
    assertThat(report.get("modelChangeId").asLong()).isEqualTo(Long.parseLong(number.substring(3)));
    assertThat(report.at("/report/casesReplayed").asInt()).isEqualTo(2);
    assertThat(report.at("/report/noProgramActual").asInt()).isEqualTo(2);
    assertThat(report.at("/report/noProgramWhatIf").asInt()).isZero();
    assertThat(report.at("/report/casesGaining").asInt()).isEqualTo(2);
    assertThat(report.at("/report/casesLosing").asInt()).isZero();
    JsonNode row = null;
    for (JsonNode candidate : report.at("/report/programs")) {
      row = candidate.get("programCode").asText().equals(program) ? candidate : row;
    }
    assertThat(row.get("casesActual").asInt()).isZero();
    assertThat(row.get("casesWhatIf").asInt()).isEqualTo(2);
    assertThat(row.get("waitingWhatIf").asInt()).as("no budget in 2019").isEqualTo(2);
    assertThat(report.at("/report/changes")).extracting(c -> c.get("referralNumber").asText())
        .containsExactlyInAnyOrder(before, second);
    assertThat(String.valueOf(taskService.getVariable(approvalTasks(number).get(0).getId(), "changeSummary")))
        .contains("tingkat fasilitasi").contains("Program yang tersentuh:** " + program);

    // only the administrator deploys, and only what is approved
    assertThat(api.post("admin", "/api/model-changes/" + number + "/deploy", Map.of()).getStatusCode().value())
        .isEqualTo(409);
    // another partner cannot decide for Dinas Sosial, and nobody decides twice
    Task dinsos = approvalTasks(number).stream().filter(t -> group(t).equals("dinsos")).findFirst().orElseThrow();
    assertThat(api.submitForm("salman", dinsos.getId(), "changeDecision", "APPROVE").getStatusCode().value())
        .isIn(403, 404);
    // a submission carrying what its form does not declare (the tally's own outcome) is refused whole
    ResponseEntity<String> forged = api.submitForm("dinsos", dinsos.getId(), "changeDecision", "APPROVE",
        "changeApproved", true);
    assertThat(forged.getStatusCode().value()).isEqualTo(400);
    assertThat(forged.getBody()).contains("changeApproved");
    // a send-back needs a note: refused, and the task stays
    Task koordinator = approvalTasks(number).stream().filter(t -> group(t).equals("koordinator")).findFirst()
        .orElseThrow();
    assertThat(api.submitForm("koordinator", koordinator.getId(), "changeDecision", "SEND_BACK").getStatusCode()
        .value()).isEqualTo(400);
    assertThat(api.submitForm("koordinator", koordinator.getId(), "changeDecision", "APPROVE", "changeNote",
        "Sesuai hasil rapat evaluasi").getStatusCode().value()).isEqualTo(204);
    assertThat(api.submitForm("dinsos", dinsos.getId(), "changeDecision", "APPROVE").getStatusCode().value())
        .isEqualTo(204);
    JsonNode approved = api.get("koordinator", "/api/model-changes/" + number).getBody();
    assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.get("approvals")).hasSize(2);

    for (String notAdministrator : List.of("analis", "koordinator", "dinsos")) {
      assertThat(api.post(notAdministrator, "/api/model-changes/" + number + "/deploy", Map.of()).getStatusCode()
          .value()).as(notAdministrator).isEqualTo(403);
    }
    // two administrators' clicks at once: one deployment
    CompletableFuture<ResponseEntity<JsonNode>> first = CompletableFuture.supplyAsync(
        () -> api.post("admin", "/api/model-changes/" + number + "/deploy", Map.of()));
    ResponseEntity<JsonNode> other = api.post("admin", "/api/model-changes/" + number + "/deploy", Map.of());
    List<Integer> answers = List.of(first.join().getStatusCode().value(), other.getStatusCode().value());
    assertThat(answers).containsExactlyInAnyOrder(200, 409);
    deployments.add(number);
    JsonNode deployed = api.get("manajer", "/api/model-changes/" + number).getBody();
    assertThat(deployed.get("status").asText()).isEqualTo("DEPLOYED");
    assertThat(deployed.get("deployedBy").asText()).isEqualTo("admin");
    assertThat(deployed.get("deployedVersion").asInt()).isEqualTo(base + 1).isEqualTo(latestTableVersion());

    // a new case is routed by the new row; the cases routed before keep their version and their routing
    String after = educationCase();
    assertThat(api.view(after).get("eligibilityTableVersion").asInt()).isEqualTo(base + 1);
    assertThat(api.routing(after)).contains("EDUCATION " + program + " CHOSEN");
    assertThat(api.view(before).get("eligibilityTableVersion").asInt()).isEqualTo(base);
    assertThat(api.view(second).get("eligibilityTableVersion").asInt()).isEqualTo(base);
    assertThat(api.routing(before)).noneMatch(line -> line.contains(program));
  }

  @Test
  void aChangeNotRevisedWithinSixtyDaysIsClosedAndCannotBeRevisedAfterwards() throws IOException {
    String table = withRow(resource(TABLE), api.testProgram());
    ResponseEntity<JsonNode> untested = api.post("analis", "/api/model-changes", change(table, resource(TESTS)));
    String number = untested.getBody().get("number").asText();
    assertThat(untested.getBody().get("status").asText()).isEqualTo("CHECKS_FAILED");

    // the 60 days pass: the timer the change waits on fires
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
        .getId();
    Job overdue = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(overdue.getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofDays(59))));
    managementService.executeJob(overdue.getId());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(api.get("analis", "/api/model-changes/" + number).getBody().get("status").asText())
        .isEqualTo("ABANDONED");
    ResponseEntity<JsonNode> late = api.put("analis", "/api/model-changes/" + number, change(table,
        withCase(resource(TESTS), "X")));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody().toString()).contains("tidak sedang menunggu perbaikan");
  }

  @Test
  void onlyTheAnalystProposesAndBadProposalsAreRefusedWithTheirReasons() {
    for (String user : List.of("fo", "koordinator", "dinsos", "manajer")) {
      assertThat(api.post(user, "/api/model-changes", Map.of("kind", "BUDGET", "reason", "x")).getStatusCode()
          .value()).as(user).isEqualTo(403);
    }
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("kind", "TABLE");
    bad.put("reason", " ");
    bad.put("files", List.of(Map.of("name", "../etc/passwd", "content", "x")));
    bad.put("simulateFrom", LocalDate.now().toString());
    bad.put("simulateTo", LocalDate.now().minusDays(3).toString());
    ResponseEntity<JsonNode> refused = api.post("analis", "/api/model-changes", bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("Alasan perubahan").contains("../etc/passwd")
        .contains("Akhir periode simulasi sebelum awalnya");
    assertThat(api.get("fo", "/api/model-changes").getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("analis", "/api/model-changes/UA-999999").getStatusCode().value()).isEqualTo(404);
  }

  private String educationCase() {
    Map<String, Object> body = CaseApi.intake("EDUCATION");
    String number = api.submitIntake("fo", body).getBody().get("referralNumber").asText();
    api.verifyInField(number, "NOT_LISTED");
    api.assessFamilyOnly(number, List.of(), "EDUCATION");
    return number;
  }

  private List<Task> approvalTasks(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ModelChangeProcess.TASK_APPROVE_CHANGE).list();
  }

  private String group(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .findFirst().orElseThrow().getGroupId();
  }

  private int latestTableVersion() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("program-eligibility")
        .latestVersion().singleResult().getVersion();
  }

  private static Map<String, Object> change(String table, String tests) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("kind", "TABLE");
    change.put("reason", "Rapat evaluasi: anak sekolah tanpa program pendidikan dirujuk ke bantuan uji");
    change.put("files", List.of(Map.of("name", TABLE, "content", table), Map.of("name", TESTS, "content", tests)));
    change.put("simulateFrom", "2019-07-01");
    change.put("simulateTo", "2019-09-30");
    return change;
  }

  /** The table with one more row: an education need with a school child goes to the program, last in rank. */
  static String withRow(String table, String program) {
    StringBuilder row = new StringBuilder("      <rule id=\"rule_ujiPendidikan\">\n");
    String[] inputs = {"list contains(?, \"EDUCATION\")", "-", "-", "-", "-", "-", "&gt;= 1", "-"};
    String[] names = {"needs", "dtksStatus", "desil", "pkhComponents", "religion", "povertyClass", "schoolChildren",
        "children"};
    for (int i = 0; i < inputs.length; i++) {
      row.append("        <inputEntry id=\"inputEntry_ujiPendidikan_").append(names[i]).append("\"><text>")
          .append(inputs[i]).append("</text></inputEntry>\n");
    }
    String[][] outputs = {{"programCode", "\"" + program + "\""}, {"need", "\"EDUCATION\""}, {"rank", "9"},
        {"reason", "\"Uji: anak sekolah\""}, {"fund", ""}, {"asnaf", ""}};
    for (String[] output : outputs) {
      row.append("        <outputEntry id=\"outputEntry_ujiPendidikan_").append(output[0]).append("\"><text>")
          .append(output[1]).append("</text></outputEntry>\n");
    }
    row.append("      </rule>\n");
    int end = table.lastIndexOf("    </decisionTable>");
    return table.substring(0, end) + row + table.substring(end);
  }

  /**
   * The table's cases with one for the new row, and the row among the expected matches of every case it matches too
   * (an education need with a school child), as the analyst writes them after the checks named those cases.
   */
  static String withCase(String tests, String program) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode file = (ObjectNode) json.readTree(tests);
    ObjectNode row = json.createObjectNode().put("programCode", program).put("need", "EDUCATION").put("rank", 9)
        .put("reason", "Uji: anak sekolah");
    ArrayNode cases = (ArrayNode) file.get("cases");
    for (JsonNode test : cases) {
      JsonNode inputs = test.get("inputs");
      boolean education = inputs.path("confirmedNeeds").toString().contains("\"EDUCATION\"");
      if (education && inputs.path("schoolChildren").asInt(0) >= 1) {
        ((ObjectNode) test.get("expect")).set("rule_ujiPendidikan", row);
      }
    }
    ObjectNode added = json.createObjectNode().put("rule", "rule_ujiPendidikan").put("name", "ujiForASchoolChild");
    added.putObject("inputs").put("schoolChildren", 1).putArray("confirmedNeeds").add("EDUCATION");
    added.putObject("expect").set("rule_ujiPendidikan", row);
    cases.add(added);
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(file);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ModelChangeScenarioTest.class.getResourceAsStream("/processes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
