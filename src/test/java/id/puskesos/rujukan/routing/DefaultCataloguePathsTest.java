package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

import id.puskesos.rujukan.assessment.Assessment.Religion;
import id.puskesos.rujukan.catalogue.CatalogueSettings;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.referral.Need;

/**
 * The default catalogue (application.yaml, as Spring binds it) with the real eligibility table: every need a resident
 * can ask for has a path for a plausible poor household of any religion, every program the table names exists and is
 * active, and the zakat lines record their asnaf by the configured had kifayah and poverty line.
 */
class DefaultCataloguePathsTest {

  private static final Path DMN = Path.of("processes/program-eligibility.dmn");
  private static Map<String, Program> programs;
  private static ZakatMeasures zakat;
  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void load() throws IOException {
    Binder binder = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
        .load("application", new FileSystemResource("src/main/resources/application.yaml"))));
    programs = binder.bind("rujukan.catalogue", CatalogueSettings.class).get().programs().stream()
        .collect(Collectors.toMap(Program::code, Function.identity()));
    zakat = binder.bind("rujukan.zakat", ZakatMeasures.class).get();
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(DMN)) {
      decision = dmnEngine.parseDecision("program-eligibility", in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Religion.class)
  void everyNeedHasAnActiveProgramForAPoorListedHouseholdOfEveryReligion(Religion religion) {
    for (Need need : Need.values()) {
      // given: desil 2, listed, income below the poverty line, a school child (a PKH component)
      VariableMap household = desilTwoHousehold(religion.name(), 500_000L, need);

      // when
      List<DmnDecisionRuleResult> rows = evaluate(household);

      // then: a row answers the need with a program the household can be sent to
      assertThat(rows).as("%s for a %s household", need, religion)
          .anySatisfy(row -> {
            assertThat(row.<String>getEntry(EligibilityTable.NEED)).isEqualTo(need.name());
            Program program = programs.get(row.<String>getEntry(EligibilityTable.PROGRAM_CODE));
            assertThat(program).isNotNull();
            assertThat(program.active()).isTrue();
          });
    }
  }

  @Test
  void everyProgramTheTableNamesIsInTheDefaultCatalogueAndActive() {
    List<String> named = new ArrayList<>();
    for (Rule rule : Dmn.readModelFromFile(DMN.toFile()).getModelElementsByType(Rule.class)) {
      OutputEntry programCode = rule.getOutputEntries().iterator().next();
      named.add(programCode.getText().getTextContent().replace("\"", "").trim());
    }

    assertThat(named).isNotEmpty().allSatisfy(code -> {
      assertThat(programs).as(code).containsKey(code);
      assertThat(programs.get(code).active()).as(code).isTrue();
    });
  }

  @Test
  void aFakirMuslimIsServedConsumptiveZakatAsFakirAndAMiskinOneAsMiskin() {
    // given: the configured measures: below the poverty line, and between it and the had kifayah
    long fakir = zakat.povertyLinePerCapita() - 1;
    long miskin = zakat.hadKifayahPerCapita() - 1;

    // then
    assertThat(line(evaluate(desilTwoHousehold("ISLAM", fakir, Need.CASH)), "BAZNAS_KONSUMTIF"))
        .containsEntry(EligibilityTable.FUND, "ZAKAT").containsEntry(EligibilityTable.ASNAF, "FAKIR");
    assertThat(line(evaluate(desilTwoHousehold("ISLAM", miskin, Need.CASH)), "BAZNAS_KONSUMTIF"))
        .containsEntry(EligibilityTable.FUND, "ZAKAT").containsEntry(EligibilityTable.ASNAF, "MISKIN");
  }

  @Test
  void aMuslimAtTheHadKifayahIsNoMustahik() {
    List<DmnDecisionRuleResult> rows = evaluate(desilTwoHousehold("ISLAM", zakat.hadKifayahPerCapita(), Need.CASH));

    assertThat(rows).noneMatch(row -> "ZAKAT".equals(row.getEntryMap().get(EligibilityTable.FUND)));
  }

  @Test
  void aDebtIsAnsweredByBandungPeduliAsGharimin() {
    assertThat(line(evaluate(desilTwoHousehold("ISLAM", 700_000L, Need.DEBT)), "BAZNAS_PEDULI"))
        .containsEntry(EligibilityTable.NEED, "DEBT").containsEntry(EligibilityTable.FUND, "ZAKAT")
        .containsEntry(EligibilityTable.ASNAF, "GHARIMIN");
  }

  @Test
  void aNonMuslimIsServedFromInfaqWithoutAnAsnafAndNeverFromZakat() {
    for (Need need : Need.values()) {
      List<DmnDecisionRuleResult> rows = evaluate(desilTwoHousehold("KRISTEN", 500_000L, need));

      assertThat(rows).as(need.name()).allSatisfy(row -> {
        assertThat(row.getEntryMap().get(EligibilityTable.FUND)).isNotEqualTo("ZAKAT");
        assertThat(row.getEntryMap().get(EligibilityTable.ASNAF)).isNull();
      });
    }
    assertThat(line(evaluate(desilTwoHousehold("KRISTEN", 500_000L, Need.HOUSING)), "BAZNAS_PEDULI"))
        .containsEntry(EligibilityTable.FUND, "INFAQ");
  }

  @Test
  void theIntakeAndAssessmentFormsOfferEveryNeed() throws IOException {
    for (String form : List.of("forms/intake.form", "forms/assess-needs.form")) {
      String text = Files.readString(Path.of(form));
      assertThat(Arrays.stream(Need.values()).map(n -> "\"value\": \"" + n.name() + "\""))
          .as(form).allMatch(text::contains);
    }
  }

  private static VariableMap desilTwoHousehold(String religion, long incomePerCapita, Need need) {
    return Variables.createVariables()
        .putValue(EligibilityTable.CONFIRMED_NEEDS, new ArrayList<>(List.of(need.name())))
        .putValue(EligibilityTable.DTKS_STATUS, "LISTED")
        .putValue(EligibilityTable.DESIL, 2)
        .putValue(EligibilityTable.PKH_COMPONENTS, 1)
        .putValue(EligibilityTable.RELIGION, religion)
        .putValue(EligibilityTable.POVERTY_CLASS, zakat.povertyClass(incomePerCapita))
        .putValue(EligibilityTable.SCHOOL_CHILDREN, 1)
        .putValue(EligibilityTable.CHILDREN, 2);
  }

  private static List<DmnDecisionRuleResult> evaluate(VariableMap household) {
    return dmnEngine.evaluateDecisionTable(decision, household).stream().toList();
  }

  private static Map<String, Object> line(List<DmnDecisionRuleResult> rows, String programCode) {
    return rows.stream().filter(r -> programCode.equals(r.getEntryMap().get(EligibilityTable.PROGRAM_CODE)))
        .findFirst().map(DmnDecisionRuleResult::getEntryMap).orElseThrow();
  }
}
