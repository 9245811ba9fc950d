package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.process.InMemoryEngines;
import id.puskesos.rujukan.process.TableTests;

/**
 * The analysts' table {@code processes/program-eligibility.dmn}: its cases, one or more per row, kept beside it in
 * {@code processes/program-eligibility.tests.json} and run by {@link TableTests} as the engine runs them when the table
 * is deployed (docs/partners.md, "Mengubah tabel kelayakan"); the cases that must not match; and the table deployed
 * into a process engine that stores variables as JSON, as the application does. Choosing one program per need from these rows is the routing's part
 * ({@code RoutingScenarioTest}).
 */
class ProgramEligibilityDmnTest {

  private static final Path DMN = Path.of("processes/program-eligibility.dmn");
  private static final Path TESTS = Path.of("processes/program-eligibility.tests.json");
  private static final TableTests TABLE_TESTS = new TableTests();
  private static final String DECISION_KEY = "program-eligibility";

  private static final String FAKIR = "FAKIR";
  private static final String MISKIN = "MISKIN";
  private static final String ABOVE = "ABOVE";

  private static final Line PKH_CASH = line("PKH", "CASH", 1, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line PKH_HEALTH = line("PKH", "HEALTH", 3, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line BPNT_FOOD =
      line("BPNT", "FOOD", 2, "Terdaftar DTKS/DTSEN desil 1-4 dan membutuhkan pangan");
  private static final Line BPNT_CASH = line("BPNT", "CASH", 5,
      "Terdaftar DTKS/DTSEN desil 1-4; bantuan pangan untuk meringankan kebutuhan tunai");
  private static final Line PBI_JK = line("PBI_JK", "HEALTH", 2,
      "Terdaftar DTKS/DTSEN desil 1-4: diusulkan menjadi peserta PBI-JK (KIS)");
  private static final Line PBI_JK_NOT_LISTED = line("PBI_JK", "HEALTH", 2,
      "Belum terdaftar DTKS/DTSEN: PBI-JK (KIS) diusulkan setelah masuk DTSEN");
  private static final Line PUSKESMAS =
      line("PUSKESMAS", "HEALTH", 4, "Layanan kesehatan dasar di Puskesmas untuk semua warga");
  private static final Line RUTILAHU = line("RUTILAHU", "HOUSING", 2,
      "Rumah tidak layak huni: DPKP menilai kondisi bangunan dan status tanah");
  private static final Line BAZNAS_PEDULI_INFAQ = line("BAZNAS_PEDULI", "HOUSING", 1,
      "Warga miskin (di bawah had kifayah) yang membutuhkan perbaikan rumah, termasuk akibat bencana (dana infak/sedekah)")
      .fund("INFAQ");
  private static final Line BAZNAS_PEDULI_DEBT_INFAQ = line("BAZNAS_PEDULI", "DEBT", 1,
      "Warga miskin (di bawah had kifayah) yang terlilit utang untuk kebutuhan dasar (dana infak/sedekah)")
      .fund("INFAQ");
  private static final Line SALMAN_SEMBAKO = line("SALMAN_SEMBAKO", "FOOD", 3, "Warga miskin yang membutuhkan pangan");
  private static final Line SALMAN_YATIM = line("SALMAN_YATIM", "ORPHAN", 1, "Keluarga dengan anak yatim");

  // the zakat lines: the asnaf is the household's class by the had kifayah, or gharimin for a debt
  private static Line baznasKonsumtifCash(String asnaf) {
    return line("BAZNAS_KONSUMTIF", "CASH", 2,
        "Muslim fakir/miskin (di bawah had kifayah) yang membutuhkan bantuan tunai (zakat konsumtif)").zakat(asnaf);
  }

  private static Line baznasKonsumtifFood(String asnaf) {
    return line("BAZNAS_KONSUMTIF", "FOOD", 4,
        "Muslim fakir/miskin (di bawah had kifayah) yang membutuhkan pangan (zakat konsumtif)").zakat(asnaf);
  }

  private static Line baznasSehat(String asnaf) {
    return line("BAZNAS_SEHAT", "HEALTH", 1,
        "Muslim fakir/miskin (di bawah had kifayah) yang membutuhkan bantuan biaya kesehatan").zakat(asnaf);
  }

  private static Line baznasCerdas(String asnaf) {
    return line("BAZNAS_CERDAS", "EDUCATION", 2,
        "Muslim fakir/miskin (di bawah had kifayah) dengan anak usia sekolah yang membutuhkan bantuan pendidikan")
        .zakat(asnaf);
  }

  private static Line baznasPeduli(String asnaf) {
    return line("BAZNAS_PEDULI", "HOUSING", 1,
        "Muslim fakir/miskin (di bawah had kifayah) yang membutuhkan perbaikan rumah, termasuk akibat bencana")
        .zakat(asnaf);
  }

  private static final Line BAZNAS_PEDULI_GHARIMIN = line("BAZNAS_PEDULI", "DEBT", 1,
      "Muslim fakir/miskin yang terlilit utang untuk kebutuhan dasar (gharimin)").zakat("GHARIMIN");

  private static final List<String> ZAKAT_PROGRAMS = List.of("BAZNAS_KONSUMTIF", "BAZNAS_SEHAT", "BAZNAS_CERDAS");

  private static DmnDecision decision;
  private static DmnEngine dmnEngine;

  @BeforeAll
  static void parseTable() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(DMN)) {
      decision = dmnEngine.parseDecision(DECISION_KEY, in);
    }
  }

  // ---- one case per row of the table: processes/program-eligibility.tests.json --------------------------------

  static Stream<String> casesOfTheTablesTests() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(TESTS.toFile()).get("cases");
    List<String> names = new ArrayList<>();
    cases.forEach(testCase -> names.add(testCase.get("name").asText()));
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("casesOfTheTablesTests")
  void eachCaseOfTheTablesTestsPasses(String caseName) throws IOException {
    // when
    List<String> problems = TABLE_TESTS.checkCase(DMN.toString(), Files.readAllBytes(DMN), TESTS.toString(),
        Files.readAllBytes(TESTS), caseName);

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRuleInTheTableHasACaseAndEveryCasePasses() throws IOException {
    // when: as the engine checks a deployment of the table
    List<String> problems = TABLE_TESTS.check(DMN.toString(), Files.readAllBytes(DMN), TESTS.toString(),
        Files.readAllBytes(TESTS));

    // then
    assertThat(problems).as("a row added to the table needs its case in %s; a removed row must lose its case", TESTS)
        .isEmpty();
    assertThat(casesOfTheTablesTests()).hasSizeGreaterThanOrEqualTo(
        Dmn.readModelFromFile(DMN.toFile()).getModelElementsByType(Rule.class).size());
  }

  @Test
  void needsColumnHasNoDataTypeSoTheListReachesFeelAsAList() {
    DmnModelInstance model = Dmn.readModelFromFile(DMN.toFile());

    InputExpression needs = model.getModelElementById("inputExpression_needs");

    // With typeRef="string" (the Modeler's default) the engine turns the list into the text "[FOOD]" and every
    // "list contains" test silently stops matching.
    assertThat(needs.getTypeRef()).as("typeRef of the Kebutuhan column").isNull();
  }

  // ---- what must not match ------------------------------------------------------------------------------------

  @Test
  void householdMatchingNoRowGetsNoProgram() {
    // given: listed but above desil 4, above the had kifayah, and asking for orphan aid without a child
    Household household = household().dtks("LISTED", 7).pkhComponents(2).needs("ORPHAN", "FOOD", "CASH")
        .religion("ISLAM").poverty(ABOVE).schoolChildren(0).children(0);

    // when
    Routing routing = route(household);

    // then
    assertThat(routing.lines()).isEmpty();
  }

  @ParameterizedTest(name = "religion {0}")
  @ValueSource(strings = {"KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "TIDAK_DISEBUTKAN"})
  void nonMuslimIsNotRoutedToZakatButToInfaqLinesSalmanAndTheCitysServices(String religion) {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion(religion));

    // then: no zakat line; Bandung Peduli from infaq, without an asnaf
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_PEDULI_INFAQ, BAZNAS_PEDULI_DEBT_INFAQ,
        SALMAN_SEMBAKO, SALMAN_YATIM, PBI_JK_NOT_LISTED, PUSKESMAS, RUTILAHU);
    assertThat(routing.lines()).noneMatch(line -> "ZAKAT".equals(line.fund()) || line.asnaf() != null);
  }

  @Test
  void muslimWithTheSameNeedsIsOfferedEveryZakatLineWithItsAsnaf() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion("ISLAM"));

    // then
    assertThat(routing.lines()).containsExactlyInAnyOrder(baznasKonsumtifCash(MISKIN), baznasKonsumtifFood(MISKIN),
        baznasSehat(MISKIN), baznasCerdas(MISKIN), baznasPeduli(MISKIN), BAZNAS_PEDULI_GHARIMIN, SALMAN_SEMBAKO,
        SALMAN_YATIM, PBI_JK_NOT_LISTED, PUSKESMAS, RUTILAHU);
  }

  @Test
  void fakirMuslimGetsTheConsumptiveZakatAsFakir() {
    // when
    Routing routing = route(household().religion("ISLAM").poverty(FAKIR).needs("CASH"));

    // then
    assertThat(routing.lines()).containsExactly(baznasKonsumtifCash(FAKIR));
  }

  @Test
  void aDebtIsAnsweredByBandungPeduliAsGhariminWhateverTheHouseholdsPovertyClass() {
    // when
    Routing fakir = route(household().religion("ISLAM").poverty(FAKIR).needs("DEBT"));
    Routing miskin = route(household().religion("ISLAM").poverty(MISKIN).needs("DEBT"));

    // then
    assertThat(fakir.lines()).containsExactly(BAZNAS_PEDULI_GHARIMIN);
    assertThat(miskin.lines()).containsExactly(BAZNAS_PEDULI_GHARIMIN);
  }

  @Test
  void bandungMakmurIsNoLongerOfferedForEveryCashNeed() {
    // when: a poor Muslim asking for cash
    Routing routing = route(household().religion("ISLAM").poverty(FAKIR).needs("CASH"));

    // then: business capital is added by hand where the household runs a business (docs/partners.md)
    assertThat(routing.programCodes()).doesNotContain("BAZNAS_MAKMUR");
  }

  @Test
  void everyRowAnswersOneNeedWithARankFromOne() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion("ISLAM").dtks("LISTED", 1).pkhComponents(2)
        .needs(ALL_NEEDS));

    // then: the routing reads one need and a rank per row, and a need is one of the table's own needs
    assertThat(routing.lines()).extracting(Line::need).contains(ALL_NEEDS);
    assertThat(routing.lines()).allSatisfy(line -> {
      assertThat(line.need()).isIn(ALL_NEEDS);
      assertThat(line.rank()).isPositive();
    });
  }

  @Test
  void foodAndCashForAListedFamilyWithPkhComponentsOfferPkhFirstForCashAndBpntFirstForFood() {
    // when
    Routing routing = route(householdWithPkhComponentsNeedingFoodAndCash().dtks("LISTED", 2));

    // then: the routing chooses the lowest rank per need; BPNT for cash is only the last resort
    assertThat(routing.lines()).containsExactlyInAnyOrder(PKH_CASH, BPNT_FOOD, BPNT_CASH);
  }

  @Test
  void missingReligionDoesNotMatchZakatRowsButInfaqOnes() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion(null));

    // then
    assertThat(routing.programCodes()).doesNotContainAnyElementsOf(ZAKAT_PROGRAMS);
    assertThat(routing.lines()).contains(BAZNAS_PEDULI_INFAQ, BAZNAS_PEDULI_DEBT_INFAQ, SALMAN_SEMBAKO);
  }

  @ParameterizedTest(name = "DTKS {0}, desil {1}")
  @CsvSource(nullValues = "null", value = {
      "LISTED, 5",
      "LISTED, 10",
      "LISTED, null",
      "NOT_LISTED, 2",
      "null, 2",
      "null, null"})
  void householdOutsideDesilOneToFourOrNotListedGetsNoPkhOrBpnt(String dtksStatus, Integer desil) {
    // when
    Routing routing = route(householdWithPkhComponentsNeedingFoodAndCash().dtks(dtksStatus, desil));

    // then
    assertThat(routing.lines()).isEmpty();
  }

  @Test
  void listedHouseholdInDesilFourStillGetsPkhAndBpnt() {
    // when
    Routing routing = route(householdWithPkhComponentsNeedingFoodAndCash().dtks("LISTED", 4));

    // then
    assertThat(routing.programCodes()).containsOnly("PKH", "BPNT");
  }

  @Test
  void householdAtOrAboveTheHadKifayahGetsNoZakatNorInfaqLine() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion("ISLAM").poverty(ABOVE));

    // then: the orphan line, which has no income test, and the city's services are left
    assertThat(routing.lines()).containsExactlyInAnyOrder(SALMAN_YATIM, PBI_JK_NOT_LISTED, PUSKESMAS, RUTILAHU);
  }

  // ---- in the process engine ----------------------------------------------------------------------------------

  @Test
  void deployedTableRoutesAJsonStoredNeedsListInTheProcessEngine() throws IOException {
    ProcessEngine engine = InMemoryEngines.configuration("program-eligibility").buildProcessEngine();
    try (InputStream dmn = Files.newInputStream(DMN)) {
      // given: the table deployed, and a waiting process that holds the household the way the application does
      engine.getRepositoryService().createDeployment()
          .addInputStream("program-eligibility.dmn", dmn)
          .addModelInstance("household-holder.bpmn", Bpmn.createExecutableProcess("householdHolder")
              .camundaHistoryTimeToLive(1)
              .startEvent("start_household").userTask("task_wait").endEvent("end_household").done())
          .deploy();
      VariableMap household = householdWithPkhComponentsNeedingFoodAndCash().dtks("LISTED", 2)
          .needs("FOOD", "HEALTH").religion("ISLAM").poverty(MISKIN).variables();
      assertThat(household.get("confirmedNeeds")).isInstanceOf(ArrayList.class);
      RuntimeService runtimeService = engine.getRuntimeService();
      String processInstanceId = runtimeService.startProcessInstanceByKey("householdHolder", household).getId();
      ObjectValue storedNeeds = runtimeService.getVariableTyped(processInstanceId, "confirmedNeeds", false);
      assertThat(storedNeeds.getSerializationDataFormat()).isEqualTo("application/json");

      // when: evaluated with the variables as given by code, and as read back from the engine
      DmnDecisionTableResult fromCode = engine.getDecisionService()
          .evaluateDecisionTableByKey(DECISION_KEY).variables(household).evaluate();
      DmnDecisionTableResult fromStore = engine.getDecisionService()
          .evaluateDecisionTableByKey(DECISION_KEY).variables(runtimeService.getVariablesTyped(processInstanceId))
          .evaluate();

      // then
      Line[] expected = {PKH_HEALTH, BPNT_FOOD, baznasKonsumtifFood(MISKIN), baznasSehat(MISKIN), SALMAN_SEMBAKO,
          PBI_JK, PUSKESMAS};
      assertThat(lines(fromCode)).containsExactlyInAnyOrder(expected);
      assertThat(lines(fromStore)).containsExactlyInAnyOrder(expected);
    } finally {
      engine.close();
    }
  }

  // ---- households ---------------------------------------------------------------------------------------------

  private static final String[] ALL_NEEDS = {"FOOD", "CASH", "HEALTH", "EDUCATION", "HOUSING", "DEBT", "ORPHAN",
      "DISABILITY", "ELDERLY", "CIVIL_DOCUMENTS", "DATA_UPDATE"};

  /** Matches no row: not in DTKS, no needs, above the had kifayah, no children. */
  private static Household household() {
    return new Household()
        .needs()
        .dtks("NOT_LISTED", null)
        .pkhComponents(0)
        .religion("TIDAK_DISEBUTKAN")
        .poverty(ABOVE)
        .schoolChildren(0)
        .children(0);
  }

  /** Not in DTKS, miskin, and needing what every partner line offers (not the services every household gets). */
  private static Household poorHouseholdNeedingEverything() {
    return household().needs("FOOD", "CASH", "HEALTH", "EDUCATION", "HOUSING", "DEBT", "ORPHAN").poverty(MISKIN)
        .schoolChildren(1).children(2);
  }

  /** Everything PKH and BPNT ask for except the DTKS listing and desil; above the had kifayah. */
  private static Household householdWithPkhComponentsNeedingFoodAndCash() {
    return household().pkhComponents(2).needs("FOOD", "CASH").religion("ISLAM").poverty(ABOVE);
  }

  static final class Household {
    private final VariableMap variables = Variables.createVariables();

    Household needs(String... needs) {
      // the application hands the needs to the engine as a plain Java list
      return with("confirmedNeeds", new ArrayList<>(List.of(needs)));
    }

    Household dtks(String status, Integer desil) {
      return with("dtksStatus", status).with("desil", desil);
    }

    Household pkhComponents(int count) {
      return with("pkhComponents", count);
    }

    Household religion(String religion) {
      return with("religion", religion);
    }

    Household poverty(String povertyClass) {
      return with(EligibilityTable.POVERTY_CLASS, povertyClass);
    }

    Household schoolChildren(int count) {
      return with("schoolChildren", count);
    }

    Household children(int count) {
      return with("children", count);
    }

    VariableMap variables() {
      return variables;
    }

    private Household with(String name, Object value) {
      variables.putValue(name, value);
      return this;
    }
  }

  // ---- evaluation ---------------------------------------------------------------------------------------------

  private static Routing route(Household household) {
    return new Routing(lines(dmnEngine.evaluateDecisionTable(decision, household.variables())));
  }

  private static List<Line> lines(DmnDecisionTableResult result) {
    return result.stream().map(Line::of).toList();
  }

  private static Line line(String programCode, String need, int rank, String reason) {
    return new Line(programCode, need, rank, reason, null, null);
  }

  /** One output row of the table, as the routing reads it. */
  record Line(String programCode, String need, int rank, String reason, String fund, String asnaf) {
    static Line of(DmnDecisionRuleResult entries) {
      return new Line(entries.getEntry(EligibilityTable.PROGRAM_CODE), entries.getEntry(EligibilityTable.NEED),
          ((Number) entries.getEntry(EligibilityTable.RANK)).intValue(), entries.getEntry(EligibilityTable.REASON),
          (String) entries.getEntryMap().get(EligibilityTable.FUND),
          (String) entries.getEntryMap().get(EligibilityTable.ASNAF));
    }

    Line zakat(String asnaf) {
      return new Line(programCode, need, rank, reason, "ZAKAT", asnaf);
    }

    Line fund(String fund) {
      return new Line(programCode, need, rank, reason, fund, null);
    }
  }

  record Routing(List<Line> lines) {
    List<String> programCodes() {
      return lines.stream().map(Line::programCode).toList();
    }
  }
}
