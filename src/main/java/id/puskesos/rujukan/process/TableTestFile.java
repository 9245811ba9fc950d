package id.puskesos.rujukan.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One decision table file and its tests file, read for {@link TableTests}: what is wrong with the files, with how each
 * case is written, which rules have no case, and what the table answers each case.
 */
final class TableTestFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FILE_KEYS = List.of("decision", "description", "defaults", "cases");
  private static final List<String> CASE_KEYS = List.of("rule", "name", "description", "decision", "inputs", "expect");

  private final TableTests runner;
  private final String dmnName;
  private final String testsName;
  private final Map<String, DmnDecision> decisions = new LinkedHashMap<>();
  /** Rule id: the decision whose table holds it. */
  private final Map<String, DmnDecision> ruleDecisions = new LinkedHashMap<>();
  /** Case name: the case. */
  private final Map<String, JsonNode> cases = new LinkedHashMap<>();
  /** Case name: what is wrong with how it is written (a case with such problems is not run). */
  private final Map<String, List<String>> written = new LinkedHashMap<>();
  private JsonNode file;

  TableTestFile(TableTests runner, String dmnName, String testsName) {
    this.runner = runner;
    this.dmnName = dmnName;
    this.testsName = testsName;
  }

  /** Adds the problems of the files as a whole; false when there is nothing to run. */
  boolean read(byte[] dmn, byte[] tests, List<String> problems) {
    try {
      runner.parse(dmn).forEach(d -> decisions.put(d.getKey(), d));
    } catch (RuntimeException unreadable) {
      problems.add("Tabel %s tidak dapat dibaca: %s".formatted(dmnName, unreadable.getMessage()));
    }
    try {
      file = JSON.readTree(tests);
    } catch (IOException unreadable) {
      problems.add("Berkas uji %s tidak dapat dibaca: %s".formatted(testsName, firstLine(unreadable.getMessage())));
      return false;
    }
    if (file == null || !file.isObject()) {
      problems.add("Berkas uji %s tidak dapat dibaca: isinya harus satu objek JSON".formatted(testsName));
      return false;
    }
    if (!problems.isEmpty()) {
      return false;
    }
    for (DmnDecision decision : decisions.values()) {
      for (DmnDecisionTableRuleImpl rule : rules(decision)) {
        ruleDecisions.put(rule.getId(), decision);
      }
    }
    String label = "Berkas uji " + testsName;
    unknownKeys(file, FILE_KEYS, label, problems);
    boolean runnable = decision(file.get("decision"), label, problems);
    if (file.has("defaults") && !file.get("defaults").isObject()) {
      problems.add(label + ": \"defaults\" harus berupa objek (nama masukan: nilai)");
      runnable = false;
    }
    JsonNode list = file.get("cases");
    if (list == null || !list.isArray()) {
      problems.add(label + ": \"cases\" harus berupa daftar kasus");
      return false;
    }
    int index = 0;
    for (JsonNode testCase : list) {
      index++;
      JsonNode name = testCase.get("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        problems.add("Kasus ke-%d di %s tidak punya nama (\"name\")".formatted(index, testsName));
      } else if (cases.containsKey(name.asText())) {
        problems.add("Nama kasus '%s' dipakai lebih dari sekali di %s".formatted(name.asText(), testsName));
      } else {
        cases.put(name.asText(), testCase);
        written.put(name.asText(), howItIsWritten(testCase, "Kasus '" + name.asText() + "'"));
      }
    }
    return runnable;
  }

  private List<String> howItIsWritten(JsonNode testCase, String label) {
    List<String> problems = new ArrayList<>();
    unknownKeys(testCase, CASE_KEYS, label, problems);
    JsonNode rule = testCase.get("rule");
    if (rule == null || !rule.isTextual()) {
      problems.add(label + " tidak menyebut aturan yang diujinya (\"rule\")");
    } else {
      knownRule(label, rule.asText(), problems);
    }
    if (testCase.has("decision")) {
      decision(testCase.get("decision"), label, problems);
    }
    if (testCase.has("inputs") && !testCase.get("inputs").isObject()) {
      problems.add(label + ": \"inputs\" harus berupa objek (nama masukan: nilai)");
    }
    JsonNode expect = testCase.get("expect");
    if (expect == null || !expect.isObject()) {
      problems.add(label + ": \"expect\" harus berupa objek: setiap aturan yang cocok, dengan keluarannya");
    } else {
      expect.properties().forEach(entry -> expectation(label, entry.getKey(), entry.getValue(), problems));
    }
    return problems;
  }

  private void expectation(String label, String ruleId, JsonNode outputs, List<String> problems) {
    if (!knownRule(label, ruleId, problems)) {
      return;
    }
    if (!outputs.isObject()) {
      problems.add("%s: harapan aturan %s harus berupa objek keluaran (nama keluaran: nilai)".formatted(label, ruleId));
      return;
    }
    List<String> names = table(ruleDecisions.get(ruleId)).getOutputs().stream()
        .map(DmnDecisionTableOutputImpl::getOutputName).toList();
    for (Map.Entry<String, JsonNode> output : outputs.properties()) {
      if (!names.contains(output.getKey())) {
        problems.add("%s: keluaran '%s' tidak ada di tabel %s (ada: %s)".formatted(label, output.getKey(), dmnName,
            String.join(", ", names)));
      }
    }
  }

  private boolean knownRule(String label, String ruleId, List<String> problems) {
    if (ruleDecisions.containsKey(ruleId)) {
      return true;
    }
    problems.add("%s: aturan %s tidak ada di tabel %s".formatted(label, ruleId, dmnName));
    return false;
  }

  private boolean decision(JsonNode key, String label, List<String> problems) {
    if (key != null && key.isTextual() && decisions.containsKey(key.asText())) {
      return true;
    }
    problems.add("%s: \"decision\" harus menyebut keputusan di %s (ada: %s)".formatted(label, dmnName,
        String.join(", ", decisions.keySet())));
    return false;
  }

  private static void unknownKeys(JsonNode node, List<String> known, String label, List<String> problems) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!known.contains(entry.getKey())) {
        problems.add("%s: kunci '%s' tidak dikenal (yang dikenal: %s)".formatted(label, entry.getKey(),
            String.join(", ", known)));
      }
    }
  }

  /** The names of the cases, in the file's order. */
  Set<String> caseNames() {
    return cases.keySet();
  }

  /** Every rule is the {@code rule} of a case (of a named case, run or not). */
  void coverage(List<String> problems) {
    Set<String> tested = new HashSet<>();
    cases.values().forEach(testCase -> tested.add(testCase.path("rule").asText()));
    for (DmnDecision decision : decisions.values()) {
      List<DmnDecisionTableRuleImpl> rules = rules(decision);
      for (int row = 1; row <= rules.size(); row++) {
        String id = rules.get(row - 1).getId();
        if (id == null) {
          problems.add("Aturan baris %d keputusan '%s' di %s tidak punya id".formatted(row, decision.getKey(), dmnName));
        } else if (!tested.contains(id)) {
          problems.add("Aturan %s (baris %d) belum punya kasus uji di %s".formatted(id, row, testsName));
        }
      }
    }
  }

  /** What is wrong with how the case is written, or else with what the table answers it. */
  void problemsOf(String name, List<String> problems) {
    if (!written.get(name).isEmpty()) {
      problems.addAll(written.get(name));
      return;
    }
    JsonNode testCase = cases.get(name);
    String label = "Kasus '" + name + "'";
    String ruleId = testCase.get("rule").asText();
    Map<String, Map<String, DmnEvaluatedOutput>> matched;
    try {
      JsonNode decision = testCase.has("decision") ? testCase.get("decision") : file.get("decision");
      matched = runner.matchedRules(decisions.get(decision.asText()), inputs(testCase));
    } catch (RuntimeException failed) {
      problems.add("%s (aturan %s): tabel gagal dievaluasi: %s".formatted(label, ruleId, reasons(failed)));
      return;
    }
    JsonNode expect = testCase.get("expect");
    Set<String> expected = new LinkedHashSet<>();
    expect.properties().forEach(entry -> expected.add(entry.getKey()));
    if (!expected.equals(matched.keySet())) {
      problems.add("%s (aturan %s): diharapkan cocok dengan %s; yang cocok %s".formatted(label, ruleId,
          listed(expected), listed(matched.keySet())));
    }
    for (String rule : expected) {
      Map<String, DmnEvaluatedOutput> outputs = matched.get(rule);
      if (outputs == null) {
        continue;
      }
      for (Map.Entry<String, JsonNode> output : expect.get(rule).properties()) {
        DmnEvaluatedOutput actual = outputs.get(output.getKey());
        Object value = actual == null || actual.getValue() == null ? null : actual.getValue().getValue();
        if (!TableTests.same(output.getValue(), value)) {
          problems.add("%s: keluaran %s aturan %s diharapkan %s, ternyata %s".formatted(label, output.getKey(), rule,
              output.getValue(), TableTests.json(value)));
        }
      }
    }
  }

  private VariableMap inputs(JsonNode testCase) {
    VariableMap variables = Variables.createVariables();
    for (JsonNode layer : List.of(file.path("defaults"), testCase.path("inputs"))) {
      layer.properties().forEach(input -> variables.putValue(input.getKey(), TableTests.java(input.getValue())));
    }
    return variables;
  }

  private static List<DmnDecisionTableRuleImpl> rules(DmnDecision decision) {
    return decision.isDecisionTable() ? table(decision).getRules() : List.of();
  }

  private static DmnDecisionTableImpl table(DmnDecision decision) {
    return (DmnDecisionTableImpl) decision.getDecisionLogic();
  }

  /** The messages along the causes: the decision engine wraps what went wrong in its own. */
  private static String reasons(Throwable failed) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = failed; cause != null && messages.size() < 5; cause = cause.getCause()) {
      if (cause.getMessage() != null && messages.stream().noneMatch(cause.getMessage()::contains)) {
        messages.add(cause.getMessage());
      }
    }
    return String.join(": ", messages);
  }

  private static String listed(Set<String> rules) {
    return rules.isEmpty() ? "tidak ada aturan" : String.join(", ", rules);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
