package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.routing.EligibilityTable;

/**
 * Java names a model's elements only through the constants classes (one per process or decision, docs/architecture.md):
 * no string literal in {@code src/main/java} equals an element id, a message name, an error code or a DMN input or
 * output column of the models in {@code processes/}, except in those classes. Process variable names are the variable
 * accessors' ({@code CaseVariables}), so a name declared there is left out here.
 */
class ModelNamesInCodeTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path MODELS = Path.of("processes");
  /** The constants classes, by file name (wherever a package move puts them). */
  private static final Pattern CONSTANTS = Pattern.compile("\\w+Process(es)?\\.java|EligibilityTable\\.java");
  private static final Pattern VARIABLES = Pattern.compile("CaseVariables\\.java|RegistryVariables\\.java");
  /**
   * A DMN column is named after an ordinary word ("need", "reason"), which is also a database column or an API field:
   * read from a result set, or named by a validation message, it is not the table's column.
   */
  private static final Pattern ORDINARY_USE = Pattern.compile(
      "\\brs\\.get\\w*\\(\\s*\"%s\"|\\bchecks\\.\\w+\\(.*\"%s\"|InvalidInputException\\(\\s*\"%s\"");

  @Test
  void noModelNameIsWrittenOutsideTheConstantsClasses() throws IOException {
    Map<String, String> names = modelNames();
    names.keySet().removeAll(variableNames());
    List<String> found = new ArrayList<>();
    for (Path file : javaFiles()) {
      if (CONSTANTS.matcher(file.getFileName().toString()).matches()) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (Literal literal : literals(String.join("\n", lines))) {
        String kind = names.get(literal.value());
        if (kind == null) {
          continue;
        }
        String line = lines.get(literal.line() - 1);
        String quoted = Pattern.quote(literal.value());
        if (kind.startsWith("DMN") && Pattern.compile(ORDINARY_USE.pattern().replace("%s", quoted)).matcher(line)
            .find()) {
          continue;
        }
        found.add("%s:%d \"%s\" (%s)".formatted(SOURCES.relativize(file), literal.line(), literal.value(), kind));
      }
    }
    assertThat(found).as("model names written out of the constants classes").isEmpty();
  }

  @Test
  void theScanSeesTheModelsAndTheLiterals() throws IOException {
    Map<String, String> names = modelNames();
    assertThat(names).containsKeys(ReferralProcess.PROCESS_ID, ReferralProcess.TASK_HOME_VISIT,
        ReferralProcess.MSG_NEEDS_ADDED, ReferralProcess.DECISION_PROGRAM_ELIGIBILITY, EligibilityTable.REASON,
        EligibilityTable.SCHOOL_CHILDREN);
    assertThat(literals("""
        // "task_inComment"
        /* "task_inBlock" */
        char quote = '"'; String a = "task_one", b = "esc\\"aped";
        String c = \"""
            task_block\""";
        """)).extracting(Literal::value).containsExactly("task_one", "esc\\\"aped", "task_block");
    assertThat(Pattern.compile(ORDINARY_USE.pattern().replace("%s", "need"))
        .matcher("Need.valueOf(rs.getString(\"need\"))").find()).isTrue();
    assertThat(Pattern.compile(ORDINARY_USE.pattern().replace("%s", "need"))
        .matcher("entries.get(\"need\")").find()).isFalse();
  }

  record Literal(String value, int line) {
  }

  /** Every id, message name and error code of the BPMN models; every decision id and column of the DMN tables. */
  private static Map<String, String> modelNames() throws IOException {
    Map<String, String> names = new HashMap<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.sorted().toList()) {
        String model = file.getFileName().toString();
        if (model.endsWith(".bpmn")) {
          BpmnModelInstance bpmn = Bpmn.readModelFromFile(file.toFile());
          bpmn.getModelElementsByType(BaseElement.class).stream().filter(e -> e.getId() != null)
              .forEach(e -> names.put(e.getId(), "id in " + model));
          bpmn.getModelElementsByType(Message.class).stream().filter(m -> m.getName() != null)
              .forEach(m -> names.put(m.getName(), "message in " + model));
          bpmn.getModelElementsByType(Error.class).stream().filter(e -> e.getErrorCode() != null)
              .forEach(e -> names.put(e.getErrorCode(), "error code in " + model));
        } else if (model.endsWith(".dmn")) {
          DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
          dmn.getModelElementsByType(Decision.class).forEach(d -> names.put(d.getId(), "decision in " + model));
          dmn.getModelElementsByType(Output.class).stream().filter(o -> o.getName() != null)
              .forEach(o -> names.put(o.getName(), "DMN output in " + model));
          dmn.getModelElementsByType(InputExpression.class).stream().filter(i -> i.getText() != null)
              .forEach(i -> names.put(i.getText().getTextContent().trim(), "DMN input in " + model));
        }
      }
    }
    return names;
  }

  /** The names the variable accessors declare (their string literals). */
  private static Set<String> variableNames() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path file : javaFiles()) {
      if (VARIABLES.matcher(file.getFileName().toString()).matches()) {
        literals(Files.readString(file)).forEach(l -> names.add(l.value()));
      }
    }
    return names;
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The string literals of Java source (text blocks stripped of their margin), outside comments. */
  static List<Literal> literals(String source) {
    List<Literal> literals = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != '\'') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = end + 1;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? source.length() : end;
        literals.add(new Literal(source.substring(i + 3, end).stripIndent().strip(), line));
        line += count(source, i, end);
        i = end + 3;
      } else if (c == '"') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        literals.add(new Literal(source.substring(i + 1, Math.min(end, source.length())), line));
        i = end + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int i = from; i < to && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
