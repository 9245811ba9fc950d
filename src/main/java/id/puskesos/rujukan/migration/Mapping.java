package id.puskesos.rujukan.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Which activities of a source version map to which of a target version, as Camunda validates it: the activities
 * Camunda finds equal (same id, compatible type and place; a task whose name alone changed is one of them) plus the
 * analyst's renames (old id -> new id), which win over an equal mapping of the same old id. An instruction Camunda
 * refuses is left out of the plan and kept with Camunda's reason, so that the rest of the plan still holds.
 *
 * <p>Built the same way on the bare check engine (the preview, before deployment) and on the cases' engine (the
 * migration), so the approval shows the plan that runs.
 */
record Mapping(MigrationPlan plan, Map<String, String> targets, Map<String, Refused> refused) {

  /** A source activity whose instruction Camunda refused: the intended target and Camunda's failures. */
  record Refused(String targetActivityId, List<String> failures) {
  }

  /** At most this many rounds of leaving refused instructions out (each round leaves at least one out). */
  private static final int ROUNDS = 10;

  /**
   * The mapping from one deployed version to another of the same engine. An activity whose id is in both versions but
   * which Camunda did not find equal (its type changed, say) is mapped explicitly as well, so that the plan's
   * validation says why it cannot move.
   */
  static Mapping of(ProcessEngineServices engine, String sourceDefinitionId, String targetDefinitionId,
      Map<String, String> renames) {
    RuntimeService runtimeService = engine.getRuntimeService();
    Map<String, String> instructions = new LinkedHashMap<>();
    for (MigrationInstruction equal : equalActivities(runtimeService, sourceDefinitionId, targetDefinitionId)) {
      instructions.put(equal.getSourceActivityId(), equal.getTargetActivityId());
    }
    Set<String> targetIds = flowNodeIds(engine, targetDefinitionId);
    for (String sourceId : flowNodeIds(engine, sourceDefinitionId)) {
      if (targetIds.contains(sourceId) && !instructions.containsKey(sourceId)
          && !instructions.containsValue(sourceId) && !renames.containsValue(sourceId)) {
        instructions.put(sourceId, sourceId);
      }
    }
    instructions.putAll(renames);
    Map<String, Refused> refused = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      MigrationPlanBuilder builder = runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId);
      instructions.forEach(builder::mapActivities);
      try {
        return new Mapping(builder.build(), Map.copyOf(instructions), refused);
      } catch (MigrationPlanValidationException e) {
        List<MigrationInstructionValidationReport> reports = e.getValidationReport().getInstructionReports();
        if (reports.isEmpty()) {
          throw e;
        }
        for (MigrationInstructionValidationReport report : reports) {
          MigrationInstruction instruction = report.getMigrationInstruction();
          instructions.remove(instruction.getSourceActivityId());
          refused.put(instruction.getSourceActivityId(),
              new Refused(instruction.getTargetActivityId(), report.getFailures()));
        }
      }
    }
    throw new IllegalStateException("Migration plan " + sourceDefinitionId + " -> " + targetDefinitionId
        + " still refused after " + ROUNDS + " rounds: " + refused.keySet().stream().collect(Collectors.joining(", ")));
  }

  /**
   * Camunda's own equal mapping, read from a plan of that mapping alone. Event triggers are not updated: a timer keeps
   * the due date it had when the case reached it (an update would start a service-level clock again from the
   * migration), a message subscription its name.
   */
  private static List<MigrationInstruction> equalActivities(RuntimeService runtimeService, String sourceDefinitionId,
      String targetDefinitionId) {
    // Camunda generates only instructions its validators accept one by one; should the set of them still break a rule,
    // the build fails loudly here rather than the preview leaving out activities it could not name
    return runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId).mapEqualActivities().build()
        .getInstructions();
  }

  private static Set<String> flowNodeIds(ProcessEngineServices engine, String definitionId) {
    return engine.getRepositoryService().getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toSet());
  }

  boolean maps(String sourceActivityId) {
    return targets.containsKey(sourceActivityId);
  }
}
