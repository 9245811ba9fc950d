package id.puskesos.rujukan.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;

/**
 * Which stage a task belongs to, as the deployed model says: the extension property {@value Stage#PROPERTY} on the
 * user task, read per process definition, so a task keeps the stage of the version it runs in and a new version may
 * move it. The board, the reports and the case view all ask here; no code lists task ids by stage. A definition is
 * read once (definitions never change once deployed), so a look-up costs a map access.
 */
@Component
public class Stages {

  /**
   * One process definition's user tasks: their stage, and those that are side work (inside an event subprocess, such
   * as reviewing needs added to an open case) and so count in their stage without setting the case's.
   */
  record Model(Map<String, Stage> stageOfTask, Set<String> sideWork) {

    static final Model NONE = new Model(Map.of(), Set.of());
  }

  private final RepositoryService repositoryService;
  private final CaseAccess caseAccess;
  private final Map<String, Model> models = new ConcurrentHashMap<>();

  public Stages(RepositoryService repositoryService, CaseAccess caseAccess) {
    this.repositoryService = repositoryService;
    this.caseAccess = caseAccess;
  }

  /** The stage of a task of the given process definition; null for registry, evaluation and report work. */
  public Stage ofTask(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId == null || taskDefinitionKey == null) {
      return null;
    }
    return model(processDefinitionId).stageOfTask().get(taskDefinitionKey);
  }

  public Stage ofTask(Task task) {
    return ofTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  /**
   * The stage a case is in, from its open tasks: the earliest stage of the work it waits for on its main path, or,
   * while it waits for no such task (a timer, a message, a partner's budget), the stage it last entered.
   */
  public Stage ofCase(Stage entered, Collection<Task> openTasks) {
    return ofCaseWaitingFor(entered, openTasks.stream().filter(task -> !isSideWork(task)).map(this::ofTask)
        .filter(Objects::nonNull).toList());
  }

  static Stage ofCaseWaitingFor(Stage entered, Collection<Stage> mainPathWork) {
    if (entered == Stage.CLOSED || mainPathWork.isEmpty()) {
      return entered;
    }
    return mainPathWork.stream().min(Enum::compareTo).orElseThrow();
  }

  private boolean isSideWork(Task task) {
    return task.getProcessDefinitionId() != null
        && model(task.getProcessDefinitionId()).sideWork().contains(task.getTaskDefinitionKey());
  }

  private Model model(String processDefinitionId) {
    return models.computeIfAbsent(processDefinitionId, id -> {
      try {
        // the application's own reading of the model, whoever asks (a partner's user may not read definitions)
        return read(caseAccess.withoutAuthorization(() -> repositoryService.getBpmnModelInstance(id)));
      } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException e) {
        return Model.NONE; // a deleted deployment's task, still in history
      }
    });
  }

  /** The stage of every user task of a model, and which of them are side work. */
  static Model read(BpmnModelInstance model) {
    if (model == null) {
      return Model.NONE;
    }
    Map<String, Stage> stages = new HashMap<>();
    Set<String> sideWork = new HashSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String stage = property(task.getExtensionElements());
      if (stage != null) {
        stages.put(task.getId(), Stage.valueOf(stage));
      }
      for (ModelElementInstance parent = task.getParentElement(); parent instanceof SubProcess sub;
          parent = sub.getParentElement()) {
        if (sub.triggeredByEvent()) {
          sideWork.add(task.getId());
        }
      }
    }
    return new Model(Map.copyOf(stages), Set.copyOf(sideWork));
  }

  private static String property(ExtensionElements extensions) {
    if (extensions == null) {
      return null;
    }
    for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : properties.getCamundaProperties()) {
        if (Stage.PROPERTY.equals(property.getCamundaName())) {
          return property.getCamundaValue();
        }
      }
    }
    return null;
  }
}
