package id.puskesos.rujukan.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.migration.MigrationPlans.Move;
import id.puskesos.rujukan.migration.MigrationPlans.Preview;
import id.puskesos.rujukan.migration.MigrationPlans.Stay;

/**
 * The running instances of a process key, per activity, against a {@link Mapping}: an instance moves only when every
 * activity it waits in (the leaves of its activity instance tree: user tasks, receive tasks, timers, async
 * continuations) is mapped, since Camunda refuses an instance with an unmapped one as a whole; otherwise it stays, and
 * so do its other activities. Instances of versions older than the latest stay where they are.
 */
@Component
class RunningCases {

  /** The tally, and the instances of the source version that can move. */
  record Tally(Preview preview, List<String> movable) {
  }

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  RunningCases(RuntimeService runtimeService, RepositoryService repositoryService) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  Tally tally(ProcessDefinition source, Mapping mapping) {
    Names names = new Names(source.getId());
    Map<String, Long> moves = new LinkedHashMap<>();
    Map<List<String>, Long> stays = new LinkedHashMap<>();
    List<String> movable = new ArrayList<>();
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list()) {
      Set<String> waitingIn = waitingIn(instance.getId());
      if (waitingIn.isEmpty()) {
        continue; // ended meanwhile
      }
      List<String> unmapped = waitingIn.stream().filter(a -> !mapping.maps(a)).toList();
      if (unmapped.isEmpty()) {
        movable.add(instance.getId());
        waitingIn.forEach(a -> moves.merge(a, 1L, Long::sum));
        continue;
      }
      for (String activity : waitingIn) {
        String reason = unmapped.contains(activity) ? Reasons.cannotMove(activity, mapping)
            : Reasons.heldBy(names.of(unmapped.get(0)));
        stays.merge(List.of(activity, reason), 1L, Long::sum);
      }
    }
    List<Move> moveList = moves.entrySet().stream().map(e -> new Move(e.getKey(), names.of(e.getKey()),
        mapping.targets().get(e.getKey()), e.getValue())).toList();
    List<Stay> stayList = new ArrayList<>();
    stays.forEach((k, count) -> stayList.add(new Stay(k.get(0), names.of(k.get(0)), count, k.get(1))));
    stayList.addAll(olderVersions(source));
    return new Tally(new Preview(source.getKey(), source.getId(), source.getVersion(), moveList, stayList), movable);
  }

  /** Instances of the versions before the source: they finish where they are. */
  List<Stay> olderVersions(ProcessDefinition source) {
    List<Stay> stays = new ArrayList<>();
    for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(source.getKey()).orderByProcessDefinitionVersion().desc().list()) {
      if (older.getVersion() >= source.getVersion()) {
        continue;
      }
      Names names = new Names(older.getId());
      Map<String, Long> counts = new LinkedHashMap<>();
      runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).list()
          .forEach(i -> waitingIn(i.getId()).forEach(a -> counts.merge(a, 1L, Long::sum)));
      counts.forEach((activity, count) -> stays.add(new Stay(activity, names.of(activity), count,
          Reasons.olderVersion(older.getVersion()))));
    }
    return stays;
  }

  /** The activities an instance waits in: the leaves of its activity instance tree; empty when it has ended. */
  Set<String> waitingIn(String processInstanceId) {
    ActivityInstance root = runtimeService.getActivityInstance(processInstanceId);
    Set<String> leaves = new LinkedHashSet<>();
    if (root != null) {
      for (ActivityInstance child : root.getChildActivityInstances()) {
        collect(child, leaves);
      }
      for (TransitionInstance transition : root.getChildTransitionInstances()) {
        leaves.add(transition.getActivityId());
      }
    }
    return leaves;
  }

  private static void collect(ActivityInstance instance, Set<String> leaves) {
    if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
      leaves.add(instance.getActivityId());
      return;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, leaves);
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      leaves.add(transition.getActivityId());
    }
  }

  /** The names of a deployed version's activities, as its model gives them (the id where there is none). */
  private final class Names {

    private final String definitionId;
    private final Map<String, String> names = new HashMap<>();
    private BpmnModelInstance model;

    Names(String definitionId) {
      this.definitionId = definitionId;
    }

    String of(String activityId) {
      return names.computeIfAbsent(activityId, id -> {
        if (model == null) {
          model = repositoryService.getBpmnModelInstance(definitionId);
        }
        ModelElementInstance element = model.getModelElementById(id);
        String name = element instanceof FlowElement flow ? flow.getName() : null;
        return name == null || name.isBlank() ? id : name;
      });
    }
  }
}
