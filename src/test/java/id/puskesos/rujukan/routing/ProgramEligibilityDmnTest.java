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
 * The analysts' table {@code processes/program-eligibility.dmn}: one case per row, the cases that must not match,
 * and the table deployed into a process engine that stores variables as JSON, as the application does.
 */
class ProgramEligibilityDmnTest {

  private static final Path DMN = Path.of("processes/program-eligibility.dmn");
  private static final String DECISION_KEY = "program-eligibility";

  private static final long POOR = 500_000L;
  private static final long POVERTY_THRESHOLD = 750_000L;
  private static final long NOT_POOR = 2_000_000L;

  private static final String NO_CONSENT_BAZNAS = "Warga belum menyetujui data dibagikan kepada BAZNAS";
  private static final String NO_CONSENT_SALMAN = "Warga belum menyetujui data dibagikan kepada Rumah Amal Salman";

  private static final Line PKH = eligible("PKH", "Terdaftar DTKS/DTSEN desil 1-4 dengan komponen PKH");
  private static final Line BPNT =
      eligible("BPNT", "Terdaftar DTKS/DTSEN desil 1-4 dan membutuhkan pangan atau bantuan tunai");
  private static final Line BAZNAS_KONSUMTIF = eligible("BAZNAS_KONSUMTIF",
      "Muslim miskin yang membutuhkan pangan atau bantuan tunai (zakat konsumtif fakir/miskin)");
  private static final Line BAZNAS_KONSUMTIF_NO_CONSENT = noConsent("BAZNAS_KONSUMTIF", NO_CONSENT_BAZNAS);
  private static final Line BAZNAS_SEHAT =
      eligible("BAZNAS_SEHAT", "Muslim miskin yang membutuhkan bantuan biaya kesehatan");
  private static final Line BAZNAS_SEHAT_NO_CONSENT = noConsent("BAZNAS_SEHAT", NO_CONSENT_BAZNAS);
  private static final Line BAZNAS_CERDAS = eligible("BAZNAS_CERDAS",
      "Muslim miskin dengan anak usia sekolah yang membutuhkan bantuan pendidikan");
  private static final Line BAZNAS_CERDAS_NO_CONSENT = noConsent("BAZNAS_CERDAS", NO_CONSENT_BAZNAS);
  private static final Line BAZNAS_MAKMUR = eligible("BAZNAS_MAKMUR", "Muslim miskin yang membutuhkan modal usaha");
  private static final Line BAZNAS_MAKMUR_NO_CONSENT = noConsent("BAZNAS_MAKMUR", NO_CONSENT_BAZNAS);
  private static final Line BAZNAS_PEDULI = eligible("BAZNAS_PEDULI",
      "Warga miskin yang membutuhkan perbaikan rumah (dana infak/sedekah, semua agama)");
  private static final Line BAZNAS_PEDULI_NO_CONSENT = noConsent("BAZNAS_PEDULI", NO_CONSENT_BAZNAS);
  private static final Line SALMAN_SEMBAKO = eligible("SALMAN_SEMBAKO", "Warga miskin yang membutuhkan pangan");
  private static final Line SALMAN_SEMBAKO_NO_CONSENT = noConsent("SALMAN_SEMBAKO", NO_CONSENT_SALMAN);
  private static final Line SALMAN_YATIM = eligible("SALMAN_YATIM", "Keluarga dengan anak yatim");
  private static final Line SALMAN_YATIM_NO_CONSENT = noConsent("SALMAN_YATIM", NO_CONSENT_SALMAN);

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
        row("rule_pkh", "pkhForListedHouseholdInDesilOneToFourWithAComponent",
            household().dtks("LISTED", 1).pkhComponents(1), PKH),
        row("rule_bpnt", "bpntForListedHouseholdInDesilOneToFourNeedingFoodOrCash",
            household().dtks("LISTED", 4).needs("CASH"), BPNT),
        row("rule_baznasKonsumtif", "consumptiveZakatForPoorMuslimNeedingFoodWhoAgreedToShareWithBaznas",
            household().needs("FOOD").religion("ISLAM").income(POOR).consentBaznas(true), BAZNAS_KONSUMTIF),
        row("rule_baznasKonsumtifNoConsent", "consumptiveZakatAwaitsConsentWhenPoorMuslimHasNotAgreedToShare",
            household().needs("FOOD").religion("ISLAM").income(POOR).consentBaznas(false),
            BAZNAS_KONSUMTIF_NO_CONSENT),
        row("rule_baznasSehat", "healthZakatForPoorMuslimNeedingHealthCareWhoAgreedToShareWithBaznas",
            household().needs("HEALTH").religion("ISLAM").income(POOR).consentBaznas(true), BAZNAS_SEHAT),
        row("rule_baznasSehatNoConsent", "healthZakatAwaitsConsentWhenPoorMuslimHasNotAgreedToShare",
            household().needs("HEALTH").religion("ISLAM").income(POOR).consentBaznas(false),
            BAZNAS_SEHAT_NO_CONSENT),
        row("rule_baznasCerdas", "schoolZakatForPoorMuslimWithASchoolChildWhoAgreedToShareWithBaznas",
            household().needs("EDUCATION").religion("ISLAM").income(POOR).schoolChildren(1).consentBaznas(true),
            BAZNAS_CERDAS),
        row("rule_baznasCerdasNoConsent", "schoolZakatAwaitsConsentWhenPoorMuslimHasNotAgreedToShare",
            household().needs("EDUCATION").religion("ISLAM").income(POOR).schoolChildren(2).consentBaznas(false),
            BAZNAS_CERDAS_NO_CONSENT),
        // A cash need is both consumptive and productive zakat in the table: staff see both lines and choose.
        row("rule_baznasMakmur", "businessZakatForPoorMuslimNeedingCashAlongsideConsumptiveZakat",
            household().needs("CASH").religion("ISLAM").income(POOR).consentBaznas(true), BAZNAS_MAKMUR)
            .alsoMatching("rule_baznasKonsumtif", BAZNAS_KONSUMTIF),
        row("rule_baznasMakmurNoConsent", "businessZakatAwaitsConsentWhenPoorMuslimHasNotAgreedToShare",
            household().needs("CASH").religion("ISLAM").income(POOR).consentBaznas(false), BAZNAS_MAKMUR_NO_CONSENT)
            .alsoMatching("rule_baznasKonsumtifNoConsent", BAZNAS_KONSUMTIF_NO_CONSENT),
        row("rule_baznasPeduli", "baznasPeduliForPoorHouseholdOfAnyReligionNeedingHousing",
            household().needs("HOUSING").religion("HINDU").income(POOR).consentBaznas(true), BAZNAS_PEDULI),
        row("rule_baznasPeduliNoConsent", "baznasPeduliAwaitsConsentWhenPoorHouseholdHasNotAgreedToShare",
            household().needs("HOUSING").religion("HINDU").income(POOR).consentBaznas(false),
            BAZNAS_PEDULI_NO_CONSENT),
        row("rule_salmanSembako", "salmanFoodPackageForPoorHouseholdNeedingFoodWhoAgreedToShareWithSalman",
            household().needs("FOOD").religion("KATOLIK").income(POOR).consentSalman(true), SALMAN_SEMBAKO),
        row("rule_salmanSembakoNoConsent", "salmanFoodPackageAwaitsConsentWhenPoorHouseholdHasNotAgreedToShare",
            household().needs("FOOD").religion("KATOLIK").income(POOR).consentSalman(false),
            SALMAN_SEMBAKO_NO_CONSENT),
        // no income test for orphans: the household earns well above the threshold
        row("rule_salmanYatim", "salmanOrphanAidForHouseholdWithAnOrphanWhoAgreedToShareWithSalman",
            household().needs("ORPHAN").children(1).consentSalman(true), SALMAN_YATIM),
        row("rule_salmanYatimNoConsent", "salmanOrphanAidAwaitsConsentWhenHouseholdHasNotAgreedToShare",
            household().needs("ORPHAN").children(3).consentSalman(false), SALMAN_YATIM_NO_CONSENT));
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
        .religion("ISLAM").income(NOT_POOR).schoolChildren(1).children(2).consentBaznas(true).consentSalman(true);

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
  void muslimWithTheSameNeedsIsAlsoRoutedToEveryZakatLine() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion("ISLAM"));

    // then
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_KONSUMTIF, BAZNAS_SEHAT, BAZNAS_CERDAS,
        BAZNAS_MAKMUR, BAZNAS_PEDULI, SALMAN_SEMBAKO, SALMAN_YATIM);
  }

  @Test
  void missingReligionDoesNotMatchZakatRows() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion(null));

    // then
    assertThat(routing.programCodes()).doesNotContainAnyElementsOf(ZAKAT_PROGRAMS);
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_PEDULI, SALMAN_SEMBAKO, SALMAN_YATIM);
  }

  @Test
  void missingReligionDoesNotMatchZakatRowsAwaitingConsentEither() {
    // when
    Routing routing = route(poorHouseholdNeedingEverything().religion(null).consentBaznas(false));

    // then
    assertThat(routing.programCodes()).doesNotContainAnyElementsOf(ZAKAT_PROGRAMS);
    assertThat(routing.lines()).containsExactlyInAnyOrder(BAZNAS_PEDULI_NO_CONSENT, SALMAN_SEMBAKO, SALMAN_YATIM);
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
    assertThat(routing.lines()).containsExactlyInAnyOrder(PKH, BPNT);
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

  @Test
  void householdWithoutARecordedConsentAnswerGetsNoPartnerLine() {
    // given: eligible for every partner line, but neither consent question answered
    Household household = poorHouseholdNeedingEverything().religion("ISLAM").consentBaznas(null).consentSalman(null);

    // when
    Routing routing = route(household);

    // then: neither ELIGIBLE nor NO_CONSENT; the application must always set both flags
    assertThat(routing.lines()).isEmpty();
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
          .needs("FOOD", "HEALTH").religion("ISLAM").income(POOR).consentBaznas(true).consentSalman(true).variables();
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
      Line[] expected = {PKH, BPNT, BAZNAS_KONSUMTIF, BAZNAS_SEHAT, SALMAN_SEMBAKO};
      assertThat(lines(fromCode)).containsExactlyInAnyOrder(expected);
      assertThat(lines(fromStore)).containsExactlyInAnyOrder(expected);
    } finally {
      engine.close();
    }
  }

  // ---- households ---------------------------------------------------------------------------------------------

  /** Matches no row: not in DTKS, no needs, well off, no children, consent questions not answered. */
  private static Household household() {
    return new Household()
        .needs()
        .dtks("NOT_LISTED", null)
        .pkhComponents(0)
        .religion("TIDAK_DISEBUTKAN")
        .income(NOT_POOR)
        .schoolChildren(0)
        .children(0)
        .consentBaznas(null)
        .consentSalman(null);
  }

  /** Not in DTKS, poor, agreed to share with both partners, and needing what every partner line offers. */
  private static Household poorHouseholdNeedingEverything() {
    return household().needs("FOOD", "CASH", "HEALTH", "EDUCATION", "HOUSING", "ORPHAN").income(POOR)
        .schoolChildren(1).children(2).consentBaznas(true).consentSalman(true);
  }

  /** Everything PKH and BPNT ask for except the DTKS listing and desil; too well off for partner lines. */
  private static Household householdWithPkhComponentsNeedingFoodAndCash() {
    return household().pkhComponents(2).needs("FOOD", "CASH").religion("ISLAM").income(NOT_POOR)
        .consentBaznas(true).consentSalman(true);
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

    Household consentBaznas(Boolean consent) {
      return with("consentBaznas", consent);
    }

    Household consentSalman(Boolean consent) {
      return with("consentSalman", consent);
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

  private static Line eligible(String programCode, String reason) {
    return new Line(programCode, "ELIGIBLE", reason);
  }

  private static Line noConsent(String programCode, String reason) {
    return new Line(programCode, "NO_CONSENT", reason);
  }

  private static RowCase row(String ruleId, String behaviour, Household household, Line line) {
    Map<String, Line> expected = new LinkedHashMap<>();
    expected.put(ruleId, line);
    return new RowCase(ruleId, behaviour, household, expected);
  }

  /** One output row of the table, as staff see it. */
  record Line(String programCode, String status, String reason) {
    static Line of(DmnDecisionRuleResult entries) {
      return new Line(entries.getEntry("programCode"), entries.getEntry("status"), entries.getEntry("reason"));
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
