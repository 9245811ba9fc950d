package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.process.ReferralSettings;

/**
 * The analyst deploys models, and that is all a deployment can do (docs/security.md, "Analysts and models"). Tried as
 * a hostile analyst would, over Camunda's REST API as Camunda Modeler deploys: an expression that reaches for an
 * engine service, a script, a Java class or a shell command is refused at deployment or fails when the timer runs
 * it, and grants nothing; a decision table comes with its cases, which the engine runs; cases go on; deleting a
 * deployment is the administrator's.
 */
class AnalystModelsScenarioTest extends ScenarioTestSupport {

  private static final String PROBE = "analyst-probe";
  private static final AtomicInteger KEYS = new AtomicInteger();

  @Autowired
  private IdentityService identityService;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private DecisionService decisionService;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private ReferralSettings referralSettings;

  @AfterEach
  void removeWhatAProbeLeft() {
    // on a build where a probe got through, the next test must still start from a clean state
    if (escalated()) {
      identityService.deleteMembership("analis", "camunda-admin");
    }
    repositoryService.createDeploymentQuery().deploymentNameLike(PROBE + "%").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    referralSettings.setFollowUpDelay("PT1S");
    System.clearProperty("rujukan.probe");
  }

  static Stream<Arguments> escalatingExpressions() {
    return Stream.of(
        Arguments.of("an engine service named as a bean",
            "${identityService.createMembership('analis', 'camunda-admin')}", "identityService"),
        Arguments.of("the engine's services through the execution",
            "${execution.getProcessEngineServices().getIdentityService().createMembership('analis', 'camunda-admin')}",
            "getProcessEngineServices"),
        Arguments.of("the engine through the execution's property",
            "${execution.processEngine.identityService.createMembership('analis', 'camunda-admin')}",
            "processEngine"),
        Arguments.of("the engine's configuration through reflection",
            "${execution.getClass().forName('org.camunda.bpm.engine.impl.context.Context')"
                + ".getMethod('getProcessEngineConfiguration').invoke(null).getIdentityService()"
                + ".createMembership('analis', 'camunda-admin')}",
            "getClass"),
        Arguments.of("a Java class through a string",
            "${'rujukan'.getClass().forName('org.camunda.bpm.engine.impl.context.Context')"
                + ".getMethod('getProcessEngineConfiguration').invoke(null).getIdentityService()"
                + ".createMembership('analis', 'camunda-admin')}",
            "getClass"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escalatingExpressions")
  void anExpressionRunByATimerCannotMakeTheAnalystAnAdministrator(String how, String expression, String named) {
    String number = api.openCase("FOOD");
    String key = key();

    ResponseEntity<JsonNode> deployed = deploy("analis", key + ".bpmn",
        timerStarted(key, "<bpmn:serviceTask id=\"task_probe\" camunda:expression=\"" + expression + "\" />"));

    if (deployed.getStatusCode().is2xxSuccessful()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> escalated() || failedJob(key) != null);
      assertThat(escalated()).as("analis in camunda-admin").isFalse();
      assertThat(failedJob(key).getExceptionMessage()).contains("Ekspresi tidak boleh").contains(named);
    } else {
      assertThat(deployed.getStatusCode().value()).isEqualTo(400);
      assertThat(deployed.getBody().get("message").asText()).contains(named);
    }
    assertThat(escalated()).as("analis in camunda-admin").isFalse();
    assertTheAnalystStillReadsNoCase(number);
    // the case goes on
    api.verifyValid(number);
    assertThat(api.task(number, "task_assessNeeds")).isNotNull();
  }

  @Test
  void aModelReadsVariablesAndTheNamedSettingsButChangesNoSetting() {
    String key = key();
    // what an analyst's model may do: variables, the case's key, values' own methods, a named settings bean
    ResponseEntity<JsonNode> deployed = deploy("analis", key + ".bpmn", timerStarted(key,
        "<bpmn:serviceTask id=\"task_probe\" camunda:expression=\"${execution.processBusinessKey == null"
            + " &amp;&amp; referralSettings.followUpDelay.startsWith('P') &amp;&amp; referralSettings.decisionTimeout(true)"
            + ".length() &gt; 0 &amp;&amp; 'abc'.toUpperCase() == 'ABC'}\" camunda:resultVariable=\"checked\" />"));
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().processDefinitionKey(key)
        .count() == 0 || failedJob(key) != null);
    assertThat(failedJob(key)).as("the model's own expressions run").isNull();
    String ran = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).singleResult().getId();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(ran).variableName("checked")
        .singleResult().getValue()).isEqualTo(true);

    // ... but not a setter of the settings the cases run on
    String setter = key();
    assertThat(deploy("analis", setter + ".bpmn", timerStarted(setter, "<bpmn:serviceTask id=\"task_probe\""
        + " camunda:expression=\"${referralSettings.setFollowUpDelay('P999D')}\" />")).getStatusCode().value())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> failedJob(setter) != null
        || !"PT1S".equals(referralSettings.getFollowUpDelay()));
    assertThat(referralSettings.getFollowUpDelay()).isEqualTo("PT1S");
    assertThat(failedJob(setter).getExceptionMessage()).contains("Ekspresi tidak boleh").contains("setFollowUpDelay");
  }

  static Stream<Arguments> modelsThatRunCode() {
    String shellFields = "<bpmn:extensionElements><camunda:field name=\"command\" stringValue=\"touch\" />"
        + "<camunda:field name=\"arg1\" stringValue=\"/tmp/rujukan-analyst-probe\" /></bpmn:extensionElements>";
    return Stream.of(
        Arguments.of("a script task", "<bpmn:scriptTask id=\"task_probe\" scriptFormat=\"javascript\">"
            + "<bpmn:script>java.lang.Runtime.getRuntime().exec('touch /tmp/rujukan-analyst-probe')</bpmn:script>"
            + "</bpmn:scriptTask>", "task_probe"),
        Arguments.of("a JUEL script task", "<bpmn:scriptTask id=\"task_probe\" scriptFormat=\"juel\">"
            + "<bpmn:script>${identityService.createMembership('analis', 'camunda-admin')}</bpmn:script>"
            + "</bpmn:scriptTask>", "task_probe"),
        Arguments.of("a script listener", "<bpmn:serviceTask id=\"task_probe\" camunda:expression=\"${true}\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
            + "<camunda:script scriptFormat=\"groovy\">println 'x'</camunda:script></camunda:executionListener>"
            + "</bpmn:extensionElements></bpmn:serviceTask>", "task_probe"),
        Arguments.of("a script input mapping", "<bpmn:serviceTask id=\"task_probe\" camunda:expression=\"${true}\">"
            + "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
            + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:inputParameter>"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>", "task_probe"),
        Arguments.of("a shell task", "<bpmn:serviceTask id=\"task_probe\" camunda:type=\"shell\">" + shellFields
            + "</bpmn:serviceTask>", "task_probe"),
        Arguments.of("a Java class as the task", "<bpmn:serviceTask id=\"task_probe\" "
            + "camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior\">" + shellFields
            + "</bpmn:serviceTask>", "task_probe"),
        Arguments.of("a Java class as a listener", "<bpmn:serviceTask id=\"task_probe\" camunda:expression=\"${true}\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\" "
            + "class=\"org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener\" />"
            + "</bpmn:extensionElements></bpmn:serviceTask>", "task_probe"),
        Arguments.of("a form of HTML and script from the deployment", "<bpmn:userTask id=\"task_probe\" "
            + "camunda:candidateGroups=\"fo\" camunda:formKey=\"embedded:deployment:probe.html\" />", "task_probe"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelsThatRunCode")
  void aModelThatWouldRunCodeIsRefusedAtDeploymentNamingTheElement(String how, String task, String element) {
    String key = key();

    ResponseEntity<JsonNode> deployed = deploy("analis", key + ".bpmn", timerStarted(key, task));

    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(400);
    assertThat(deployed.getBody().get("message").asText()).contains("Model ditolak").contains(element);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  static Stream<Arguments> tasksForTheAnalyst() {
    return Stream.of(
        Arguments.of("his group", "camunda:candidateGroups=\"bo,analis\""),
        Arguments.of("himself as a candidate", "camunda:candidateUsers=\"analis\""),
        Arguments.of("himself as the assignee", "camunda:assignee=\"analis\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasksForTheAnalyst")
  void aModelCannotGiveTheAnalystATaskOfItsCases(String how, String holder) {
    String key = key();

    ResponseEntity<JsonNode> deployed = deploy("analis", key + ".bpmn", timerStarted(key,
        "<bpmn:userTask id=\"task_probe\" " + holder + " />"));

    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(400);
    assertThat(deployed.getBody().get("message").asText()).contains("Model ditolak").contains("task_probe");
  }

  @Test
  void aTaskTheModelGivesTheAnalystThroughAnExpressionIsNotCreated() {
    String key = key();
    String potentialOwner = key();
    assertThat(deploy("analis", potentialOwner + ".bpmn", timerStarted(potentialOwner, "<bpmn:userTask "
        + "id=\"task_probe\"><bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>"
        + "group(analis)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner>"
        + "</bpmn:userTask>")).getStatusCode().value()).isEqualTo(400);

    ResponseEntity<JsonNode> deployed = deploy("analis", key + ".bpmn", timerStarted(key,
        "<bpmn:userTask id=\"task_probe\" camunda:candidateGroups=\"${'ana'.concat('lis')}\" />"));
    assertThat(deployed.getStatusCode().value()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(30)).until(() -> failedJob(key) != null
        || taskService.createTaskQuery().processDefinitionKey(key).count() > 0);
    assertThat(taskService.createTaskQuery().processDefinitionKey(key).count()).isZero();
    assertThat(failedJob(key).getExceptionMessage()).contains("Tugas 'task_probe' tidak dibuat")
        .contains("kelompok analis");
    assertThat(engine("analis", HttpMethod.GET, "/task").getBody()).isEmpty();
  }

  @Test
  void aScriptConditionIsRefusedAtDeployment() {
    String key = key();
    String xml = timerStarted(key, "<bpmn:serviceTask id=\"task_probe\" camunda:expression=\"${true}\" />")
        .replace("<bpmn:sequenceFlow id=\"flow_toEnd\" sourceRef=\"task_probe\" targetRef=\"end_probe\" />",
            "<bpmn:sequenceFlow id=\"flow_toEnd\" sourceRef=\"task_probe\" targetRef=\"end_probe\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true"
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>");

    ResponseEntity<JsonNode> deployed = deploy("analis", key + ".bpmn", xml);

    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(400);
    assertThat(deployed.getBody().get("message").asText()).contains("Model ditolak").contains("flow_toEnd");
  }

  @Test
  void aCaseModelOrAScriptedDecisionTableIsRefusedAtDeployment() {
    ResponseEntity<JsonNode> cmmn = deploy("analis", "probe.cmmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/cmmn" id="definitions_probe"
            targetNamespace="http://puskesos.id/probe">
          <cmmn:case id="case_probe" camunda:historyTimeToLive="1">
            <cmmn:casePlanModel id="plan_probe" name="Probe" autoComplete="true" />
          </cmmn:case>
        </cmmn:definitions>
        """);
    assertThat(cmmn.getStatusCode().value()).as(String.valueOf(cmmn.getBody())).isEqualTo(400);
    assertThat(cmmn.getBody().get("message").asText()).contains("Model ditolak").contains("probe.cmmn");
    assertThat(repositoryService.createCaseDefinitionQuery().caseDefinitionKey("case_probe").count()).isZero();

    String key = key();
    ResponseEntity<JsonNode> groovy = deploy("analis", key + ".dmn", decision(key, "groovy", "1 + 1"));
    assertThat(groovy.getStatusCode().value()).as(String.valueOf(groovy.getBody())).isEqualTo(400);
    assertThat(groovy.getBody().get("message").asText()).contains("Model ditolak").contains("groovy")
        .contains("inputExpression_probe");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();
  }

  @Test
  void aDecisionTableIsDeployedOnlyWithItsCasesAllPassing() {
    // the application's table in use came with its cases (at start-up, or deployed since by another test)
    String inUse = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("program-eligibility")
        .latestVersion().singleResult().getDeploymentId();
    assertThat(repositoryService.getDeploymentResourceNames(inUse))
        .anySatisfy(name -> assertThat(name).endsWith("program-eligibility.tests.json"));

    String key = key();
    String table = decision(key, "feel", "probe");

    ResponseEntity<JsonNode> alone = deploy("analis", key + ".dmn", table);
    ResponseEntity<JsonNode> failing = deploy("analis", key + ".dmn", table, key + ".tests.json",
        cases(key, "stay", "not ok"));
    ResponseEntity<JsonNode> passing = deploy("analis", key + ".dmn", table, key + ".tests.json",
        cases(key, "stay", "ok"));

    assertThat(alone.getStatusCode().value()).as(String.valueOf(alone.getBody())).isEqualTo(400);
    assertThat(alone.getBody().get("message").asText()).contains("Tabel " + key + ".dmn ditolak: kasus ujinya "
        + key + ".tests.json tidak ada dalam deployment").contains("Mengubah tabel kelayakan");
    assertThat(failing.getStatusCode().value()).as(String.valueOf(failing.getBody())).isEqualTo(400);
    assertThat(failing.getBody().get("message").asText())
        .contains("Kasus 'probe': keluaran result aturan rule_probe diharapkan \"not ok\", ternyata \"ok\"");
    assertThat(passing.getStatusCode().value()).as(String.valueOf(passing.getBody())).isEqualTo(200);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isOne();
  }

  @Test
  void theAnalystsDecisionTableCannotCallJava() {
    // JUEL goes through the application's expression manager: when the engine runs the table's cases at deployment
    String juel = key();
    String escalating = "${probe == 'go' ? identityService.createMembership('analis', 'camunda-admin') : probe}";
    ResponseEntity<JsonNode> tried = deploy("analis", juel + ".dmn", decision(juel, "juel", escalating),
        juel + ".tests.json", cases(juel, "go", "ok"));
    assertThat(tried.getStatusCode().value()).as(String.valueOf(tried.getBody())).isEqualTo(400);
    assertThat(tried.getBody().get("message").asText()).contains("tabel gagal dievaluasi").contains("identityService");
    assertThat(escalated()).as("analis in camunda-admin").isFalse();
    // and when it evaluates the table as a business rule task would, with other inputs than its cases'
    assertThat(deploy("analis", juel + ".dmn", decision(juel, "juel", escalating), juel + ".tests.json",
        cases(juel, "stay", "ok")).getStatusCode().value()).isEqualTo(200);
    Throwable failed = catchThrowable(() -> decisionService.evaluateDecisionTableByKey(juel)
        .variables(Map.of("probe", "go")).evaluate());
    assertThat(escalated()).as("analis in camunda-admin").isFalse();
    assertThat(failed).isNotNull();
    assertThat(failed.getMessage() + failed.getCause()).contains("identityService");

    // FEEL's external functions (Java methods) are off in Camunda 7.24's FEEL engine: an expression that defines one
    // fails whatever the inputs, so its cases fail at deployment
    String feel = key();
    ResponseEntity<JsonNode> external = deploy("analis", feel + ".dmn", decision(feel, "feel", "if probe = \"go\" then "
        + "{f: function(k, v) external {java: {class: \"java.lang.System\", method signature: "
        + "\"setProperty(java.lang.String, java.lang.String)\"}}, r: f(\"rujukan.probe\", \"escalated\")}.r else probe"),
        feel + ".tests.json", cases(feel, "stay", "ok"));
    assertThat(external.getStatusCode().value()).as(String.valueOf(external.getBody())).isEqualTo(400);
    assertThat(external.getBody().get("message").asText()).contains("External functions are disabled");
    assertThat(System.getProperty("rujukan.probe")).isNull();
  }

  @Test
  void deletingADeploymentIsTheAdministratorsEvenWithNothingRunningOnIt() {
    // a case the analyst cannot see, waiting for staff, on a deployment of the application's
    String key = key();
    String running = repositoryService.createDeployment().name(PROBE + "-running").addString(key + ".bpmn",
        waitingForStaff(key)).deploy().getId();
    String instance = runtimeService.startProcessInstanceByKey(key, "RJK-PROBE-1", Map.of("nama", "Siti")).getId();

    assertThat(engine("analis", HttpMethod.DELETE, "/deployment/" + running + "?cascade=true").getStatusCode()
        .value()).isEqualTo(403);
    assertThat(engine("analis", HttpMethod.DELETE, "/deployment/" + running).getStatusCode().value())
        .isEqualTo(403);
    assertTheCaseIsIntact(instance);

    // a new version the analyst deployed himself, a case started on it: Camunda gives a deployer DELETE on his own
    // deployment, which is no reason to let him wipe the case
    ResponseEntity<JsonNode> newVersion = deploy("analis", key + ".bpmn", waitingForStaff(key));
    assertThat(newVersion.getStatusCode().value()).isEqualTo(200);
    String onNewVersion = runtimeService.startProcessInstanceByKey(key, "RJK-PROBE-2", Map.of("nama", "Siti"))
        .getId();
    String newVersionId = newVersion.getBody().get("id").asText();
    assertThat(engine("analis", HttpMethod.DELETE, "/deployment/" + newVersionId + "?cascade=true").getStatusCode()
        .value()).isEqualTo(403);
    assertTheCaseIsIntact(onNewVersion);
    assertThat(engine("analis", HttpMethod.DELETE, "/process-definition/key/" + key + "?cascade=true")
        .getStatusCode().value()).isEqualTo(403);
    assertTheCaseIsIntact(onNewVersion);

    // and one nothing runs on is the administrator's to delete as well
    String unused = key();
    ResponseEntity<JsonNode> deployed = deploy("analis", unused + ".bpmn", waitingForStaff(unused));
    String unusedId = deployed.getBody().get("id").asText();
    assertThat(engine("analis", HttpMethod.DELETE, "/deployment/" + unusedId).getStatusCode().value())
        .isEqualTo(403);

    assertThat(engine("admin", HttpMethod.DELETE, "/deployment/" + unusedId).getStatusCode().value()).isEqualTo(204);
    assertThat(engine("admin", HttpMethod.DELETE, "/deployment/" + newVersionId + "?cascade=true").getStatusCode()
        .value()).isEqualTo(204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(onNewVersion).count()).isZero();
  }

  private void assertTheCaseIsIntact(String instance) {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    assertThat(runtimeService.getVariable(instance, "nama")).isEqualTo("Siti");
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();
  }

  private static String waitingForStaff(String key) {
    return process(key, "<bpmn:startEvent id=\"start_probe\" />"
        + "<bpmn:sequenceFlow id=\"flow_toProbe\" sourceRef=\"start_probe\" targetRef=\"task_probe\" />"
        + "<bpmn:userTask id=\"task_probe\" camunda:candidateGroups=\"bo\" />"
        + "<bpmn:sequenceFlow id=\"flow_toEnd\" sourceRef=\"task_probe\" targetRef=\"end_probe\" />"
        + "<bpmn:endEvent id=\"end_probe\" />");
  }

  @Test
  void tasklistsStartListOffersACaseAndAWithdrawalToTheFrontAndBackOffice() {
    // the query of Tasklist's "Start process" dialog; candidateStarterGroups moved to the process element
    String startList = "/process-definition?latestVersion=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true";
    for (String user : List.of("fo", "bo")) {
      assertThat(keys(engine(user, HttpMethod.GET, startList).getBody())).as(user)
          .contains("referral", "referral-withdrawal");
    }
    for (String user : List.of("baznas", "nakes", "analis", "manajer")) {
      assertThat(keys(engine(user, HttpMethod.GET, startList).getBody())).as(user)
          .doesNotContain("referral", "referral-withdrawal");
    }
  }

  private static List<String> keys(JsonNode definitions) {
    List<String> keys = new java.util.ArrayList<>();
    definitions.forEach(d -> keys.add(d.get("key").asText()));
    return keys;
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private static String key() {
    return "analystProbe" + KEYS.incrementAndGet();
  }

  private boolean escalated() {
    return identityService.createGroupQuery().groupMember("analis").groupId("camunda-admin").count() > 0;
  }

  private Job failedJob(String processDefinitionKey) {
    return managementService.createJobQuery().processDefinitionKey(processDefinitionKey).list().stream()
        .filter(j -> j.getExceptionMessage() != null).findFirst().orElse(null);
  }

  private void assertTheAnalystStillReadsNoCase(String number) {
    assertThat(engine("analis", HttpMethod.GET, "/process-instance?businessKey=" + number).getBody()).isEmpty();
    assertThat(api.get("analis", "/api/referrals/" + number).getStatusCode().value()).isEqualTo(404);
  }

  /** A process whose timer start (a date in the past) runs the task at once. */
  private static String timerStarted(String key, String task) {
    return process(key, "<bpmn:startEvent id=\"start_probe\"><bpmn:timerEventDefinition id=\"timer_probe\">"
        + "<bpmn:timeDate>2020-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>"
        + "<bpmn:sequenceFlow id=\"flow_toProbe\" sourceRef=\"start_probe\" targetRef=\"task_probe\" />"
        + task
        + "<bpmn:sequenceFlow id=\"flow_toEnd\" sourceRef=\"task_probe\" targetRef=\"end_probe\" />"
        + "<bpmn:endEvent id=\"end_probe\" />");
  }

  private static String process(String key, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="definitions_probe" targetNamespace="http://puskesos.id/probe">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">%s</bpmn:process>
        </bpmn:definitions>
        """.formatted(key, elements);
  }

  /** A decision table whose one input is the expression in the language. */
  private static String decision(String key, String language, String expression) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="definitions_probe" name="Probe"
            namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="Probe" camunda:historyTimeToLive="1">
            <decisionTable id="table_probe">
              <input id="input_probe" label="x">
                <inputExpression id="inputExpression_probe" typeRef="string" expressionLanguage="%s">
                  <text>%s</text>
                </inputExpression>
              </input>
              <output id="output_probe" name="result" typeRef="string" />
              <rule id="rule_probe">
                <inputEntry id="inputEntry_probe"><text>-</text></inputEntry>
                <outputEntry id="outputEntry_probe"><text>"ok"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, language, expression.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;"));
  }

  /**
   * Deploys a resource, and the files attached to it (name, content, ...), as Camunda Modeler does: multipart to
   * {@code /engine-rest/deployment/create}, one part per file.
   */
  private ResponseEntity<JsonNode> deploy(String user, String resourceName, String content, String... attached) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(resourceName, content);
    for (int i = 0; i + 1 < attached.length; i += 2) {
      files.put(attached[i], attached[i + 1]);
    }
    return api.deploy(user, PROBE + "-" + resourceName, files);
  }

  /** The probe table's tests: one case for its one rule, with the input {@code probe} and the expected result. */
  private static String cases(String key, String probe, String result) {
    return """
        {"decision": "%s", "cases": [{"rule": "rule_probe", "name": "probe", "inputs": {"probe": "%s"},
          "expect": {"rule_probe": {"result": "%s"}}}]}
        """.formatted(key, probe, result);
  }

  private ResponseEntity<JsonNode> engine(String user, HttpMethod method, String path) {
    HttpHeaders headers = CaseApi.headers(user);
    return http.exchange("/engine-rest" + path, method, new HttpEntity<>(headers), JsonNode.class);
  }
}
