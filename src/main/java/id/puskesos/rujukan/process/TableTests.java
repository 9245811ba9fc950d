package id.puskesos.rujukan.process;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The test cases of a decision table, kept next to it as {@code X.tests.json} for {@code X.dmn} and run by the engine
 * on every deployment of the table ({@link TableTestsAtDeployment}; docs/partners.md, "Mengubah tabel kelayakan").
 * A case gives the table's inputs ({@code defaults} overlaid by its {@code inputs}; arrays become lists, whole numbers
 * {@code Integer}) and expects the set of rules that match, exactly, with the outputs it names for each (outputs not
 * named are not compared, {@code null} is an empty output). Every rule of every decision table in the file is the
 * {@code rule} of at least one case. Problems are sentences in Bahasa Indonesia, for the analyst.
 *
 * <p>Thread-safe: the rules a case matched are collected per thread while it is evaluated.
 */
public final class TableTests {

  /** What follows a table's name, in place of {@code .dmn}, in the name of its tests. */
  public static final String SUFFIX = ".tests.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DMN_SUFFIXES = List.of(".dmn11.xml", ".dmn");

  private final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> evaluations = new ThreadLocal<>();
  private final DmnEngine dmnEngine;

  /**
   * Cases run in FEEL only: outside the process engine there is no expression manager that keeps JUEL from Java
   * (Camunda's standalone JUEL calls any method), so a JUEL expression or a script fails its case.
   */
  public TableTests() {
    DefaultDmnEngineConfiguration configuration = configuration();
    configuration.elProvider(expression -> {
      throw new ProcessEngineException("ekspresi JUEL dijalankan hanya di mesin proses; tulis tabel dalam FEEL");
    });
    configuration.scriptEngineResolver(language -> {
      throw new ProcessEngineException("skrip (" + language + ") tidak dijalankan");
    });
    dmnEngine = configuration.buildEngine();
  }

  /** Cases run as the given engine evaluates its tables: its expression manager for JUEL, its script engines, FEEL. */
  public TableTests(ProcessEngineConfigurationImpl engine) {
    DefaultDmnEngineConfiguration like = engine.getDmnEngineConfiguration();
    dmnEngine = evaluatingAs(like, configuration()).scriptEngineResolver(like.getScriptEngineResolver())
        .buildEngine();
  }

  /**
   * The configuration, made to evaluate expressions as the engine's decision engine {@code like} does: its JUEL
   * (the application's expression manager), its FEEL and its default languages. Scripts are the caller's choice.
   */
  public static DefaultDmnEngineConfiguration evaluatingAs(DefaultDmnEngineConfiguration like,
      DefaultDmnEngineConfiguration configuration) {
    return configuration
        .elProvider(like.getElProvider())
        .feelEngineFactory(like.getFeelEngineFactory())
        .feelCustomFunctionProviders(like.getFeelCustomFunctionProviders())
        .enableFeelLegacyBehavior(like.isEnableFeelLegacyBehavior())
        .defaultInputExpressionExpressionLanguage(like.getDefaultInputExpressionExpressionLanguage())
        .defaultInputEntryExpressionLanguage(like.getDefaultInputEntryExpressionLanguage())
        .defaultOutputEntryExpressionLanguage(like.getDefaultOutputEntryExpressionLanguage())
        .defaultLiteralExpressionLanguage(like.getDefaultLiteralExpressionLanguage());
  }

  private DefaultDmnEngineConfiguration configuration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(event -> {
      List<DmnDecisionTableEvaluationEvent> seen = evaluations.get();
      if (seen != null) {
        seen.add(event);
      }
    }));
    return configuration;
  }

  /** {@code processes/x.dmn} is tested by {@code processes/x.tests.json}; null for a name that is no table's. */
  public static String testsOf(String dmnResource) {
    for (String suffix : DMN_SUFFIXES) {
      if (dmnResource.toLowerCase(Locale.ROOT).endsWith(suffix)) {
        return dmnResource.substring(0, dmnResource.length() - suffix.length()) + SUFFIX;
      }
    }
    return null;
  }

  /** Every problem of the table's tests: unreadable files, rules without a case, cases that fail. Empty: all pass. */
  public List<String> check(String dmnName, byte[] dmn, String testsName, byte[] tests) {
    TableTestFile file = new TableTestFile(this, fileName(dmnName), fileName(testsName));
    List<String> problems = new ArrayList<>();
    if (file.read(dmn, tests, problems)) {
      file.coverage(problems);
      file.caseNames().forEach(name -> file.problemsOf(name, problems));
    }
    return problems;
  }

  /** The problems of one case, by its name, and those of the files that keep it from running; not the coverage. */
  public List<String> checkCase(String dmnName, byte[] dmn, String testsName, byte[] tests, String caseName) {
    TableTestFile file = new TableTestFile(this, fileName(dmnName), fileName(testsName));
    List<String> problems = new ArrayList<>();
    if (file.read(dmn, tests, problems)) {
      if (file.caseNames().contains(caseName)) {
        file.problemsOf(caseName, problems);
      } else {
        problems.add("Kasus '%s' tidak ada di %s".formatted(caseName, fileName(testsName)));
      }
    }
    return problems;
  }

  /** The file's own name: a resource deployed from a folder is named by its path. */
  private static String fileName(String resource) {
    return resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf('\\')) + 1);
  }

  /** Every decision of a DMN file, parsed (not evaluated). */
  List<DmnDecision> parse(byte[] dmn) {
    return dmnEngine.parseDecisions(new ByteArrayInputStream(dmn));
  }

  /** Evaluates the decision; answers the rules that matched (of its table, and of the tables it requires), in order. */
  Map<String, Map<String, DmnEvaluatedOutput>> matchedRules(DmnDecision decision, VariableMap inputs) {
    evaluations.set(new ArrayList<>());
    try {
      dmnEngine.evaluateDecision(decision, inputs);
      Map<String, Map<String, DmnEvaluatedOutput>> matched = new LinkedHashMap<>();
      for (DmnDecisionTableEvaluationEvent event : evaluations.get()) {
        for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
          matched.put(rule.getId(), rule.getOutputEntries());
        }
      }
      return matched;
    } finally {
      evaluations.remove();
    }
  }

  /** A JSON value as the application hands it to the engine: lists as {@code ArrayList}, whole numbers as Integer. */
  static Object java(JsonNode value) {
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(element -> list.add(java(element)));
      return list;
    }
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.properties().forEach(field -> map.put(field.getKey(), java(field.getValue())));
      return map;
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isNull() ? null : value.asText();
  }

  /** Whether an output is what the case expects: numbers by value, {@code null} for an empty output. */
  static boolean same(JsonNode expected, Object actual) {
    if (expected.isNull() || actual == null) {
      return expected.isNull() && actual == null;
    }
    if (expected.isNumber() && actual instanceof Number number) {
      try {
        return expected.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
      } catch (NumberFormatException notFinite) {
        return false;
      }
    }
    if (expected.isTextual()) {
      return expected.asText().equals(actual);
    }
    return Objects.equals(expected, JSON.valueToTree(actual));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException | IllegalArgumentException notJson) {
      return String.valueOf(value);
    }
  }
}
