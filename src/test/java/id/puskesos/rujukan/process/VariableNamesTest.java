package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.Variable;

/**
 * A process variable is named in one place: its declaration in {@link CaseVariables} or another constants class of
 * {@link ProcessVariables}. Main code names it through the
 * constant ({@code NEEDS.get(execution)}, {@code NEEDS.name()}), never by a string literal; forms and BPMN
 * expressions use the same names and are not Java. A literal that only happens to be spelt like a variable but names
 * another fact is listed below with that fact.
 */
class VariableNamesTest {

  private static final Path MAIN = Path.of("src/main/java");
  /** A JDBC column label: {@code rs.getString("channel")} names a table column, not a variable. */
  private static final Pattern COLUMN_LABEL = Pattern.compile(
      "\\.get(?:String|Long|Int|Boolean|Object|Timestamp|Date|BigDecimal)\\(\\s*$");

  /** Files whose literals name another fact spelt like a variable, with the fact. */
  private static final Map<String, String> OTHER_FACTS = Map.of(
      "routing/EligibilityTable.java", "the decision table's columns (its own constants class)",
      "registry/DtksExtract.java", "the columns of the DTKS/DTSEN extract file",
      "registry/DtksImporter.java", "the columns of the import's rejects report (baris, nik, alasan)",
      "registry/ResidentField.java", "the registry's field keys in the resident change log",
      "registry/RegistryController.java", "property names of the registry API's answer",
      "registry/ResidentData.java", "section names of the resident's data export",
      "escalation/Escalations.java", "the keys of the case file sent to the city SLRT (JSON)");
  /** The constants classes that declare the variables. */
  private static final Set<String> DECLARATIONS = Set.of("process/CaseVariables.java",
      "process/RegistryVariables.java", "process/EvaluationProcess.java", "process/MonthlyReportProcess.java",
      "process/GrievanceProcess.java", "process/ModelChangeProcess.java");
  /**
   * Literals that name something else with a variable's spelling: a saved filter's own property, the keys of a
   * decision table's cases file, a message template's forbidden placeholder.
   */
  private static final Map<String, Set<String>> OTHER_MEANING = Map.of(
      "security/TasklistFilters.java", Set.of("description"),
      "process/TableTestFile.java", Set.of("decision", "description"),
      // a placeholder refused in the resident's message templates, not the variable
      "residentmessage/ResidentTemplate.java", Set.of("nik"),
      // a field of the model change API (the evaluation's action item it carries out), not the variable
      "modelchange/ModelChanges.java", Set.of("actionItemId"));

  @Test
  void mainCodeNamesProcessVariablesOnlyThroughTheirConstants() throws IOException {
    Set<String> names = ProcessVariables.all().stream().map(Variable::name).collect(Collectors.toSet());
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(file -> found.addAll(literals(file, names)));
    }
    assertThat(found).as("string literals equal to a process variable's name outside its constants class").isEmpty();
  }

  @Test
  void theScanFindsALiteralVariableName() {
    assertThat(literalsIn("x/Delegate.java", "execution.getVariable(\"needs\"); // \"needs\"\n", Set.of("needs")))
        .containsExactly("x/Delegate.java:1 \"needs\"");
    assertThat(literalsIn("x/Dao.java", "rs.getString(\"needs\")", Set.of("needs"))).isEmpty();
  }

  @Test
  void everyCaseVariableIsDeclaredOnce() {
    List<String> names = CaseVariables.all().stream().map(Variable::name).toList();
    assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(100);
  }

  @Test
  void aNameDeclaredInTwoProcessesHasOneHistoryDecision() {
    // the history filter goes by name: the report's reviewNote and the case's must not disagree
    Map<String, Set<Variable.History>> decisions = ProcessVariables.all().stream().collect(Collectors.groupingBy(
        Variable::name, Collectors.mapping(Variable::history, Collectors.toSet())));
    assertThat(decisions).allSatisfy((name, history) -> assertThat(history).as(name).hasSize(1));
  }

  private static List<String> literals(Path file, Set<String> names) {
    String relative = MAIN.relativize(file).toString().replace('\\', '/').replaceFirst("^id/puskesos/rujukan/", "");
    if (DECLARATIONS.contains(relative) || OTHER_FACTS.containsKey(relative)) {
      return List.of();
    }
    try {
      return literalsIn(relative, Files.readString(file), names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> literalsIn(String relative, String source, Set<String> names) {
    List<String> found = new ArrayList<>();
    for (JavaLiterals.Literal literal : JavaLiterals.of(source)) {
      String text = literal.value();
      if (names.contains(text) && !COLUMN_LABEL.matcher(source.substring(0, literal.start())).find()
          && !OTHER_MEANING.getOrDefault(relative, Set.of()).contains(text)) {
        found.add(relative + ":" + literal.line() + " \"" + text + "\"");
      }
    }
    return found;
  }
}
