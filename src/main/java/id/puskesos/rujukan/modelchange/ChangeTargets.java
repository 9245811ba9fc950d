package id.puskesos.rujukan.modelchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.routing.EligibilityTable;

/**
 * What a change replaces in the live engine: the decision or process key its file defines, the version deployed now
 * (the change's base), that version's forms, and for a table the programs whose rows it changes.
 */
@Component
class ChangeTargets {

  private final RepositoryService repositoryService;

  ChangeTargets(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The key of the change's decision or process; null for a budget change or an unreadable file. */
  String key(ChangeKind kind, Map<String, byte[]> files) {
    try {
      if (kind == ChangeKind.TABLE) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(file(files, ".dmn")))
            .getModelElementsByType(Decision.class).stream().map(Decision::getId).findFirst().orElse(null);
      }
      if (kind == ChangeKind.MODEL) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(file(files, ".bpmn")))
            .getModelElementsByType(Process.class).stream().filter(Process::isExecutable).map(Process::getId)
            .findFirst().orElse(null);
      }
    } catch (RuntimeException unreadable) {
      return null; // the checks say what is wrong with it
    }
    return null;
  }

  /** The version deployed now, null when none is. */
  Integer latestVersion(ChangeKind kind, String key) {
    if (key == null) {
      return null;
    }
    if (kind == ChangeKind.TABLE) {
      DecisionDefinition table = latestTable(key);
      return table == null ? null : table.getVersion();
    }
    ProcessDefinition model = latestModel(key);
    return model == null ? null : model.getVersion();
  }

  ProcessDefinition latestModel(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
        .latestVersion().singleResult();
  }

  ProcessDefinition model(String key, int version) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
        .processDefinitionVersion(version).singleResult();
  }

  DecisionDefinition latestTable(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId()
        .latestVersion().singleResult();
  }

  /** The Camunda Forms deployed with the running version of the model (bound by deployment), by file name. */
  Map<String, byte[]> baseForms(ChangeKind kind, String key) {
    Map<String, byte[]> forms = new LinkedHashMap<>();
    ProcessDefinition base = kind == ChangeKind.MODEL && key != null ? latestModel(key) : null;
    if (base != null) {
      for (String name : repositoryService.getDeploymentResourceNames(base.getDeploymentId())) {
        if (name.endsWith(".form")) {
          try (var content = repositoryService.getResourceAsStream(base.getDeploymentId(), name)) {
            forms.put(name.substring(name.lastIndexOf('/') + 1), content.readAllBytes());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return forms;
  }

  /** The table deployed now, to compare the candidate with; null when none is. */
  byte[] latestTableXml(String key) {
    DecisionDefinition table = latestTable(key);
    if (table == null) {
      return null;
    }
    try (var content = repositoryService.getDecisionModel(table.getId())) {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The programs whose rows differ between the two tables (added, removed or changed rows, by the program they
   * name): their partners approve the change too.
   */
  static Set<String> touchedPrograms(byte[] before, byte[] after) {
    Map<String, List<String>> old = rowsByProgram(before);
    Map<String, List<String>> candidate = rowsByProgram(after);
    Set<String> programs = new TreeSet<>(old.keySet());
    programs.addAll(candidate.keySet());
    programs.removeIf(code -> Objects.equals(old.get(code), candidate.get(code)));
    return programs;
  }

  private static Map<String, List<String>> rowsByProgram(byte[] dmn) {
    Map<String, List<String>> rows = new HashMap<>();
    if (dmn == null) {
      return rows;
    }
    for (DecisionTable table : Dmn.readModelFromStream(new ByteArrayInputStream(dmn))
        .getModelElementsByType(DecisionTable.class)) {
      List<Output> outputs = List.copyOf(table.getOutputs());
      int program = outputs.stream().map(Output::getName).toList().indexOf(EligibilityTable.PROGRAM_CODE);
      for (Rule rule : table.getRules()) {
        List<String> outs = rule.getOutputEntries().stream().map(LiteralExpression::getTextContent).toList();
        String code = program < 0 || program >= outs.size() ? "" : outs.get(program).replace("\"", "").strip();
        String row = rule.getInputEntries().stream().map(UnaryTests::getTextContent).collect(Collectors.joining("|"))
            + "->" + String.join("|", outs);
        rows.computeIfAbsent(code, c -> new ArrayList<>()).add(row);
      }
    }
    rows.values().forEach(list -> list.sort(null));
    return rows;
  }

  private static byte[] file(Map<String, byte[]> files, String suffix) {
    return files.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue).findFirst()
        .orElseThrow();
  }
}
