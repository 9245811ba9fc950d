package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysts' table {@code processes/program-eligibility.dmn}: one case per row (its program, the need it answers
 * and its rank), the cases that must not match, and the table deployed into a process engine that stores variables
 * as JSON, as the application does. Choosing one program per need from these rows is the routing's part
 * ({@code RoutingScenarioTest}).
 */
class ProgramEligibilityDmnTest {

  private static final Path DMN = Path.of("processes/program-eligibility.dmn");
  private static final String DECISION_KEY = "program-eligibility";

  private static final long POOR = 500_000L;
  private static final long POVERTY_THRESHOLD = 750_000L;
  private static final long NOT_POOR = 2_000_000L;

  private static final Line PKH_CASH = line("PKH", "CASH", 1, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line PKH_DISABILITY =
      line("PKH", "DISABILITY", 1, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line PKH_ELDERLY = line("PKH", "ELDERLY", 1, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line PKH_EDUCATION =
      line("PKH", "EDUCATION", 3, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen anak sekolah");
  private static final Line PKH_HEALTH = line("PKH", "HEALTH", 3, "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line BPNT_FOOD =
      line("BPNT", "FOOD", 2, "Terdaftar DTKS/DTSEN desil 1-4 dan membutuhkan pangan");
  private static final Line BPNT_CASH = line("BPNT", "CASH", 5,
      "Terdaftar DTKS/DTSEN desil 1-4; bantuan pangan untuk meringankan kebutuhan tunai");
  private static final Line BAZNAS_KONSUMTIF_CASH = line("BAZNAS_KONSUMTIF", "CASH", 2,
      "Muslim miskin yang membutuhkan bantuan tunai (zakat konsumtif fakir/miskin)");
  private static final Line BAZNAS_KONSUMTIF_FOOD = line("BAZNAS_KONSUMTIF", "FOOD", 4,
      "Muslim miskin yang membutuhkan pangan (zakat konsumtif fakir/miskin)");
  private static final Line BAZNAS_SEHAT =
      line("BAZNAS_SEHAT", "HEALTH", 1, "Muslim miskin yang membutuhkan bantuan biaya kesehatan");
  private static final Line BAZNAS_CERDAS = line("BAZNAS_CERDAS", "EDUCATION", 2,
      "Muslim miskin dengan anak usia sekolah yang membutuhkan bantuan pendidikan");
  private static final Line BAZNAS_MAKMUR =
      line("BAZNAS_MAKMUR", "CASH", 4, "Muslim miskin yang membutuhkan modal usaha");
  private static final Line BAZNAS_PEDULI = line("BAZNAS_PEDULI", "HOUSING", 1,
      "Warga miskin yang membutuhkan perbaikan rumah (dana infak/sedekah, semua agama)");
  private static final Line SALMAN_SEMBAKO = line("SALMAN_SEMBAKO", "FOOD", 3, "Warga miskin yang membutuhkan pangan");
  private static final Line SALMAN_YATIM = line("SALMAN_YATIM", "ORPHAN", 1, "Keluarga dengan anak yatim");

  private static final List<String> ZAKAT_PROGRAMS =
      List.of("BAZNAS_KONSUMTIF", "BAZNAS_SEHAT", "BAZNAS_CERDAS", "BAZNAS_MAKMUR");

  // Test methods of one class run in one thread (junit-platform.properties), so the last table evaluation
  // seen by the listener belongs to the evaluation the test just made.
  private static final ThreadLocal<DmnDecisionTableEvaluationEvent> LAST_EVALUATION = new ThreadLocal<>();
  private static DmnDecision decision;
  private static DmnEngine dmnEngine;

  @BeforeAll
  static void parseTable() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(LAST_EVALUATION::set));
    dmnEngine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(DMN)) {
      decision = dmnEngine.parseDecision(DECISION_KEY, in);
    }
  }

  // ---- one case per row of the table --------------------------------------------------------------------------

  static Stream<RowCase> rows() {
    return Stream.of(
        row("rule_pkhCash", "pkhFirstForAListedHouseholdInDesilOneToFourWithAComponentNeedingCash",
            household().dtks("LISTED", 1).pkhComponents(1).needs("CASH"), PKH_CASH)
            .alsoMatching("rule_bpntCash", BPNT_CASH),
        row("rule_pkhDisability", "pkhForADisabilityNeedOfAListedHouseholdWithAComponent",
            household().dtks("LISTED", 2).pkhComponents(1).needs("DISABILITY"), PKH_DISABILITY),
        row("rule_pkhElderly", "pkhForAnElderlyNeedOfAListedHouseholdWithAComponent",
            household().dtks("LISTED", 3).pkhComponents(1).needs("ELDERLY"), PKH_ELDERLY),
        row("rule_baznasSehat", "healthZakatFirstForAPoorMuslimNeedingHealthCare",
            household().needs("HEALTH").religion("ISLAM").income(POOR), BAZNAS_SEHAT),
        row("rule_baznasPeduli", "baznasPeduliForAPoorHouseholdOfAnyReligionNeedingHousing",
            household().needs("HOUSING").religion("HINDU").income(POOR), BAZNAS_PEDULI),
        // no income test for orphans: the household earns well above the threshold
        row("rule_salmanYatim", "salmanOrphanAidForAHouseholdWithAnOrphan",
            household().needs("ORPHAN").children(1), SALMAN_YATIM),
        row("rule_bpntFood", "bpntSecondForAListedHouseholdInDesilOneToFourNeedingFood",
            household().dtks("LISTED", 4).needs("FOOD"), BPNT_FOOD),
        row("rule_baznasKonsumtifCash", "consumptiveZakatSecondForAPoorMuslimNeedingCash",
            household().needs("CASH").religion("ISLAM").income(POOR), BAZNAS_KONSUMTIF_CASH)
            .alsoMatching("rule_baznasMakmur", BAZNAS_MAKMUR),
        row("rule_baznasCerdas", "schoolZakatForAPoorMuslimWithASchoolChild",
            household().needs("EDUCATION").religion("ISLAM").income(POOR).schoolChildren(1), BAZNAS_CERDAS),
        row("rule_salmanSembako", "salmanFoodPackageThirdForAPoorHouseholdOfAnyReligionNeedingFood",
            household().needs("FOOD").religion("KATOLIK").income(POOR), SALMAN_SEMBAKO),
        row("rule_pkhEducation", "pkhForAnEducationNeedWhenTheHouseholdHasASchoolChild",
            household().dtks("LISTED", 2).pkhComponents(1).schoolChildren(1).needs("EDUCATION"), PKH_EDUCATION),
        row("rule_pkhHealth", "pkhForAHealthNeedOfAListedHouseholdWithAComponent",
            household().dtks("LISTED", 2).pkhComponents(2).needs("HEALTH"), PKH_HEALTH),
        row("rule_baznasKonsumtifFood", "consumptiveZakatAlsoAnswersTheFoodNeedOfAPoorMuslim",
            household().needs("FOOD").religion("ISLAM").income(POOR), BAZNAS_KONSUMTIF_FOOD)
            .alsoMatching("rule_salmanSembako", SALMAN_SEMBAKO),
        row("rule_baznasMakmur", "businessZakatForAPoorMuslimNeedingCashAfterConsumptiveZakat",
            household().needs("CASH").religion("ISLAM").income(POOR), BAZNAS_MAKMUR)
            .alsoMatching("rule_baznasKonsumtifCash", BAZNAS_KONSUMTIF_CASH),
        row("rule_bpntCash", "bpntLastForTheCashNeedOfAListedHouseholdWithoutAPkhComponent",
            household().dtks("LISTED", 2).needs("CASH"), BPNT_CASH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachRowRoutesTheHouseholdItDescribes(RowCase row) {
    // when
    Routing routing = route(row.household());

    // then
    assertThat(routing.matchedRules()).containsExactlyInAnyOrderElementsOf(row.expected().keySet());
    assertThat(routing.lines()).containsExactlyInAnyOrderElementsOf(row.expected().values());
  }

  @Test
  void everyRuleInTheTableHasARowCaseInThisTest() {
    DmnModelInstance model = Dmn.readModelFromFile(DMN.toFile());

    List<String> ruleIds = model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();

    assertThat(ruleIds)
        .as("a row added to the table needs its case in rows(); a removed row must lose its case")
        .containsExactlyInAnyOrderElementsOf(rows().map(RowCase::ruleId).toList());
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
    // given: listed but above desil 4, well off, and only asking for a data update
    Household household = household().dtks("LISTED", 7).pkhComponents(2).needs("DATA_UPDATE")
        .religion("ISLAM").income(NOT_POOR).schoolChildren(1).children(2);

    // when
    Routing routing = route(household);

    // then
    assertThat(routing.lines()).isEmpty();
  }

  @ParameterizedTest(name = "religion {0}")
  @ValueSource(strings = {"KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU", "TIDAK_DISEBUTKAN"})
  void nonMuslimIsNotRoutedToZakatButToBaznasPeduliAndSalman(String religion) {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion(religion));

    // then
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_PEDULI, SALMAN_SEMBAKO, SALMAN_YATIM);
  }

  @Test
  void muslimWithTheSameNeedsIsAlsoOfferedEveryZakatLineEachForItsNeedAndRank() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion("ISLAM"));

    // then
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_KONSUMTIF_CASH, BAZNAS_KONSUMTIF_FOOD, BAZNAS_SEHAT,
        BAZNAS_CERDAS, BAZNAS_MAKMUR, BAZNAS_PEDULI, SALMAN_SEMBAKO, SALMAN_YATIM);
  }

  @Test
  void everyRowAnswersOneNeedWithARankFromOne() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion("ISLAM").dtks("LISTED", 1).pkhComponents(2)
        .needs("FOOD", "CASH", "HEALTH", "EDUCATION", "HOUSING", "ORPHAN", "DISABILITY", "ELDERLY"));

    // then: the routing reads one need and a rank per row, and a need is one of the table's own needs
    assertThat(routing.lines()).hasSize(15).allSatisfy(line -> {
      assertThat(line.need()).isIn("FOOD", "CASH", "HEALTH", "EDUCATION", "HOUSING", "ORPHAN", "DISABILITY",
          "ELDERLY");
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
  void missingReligionDoesNotMatchZakatRows() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion(null));

    // then
    assertThat(routing.programCodes()).doesNotContainAnyElementsOf(ZAKAT_PROGRAMS);
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_PEDULI, SALMAN_SEMBAKO, SALMAN_YATIM);
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
  void householdEarningExactlyThePovertyThresholdIsNotPoor() {
    // when
    Routing atThreshold = route(poorHouseholdNeedingEverything().religion("ISLAM").income(POVERTY_THRESHOLD));
    Routing justBelow = route(poorHouseholdNeedingEverything().religion("ISLAM").income(POVERTY_THRESHOLD - 1));

    // then: only the orphan line, which has no income test, is left at the threshold
    assertThat(atThreshold.lines()).containsExactly(SALMAN_YATIM);
    assertThat(justBelow.programCodes()).contains("BAZNAS_KONSUMTIF", "BAZNAS_PEDULI", "SALMAN_SEMBAKO");
  }

  // ---- in the process engine ----------------------------------------------------------------------------------

  @Test
  void deployedTableRoutesAJsonStoredNeedsListInTheProcessEngine() throws IOException {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    String name = "program-eligibility-" + UUID.randomUUID();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try (InputStream dmn = Files.newInputStream(DMN)) {
      // given: the table deployed, and a waiting process that holds the household the way the application does
      engine.getRepositoryService().createDeployment()
          .addInputStream("program-eligibility.dmn", dmn)
          .addModelInstance("household-holder.bpmn", Bpmn.createExecutableProcess("householdHolder")
              .camundaHistoryTimeToLive(1)
              .startEvent("start_household").userTask("task_wait").endEvent("end_household").done())
          .deploy();
      VariableMap household = householdWithPkhComponentsNeedingFoodAndCash().dtks("LISTED", 2)
          .needs("FOOD", "HEALTH").religion("ISLAM").income(POOR).variables();
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
      Line[] expected = {PKH_HEALTH, BPNT_FOOD, BAZNAS_KONSUMTIF_FOOD, BAZNAS_SEHAT, SALMAN_SEMBAKO};
      assertThat(lines(fromCode)).containsExactlyInAnyOrder(expected);
      assertThat(lines(fromStore)).containsExactlyInAnyOrder(expected);
    } finally {
      engine.close();
    }
  }

  // ---- households ---------------------------------------------------------------------------------------------

  /** Matches no row: not in DTKS, no needs, well off, no children. */
  private static Household household() {
    return new Household()
        .needs()
        .dtks("NOT_LISTED", null)
        .pkhComponents(0)
        .religion("TIDAK_DISEBUTKAN")
        .income(NOT_POOR)
        .schoolChildren(0)
        .children(0);
  }

  /** Not in DTKS, poor, and needing what every partner line offers. */
  private static Household poorHouseholdNeedingEverything() {
    return household().needs("FOOD", "CASH", "HEALTH", "EDUCATION", "HOUSING", "ORPHAN").income(POOR)
        .schoolChildren(1).children(2);
  }

  /** Everything PKH and BPNT ask for except the DTKS listing and desil; too well off for partner lines. */
  private static Household householdWithPkhComponentsNeedingFoodAndCash() {
    return household().pkhComponents(2).needs("FOOD", "CASH").religion("ISLAM").income(NOT_POOR);
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

    Household income(long perCapitaPerMonth) {
      return with("incomePerCapita", perCapitaPerMonth);
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
    LAST_EVALUATION.remove();
    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, household.variables());
    List<String> matchedRules = LAST_EVALUATION.get().getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId).toList();
    return new Routing(matchedRules, lines(result));
  }

  private static List<Line> lines(DmnDecisionTableResult result) {
    return result.stream().map(Line::of).toList();
  }

  private static Line line(String programCode, String need, int rank, String reason) {
    return new Line(programCode, need, rank, reason);
  }

  private static RowCase row(String ruleId, String behaviour, Household household, Line line) {
    Map<String, Line> expected = new LinkedHashMap<>();
    expected.put(ruleId, line);
    return new RowCase(ruleId, behaviour, household, expected);
  }

  /** One output row of the table, as the routing reads it. */
  record Line(String programCode, String need, int rank, String reason) {
    static Line of(DmnDecisionRuleResult entries) {
      return new Line(entries.getEntry(EligibilityTable.PROGRAM_CODE), entries.getEntry(EligibilityTable.NEED),
          ((Number) entries.getEntry(EligibilityTable.RANK)).intValue(), entries.getEntry(EligibilityTable.REASON));
    }
  }

  record Routing(List<String> matchedRules, List<Line> lines) {
    List<String> programCodes() {
      return lines.stream().map(Line::programCode).toList();
    }
  }

  /** A household that the row {@code ruleId} describes, and every row it matches (usually just that one). */
  record RowCase(String ruleId, String behaviour, Household household, Map<String, Line> expected) {
    RowCase alsoMatching(String otherRuleId, Line otherLine) {
      Map<String, Line> more = new LinkedHashMap<>(expected);
      more.put(otherRuleId, otherLine);
      return new RowCase(ruleId, behaviour, household, more);
    }

    @Override
    public String toString() {
      return ruleId + ": " + behaviour;
    }
  }
}
