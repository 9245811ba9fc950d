package id.puskesos.rujukan.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@link TableTests} tells the analyst about the eligibility table's cases, on the committed files changed the
 * way an analyst would get them wrong. The committed files themselves: {@code ProgramEligibilityDmnTest}; the engine
 * refusing a deployment: {@code TableDeploymentCheckTest}.
 */
class TableTestsTest {

  private static final String DMN = "processes/program-eligibility.dmn";
  private static final String TESTS = "processes/program-eligibility.tests.json";
  private static final String PKH_CASH_CASE = "pkhFirstForAListedHouseholdInDesilOneToFourWithAComponentNeedingCash";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TableTests tableTests = new TableTests();
  private byte[] dmn;
  private ObjectNode tests;

  @BeforeEach
  void readTheCommittedFiles() throws IOException {
    dmn = Files.readAllBytes(Path.of(DMN));
    tests = (ObjectNode) JSON.readTree(Path.of(TESTS).toFile());
  }

  @Test
  void aRuleWithoutACaseIsNamedWithItsRow() {
    // given: the case written for rule_pip taken out
    ArrayNode cases = (ArrayNode) tests.get("cases");
    for (int i = 0; i < cases.size(); i++) {
      if ("rule_pip".equals(cases.get(i).get("rule").asText())) {
        cases.remove(i);
      }
    }

    // then
    assertThat(check()).containsExactly(
        "Aturan rule_pip (baris 17) belum punya kasus uji di program-eligibility.tests.json");
  }

  @Test
  void aCaseThatMatchesMoreRulesThanItExpectsSaysWhichMatched() {
    // given
    pkhCashCase(testCase -> ((ObjectNode) testCase.get("expect")).remove("rule_bpntCash"));

    // then
    assertThat(check()).containsExactly("Kasus '" + PKH_CASH_CASE + "' (aturan rule_pkhCash): diharapkan cocok dengan "
        + "rule_pkhCash; yang cocok rule_pkhCash, rule_bpntCash");
  }

  @Test
  void aCaseThatMatchesNothingSaysSo() {
    // given: the household is not listed, so neither PKH nor BPNT
    pkhCashCase(testCase -> ((ObjectNode) testCase.get("inputs")).put("dtksStatus", "NOT_LISTED"));

    // then
    assertThat(check()).containsExactly("Kasus '" + PKH_CASH_CASE + "' (aturan rule_pkhCash): diharapkan cocok dengan "
        + "rule_pkhCash, rule_bpntCash; yang cocok tidak ada aturan");
  }

  @Test
  void aWrongOutputSaysWhatWasExpectedAndWhatCameOut() {
    // given
    pkhCashCase(testCase -> {
      ObjectNode pkh = (ObjectNode) testCase.get("expect").get("rule_pkhCash");
      pkh.put("rank", 2);
      pkh.put("fund", "ZAKAT");
      pkh.put("programCode", "BPNT");
    });

    // then
    assertThat(check()).containsExactly(
        "Kasus '" + PKH_CASH_CASE + "': keluaran programCode aturan rule_pkhCash diharapkan \"BPNT\", ternyata \"PKH\"",
        "Kasus '" + PKH_CASH_CASE + "': keluaran rank aturan rule_pkhCash diharapkan 2, ternyata 1",
        "Kasus '" + PKH_CASH_CASE + "': keluaran fund aturan rule_pkhCash diharapkan \"ZAKAT\", ternyata null");
  }

  @Test
  void outputsACaseDoesNotNameAreNotCompared() {
    // given
    pkhCashCase(testCase -> ((ObjectNode) testCase.get("expect").get("rule_pkhCash")).remove(List.of("reason", "fund")));

    // then
    assertThat(check()).isEmpty();
  }

  @Test
  void unknownRulesOutputsAndKeysAreProblemsOfHowTheCaseIsWritten() {
    // given
    pkhCashCase(testCase -> {
      ObjectNode expect = (ObjectNode) testCase.get("expect");
      expect.putObject("rule_unknown");
      ((ObjectNode) expect.get("rule_pkhCash")).put("programme", "PKH");
      testCase.put("expected", "typo");
    });

    // then: the case is not run
    assertThat(check()).containsExactly(
        "Kasus '" + PKH_CASH_CASE + "': kunci 'expected' tidak dikenal (yang dikenal: rule, name, description, "
            + "decision, inputs, expect)",
        "Kasus '" + PKH_CASH_CASE + "': keluaran 'programme' tidak ada di tabel program-eligibility.dmn (ada: "
            + "programCode, need, rank, reason, fund, asnaf)",
        "Kasus '" + PKH_CASH_CASE + "': aturan rule_unknown tidak ada di tabel program-eligibility.dmn");
  }

  @Test
  void aCaseForAnUnknownRuleDoesNotCoverTheTable() {
    // given
    pkhCashCase(testCase -> testCase.put("rule", "rule_pkhCsh"));

    // then
    assertThat(check()).containsExactly(
        "Aturan rule_pkhCash (baris 1) belum punya kasus uji di program-eligibility.tests.json",
        "Kasus '" + PKH_CASH_CASE + "': aturan rule_pkhCsh tidak ada di tabel program-eligibility.dmn");
  }

  @Test
  void twoCasesOfOneNameAreAProblem() {
    // given
    ArrayNode cases = (ArrayNode) tests.get("cases");
    cases.add(cases.get(0).deepCopy());

    // then
    assertThat(check()).containsExactly(
        "Nama kasus '" + PKH_CASH_CASE + "' dipakai lebih dari sekali di program-eligibility.tests.json");
  }

  @Test
  void anUnreadableFileIsSaidSo() {
    // when
    List<String> problems = tableTests.check(DMN, dmn, TESTS, "{\"decision\": ".getBytes(UTF_8));

    // then
    assertThat(problems).singleElement().asString()
        .startsWith("Berkas uji program-eligibility.tests.json tidak dapat dibaca: ");
  }

  @Test
  void theFileNamesADecisionOfTheTable() {
    // given
    tests.put("decision", "eligibility");

    // then
    assertThat(check()).containsExactly("Berkas uji program-eligibility.tests.json: \"decision\" harus menyebut "
        + "keputusan di program-eligibility.dmn (ada: program-eligibility)");
  }

  @Test
  void oneCaseIsCheckedByItsName() {
    // given: another case is wrong
    pkhCashCase(testCase -> ((ObjectNode) testCase.get("expect").get("rule_pkhCash")).put("rank", 9));

    // then
    assertThat(tableTests.checkCase(DMN, dmn, TESTS, bytes(), "rutilahuForAHousingNeedOfAnyHousehold")).isEmpty();
    assertThat(tableTests.checkCase(DMN, dmn, TESTS, bytes(), PKH_CASH_CASE)).hasSize(1);
    assertThat(tableTests.checkCase(DMN, dmn, TESTS, bytes(), "noSuchCase"))
        .containsExactly("Kasus 'noSuchCase' tidak ada di program-eligibility.tests.json");
  }

  @Test
  void inputsReachTheTableAsTheApplicationPassesThem() {
    // when
    Object needs = TableTests.java(tests.get("cases").get(0).get("inputs").get("confirmedNeeds"));
    Object desil = TableTests.java(tests.get("cases").get(0).get("inputs").get("desil"));

    // then
    assertThat(needs).isInstanceOf(ArrayList.class).isEqualTo(List.of("CASH"));
    assertThat(desil).isInstanceOf(Integer.class).isEqualTo(1);
    assertThat(TableTests.java(tests.get("defaults").get("desil"))).isNull();
  }

  @Test
  void outsideTheEngineAJuelTableFailsItsCaseInsteadOfRunning() {
    // given: JUEL, which Camunda's standalone decision engine would let call any method
    String juel = new String(dmn, UTF_8).replace("<inputExpression id=\"inputExpression_dtksStatus\" typeRef=\"string\" "
        + "expressionLanguage=\"feel\">", "<inputExpression id=\"inputExpression_dtksStatus\" typeRef=\"string\" "
        + "expressionLanguage=\"juel\">").replace("<text>dtksStatus</text>", "<text>${dtksStatus}</text>");

    // when
    List<String> problems = tableTests.checkCase(DMN, juel.getBytes(UTF_8), TESTS, bytes(), PKH_CASH_CASE);

    // then
    assertThat(problems).singleElement().asString().startsWith("Kasus '" + PKH_CASH_CASE + "' (aturan rule_pkhCash): "
        + "tabel gagal dievaluasi: ").contains("ekspresi JUEL dijalankan hanya di mesin proses");
  }

  private void pkhCashCase(Consumer<ObjectNode> change) {
    tests.get("cases").forEach(testCase -> {
      if (PKH_CASH_CASE.equals(testCase.get("name").asText())) {
        change.accept((ObjectNode) testCase);
      }
    });
  }

  private List<String> check() {
    return tableTests.check(DMN, dmn, TESTS, bytes());
  }

  private byte[] bytes() {
    try {
      return JSON.writeValueAsBytes(tests);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
