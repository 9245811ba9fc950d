package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A decision table reaches the engine only with its test cases, every rule with a case and every case passing: the
 * engine's own pre-deployer ({@link ModelRules.DeploymentCheck}, as {@link ModelGuardPlugin} registers it) refuses it
 * otherwise, and nothing of the deployment is stored. The same check answers 400 with its message over
 * {@code /engine-rest/deployment/create} ({@code AnalystModelsScenarioTest}).
 */
class TableDeploymentCheckTest {

  private static final String DMN = "program-eligibility.dmn";
  private static final String TESTS = "program-eligibility.tests.json";
  private static final String DECISION = "program-eligibility";
  private static final String PKH_CASH_CASE = "pkhFirstForAListedHouseholdInDesilOneToFourWithAComponentNeedingCash";
  private static final String WHERE = "Lihat docs/partners.md, bagian \"Mengubah tabel kelayakan\".";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessEngine engine;
  private RepositoryService repositoryService;
  private String table;
  private String tests;

  @BeforeEach
  void startAnEngineThatChecksDeployments() throws IOException {
    StandaloneInMemProcessEngineConfiguration configuration = InMemoryEngines.configuration("table-deployment");
    configuration.setCustomPreDeployers(List.of(new ModelRules.DeploymentCheck()));
    engine = configuration.buildProcessEngine();
    repositoryService = engine.getRepositoryService();
    table = Files.readString(Path.of("processes", DMN));
    tests = Files.readString(Path.of("processes", TESTS));
  }

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void theCommittedTableWithItsCasesIsDeployed() {
    // when
    Deployment deployment = deploy(DECISION, Map.of(DMN, table, TESTS, tests), false);

    // then
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId())).containsExactlyInAnyOrder(DMN, TESTS);
    assertThat(latestVersion()).isEqualTo(1);
  }

  @Test
  void aTableWithoutItsCasesIsRefused() {
    // when
    Throwable refused = catchThrowable(() -> deploy(DECISION, Map.of(DMN, table), false));

    // then
    assertRefused(refused, "Tabel program-eligibility.dmn ditolak: kasus ujinya program-eligibility.tests.json tidak "
        + "ada dalam deployment. Sertakan berkas itu bersama tabel; setiap aturan perlu minimal satu kasus yang lulus.\n"
        + WHERE);
  }

  @Test
  void aTableDeployedFromAFolderPairsWithTheCasesInThatFolder() {
    // when
    Throwable elsewhere = catchThrowable(() -> deploy(DECISION, Map.of("processes/" + DMN, table, TESTS, tests), false));
    Deployment beside = deploy(DECISION, Map.of("processes/" + DMN, table, "processes/" + TESTS, tests), false);

    // then
    assertThat(elsewhere).isInstanceOf(ModelRules.ModelRefused.class).hasMessageContaining(
        "Tabel processes/program-eligibility.dmn ditolak: kasus ujinya processes/program-eligibility.tests.json tidak "
            + "ada dalam deployment.");
    assertThat(repositoryService.createDeploymentQuery().list()).extracting(Deployment::getId)
        .containsExactly(beside.getId());
  }

  @Test
  void aRuleAddedWithoutACaseIsRefused() {
    // when
    Throwable refused = catchThrowable(() -> deploy(DECISION, Map.of(DMN, withPosyanduRule(), TESTS, tests), false));

    // then
    assertRefused(refused, "Tabel program-eligibility.dmn ditolak: kasus ujinya di program-eligibility.tests.json tidak "
        + "lulus:\n- Aturan rule_posyandu (baris 28) belum punya kasus uji di program-eligibility.tests.json\n" + WHERE);
  }

  @Test
  void aCaseThatFailsIsRefusedWithItsMessage() {
    // given: the case expects the wrong rank
    String wrong = testsWith(cases -> cases.forEach(testCase -> {
      if (PKH_CASH_CASE.equals(testCase.get("name").asText())) {
        ((ObjectNode) testCase.get("expect").get("rule_pkhCash")).put("rank", 3);
      }
    }));

    // when
    Throwable refused = catchThrowable(() -> deploy(DECISION, Map.of(DMN, table, TESTS, wrong), false));

    // then
    assertRefused(refused, "Tabel program-eligibility.dmn ditolak: kasus ujinya di program-eligibility.tests.json tidak "
        + "lulus:\n- Kasus '" + PKH_CASH_CASE + "': keluaran rank aturan rule_pkhCash diharapkan 3, ternyata 1\n" + WHERE);
  }

  @Test
  void aRuleAddedWithAPassingCaseIsTheNextVersion() {
    // given
    deploy(DECISION, Map.of(DMN, table, TESTS, tests), false);

    // when
    deploy(DECISION, Map.of(DMN, withPosyanduRule(), TESTS, withPosyanduCase()), false);

    // then
    assertThat(latestVersion()).isEqualTo(2);
  }

  @Test
  void withDeployChangedOnlyTheUnchangedCasesLeftOutByCamundaAreTakenFromTheLastDeployment() {
    // given
    deploy(DECISION, Map.of(DMN, table, TESTS, tests), true);
    String reworded = table.replace("pilihan terakhir untuk kebutuhan kesehatan", "pilihan terakhir");
    String slower = table.replace("<outputEntry id=\"outputEntry_pkhCash_rank\">\n          <text>1</text>",
        "<outputEntry id=\"outputEntry_pkhCash_rank\">\n          <text>2</text>");

    // when: the analyst sends both files, Camunda deploys only the table
    Deployment changed = deploy(DECISION, Map.of(DMN, reworded, TESTS, tests), true);
    Throwable broken = catchThrowable(() -> deploy(DECISION, Map.of(DMN, slower, TESTS, tests), true));

    // then
    assertThat(repositoryService.getDeploymentResourceNames(changed.getId())).containsExactly(DMN);
    assertThat(latestVersion()).isEqualTo(2);
    assertThat(broken).isInstanceOf(ModelRules.ModelRefused.class)
        .hasMessageContaining("keluaran rank aturan rule_pkhCash diharapkan 1, ternyata 2");
    assertThat(latestVersion()).isEqualTo(2);
  }

  @Test
  void withDeployChangedOnlyChangedCasesRunAgainstTheDeployedTable() {
    // given
    deploy(DECISION, Map.of(DMN, table, TESTS, tests), true);
    long deployments = repositoryService.createDeploymentQuery().count();

    // when: only the cases changed, and one of them is wrong
    Throwable refused = catchThrowable(() -> deploy(DECISION, Map.of(DMN, table, TESTS, testsWith(
        cases -> ((ObjectNode) cases.get(0).get("expect").get("rule_pkhCash")).put("need", "FOOD"))), true));

    // then
    assertThat(refused).isInstanceOf(ModelRules.ModelRefused.class).hasMessageContaining(
        "Kasus '" + PKH_CASH_CASE + "': keluaran need aturan rule_pkhCash diharapkan \"FOOD\", ternyata \"CASH\"");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aTableSentAloneUnderTheNameOfItsLastDeploymentIsCheckedAgainstTheCasesDeployedThen() {
    // given
    deploy(DECISION, Map.of(DMN, table, TESTS, tests), false);

    // when: the engine cannot tell it from a file deploy-changed-only left out
    Deployment alone = deploy(DECISION, Map.of(DMN, table.replace("pilihan terakhir untuk kebutuhan kesehatan",
        "pilihan terakhir")), false);
    Throwable underAnotherName = catchThrowable(() -> deploy("tabel-baru", Map.of(DMN, table), false));

    // then
    assertThat(repositoryService.getDeploymentResourceNames(alone.getId())).containsExactly(DMN);
    assertThat(latestVersion()).isEqualTo(2);
    assertThat(underAnotherName).isInstanceOf(ModelRules.ModelRefused.class)
        .hasMessageContaining("kasus ujinya program-eligibility.tests.json tidak ada dalam deployment");
  }

  @Test
  void casesWithoutAnyTableAreRefused() {
    // when
    Throwable refused = catchThrowable(() -> deploy("cases-alone", Map.of(TESTS, tests), false));

    // then
    assertRefused(refused, "Berkas uji program-eligibility.tests.json ditolak: tabelnya program-eligibility.dmn tidak "
        + "ada, di deployment ini maupun sebelumnya.\n" + WHERE);
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private Deployment deploy(String name, Map<String, String> resources, boolean changedOnly) {
    DeploymentBuilder builder = repositoryService.createDeployment().name(name).source("Camunda Modeler");
    if (changedOnly) {
      builder.enableDuplicateFiltering(true);
    }
    new LinkedHashMap<>(resources).forEach((resource, content) -> builder.addString(resource, content));
    return builder.deploy();
  }

  /** Refused with exactly this message, and nothing deployed. */
  private void assertRefused(Throwable refused, String message) {
    assertThat(refused).isInstanceOf(ModelRules.ModelRefused.class).hasMessage(message);
    assertThat(repositoryService.createDeploymentQuery().count()).isZero();
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isZero();
  }

  private int latestVersion() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
        .singleResult().getVersion();
  }

  /** The table with one more row, copied from Puskesmas's: Posyandu for a need no other row answers. */
  private String withPosyanduRule() {
    int start = table.indexOf("      <rule id=\"rule_puskesmas\">");
    String puskesmas = table.substring(start, table.indexOf("</rule>", start) + "</rule>\n".length());
    String posyandu = puskesmas.replace("puskesmas", "posyandu").replace("\"PUSKESMAS\"", "\"POSYANDU\"")
        .replace("\"HEALTH\"", "\"NUTRITION\"").replace("<text>4</text>", "<text>1</text>");
    assertThat(posyandu).contains("rule_posyandu", "list contains(?, \"NUTRITION\")");
    int end = table.indexOf("    </decisionTable>");
    return table.substring(0, end) + posyandu + table.substring(end);
  }

  private String withPosyanduCase() {
    return testsWith(cases -> {
      ObjectNode testCase = cases.addObject();
      testCase.put("rule", "rule_posyandu");
      testCase.put("name", "posyanduForANutritionNeedOfAnyHousehold");
      testCase.putObject("inputs").putArray("confirmedNeeds").add("NUTRITION");
      testCase.putObject("expect").putObject("rule_posyandu").put("programCode", "POSYANDU")
          .put("need", "NUTRITION").put("rank", 1).putNull("fund");
    });
  }

  private String testsWith(Consumer<ArrayNode> change) {
    try {
      ObjectNode file = (ObjectNode) JSON.readTree(tests);
      change.accept((ArrayNode) file.get("cases"));
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
