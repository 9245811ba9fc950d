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
   * read from a result set, named by a validation message, or a key of a file written out as JSON (the escalation's
   * case file), it is not the table's column.
   */
  private static final Pattern ORDINARY_USE = Pattern.compile(
      "\\brs\\.get\\w*\\(\\s*\"%s\"|\\bchecks\\.\\w+\\(.*\"%s\"|InvalidInputException\\(\\s*\"%s\""
      + "|\\bfile\\.put\\(\\s*\"%s\"");

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
      for (JavaLiterals.Literal literal : JavaLiterals.of(String.join("\n", lines))) {
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
    assertThat(JavaLiterals.of("""
        // "task_inComment"
        /* "task_inBlock" */
        char quote = '"'; String a = "task_one", b = "esc\\"aped";
        String c = \"""
            task_block\""";
        """)).extracting(JavaLiterals.Literal::value).containsExactly("task_one", "esc\\\"aped", "task_block");
    assertThat(Pattern.compile(ORDINARY_USE.pattern().replace("%s", "need"))
        .matcher("Need.valueOf(rs.getString(\"need\"))").find()).isTrue();
    assertThat(Pattern.compile(ORDINARY_USE.pattern().replace("%s", "need"))
        .matcher("entries.get(\"need\")").find()).isFalse();
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
        JavaLiterals.of(Files.readString(file)).forEach(l -> names.add(l.value()));
      }
    }
    return names;
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
