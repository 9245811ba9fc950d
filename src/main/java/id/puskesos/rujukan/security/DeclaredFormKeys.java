package id.puskesos.rujukan.security;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.puskesos.rujukan.access.CaseAccess;

/**
 * The variables a task's or start event's form lets its user set: the {@code key}s of the deployed Camunda Form's
 * components (conditional ones included: a hidden field is still the form's), the {@code path} of groups and dynamic
 * lists (whose fields are submitted inside it), and the fields of a generated form. A key {@code a.b} is submitted as
 * the variable {@code a}. A form the application cannot read (an embedded HTML form, an external one) declares
 * nothing beyond its generated fields, so nothing else is taken from it. The keys of a deployed form never change:
 * they are kept per form definition (or deployment resource) once read.
 */
@Component
public class DeclaredFormKeys {

  private static final String CAMUNDA_FORMS = "camunda-forms:";
  private static final String DEPLOYMENT = "deployment:";
  /** Deployed forms are few; the bound only keeps a deployment loop from growing the cache without end. */
  private static final int CACHE_LIMIT = 2_000;

  private final FormService formService;
  private final RepositoryService repositoryService;
  private final ProcessEngineConfigurationImpl configuration;
  private final CaseAccess caseAccess;
  private final ObjectMapper mapper;
  private final Map<String, Set<String>> byForm = new ConcurrentHashMap<>();

  public DeclaredFormKeys(FormService formService, RepositoryService repositoryService,
      ProcessEngineConfigurationImpl configuration, CaseAccess caseAccess, ObjectMapper mapper) {
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.configuration = configuration;
    this.caseAccess = caseAccess;
    this.mapper = mapper;
  }

  /** The keys of the task's form; empty when there is no such task (the engine answers that request itself). */
  public Optional<Set<String>> ofTask(String taskId) {
    return read(() -> formService.getTaskFormData(taskId));
  }

  /** The keys of the process definition's start form; empty when there is no such definition. */
  public Optional<Set<String>> ofStart(String processDefinitionId) {
    return read(() -> formService.getStartFormData(processDefinitionId));
  }

  private Optional<Set<String>> read(java.util.function.Supplier<FormData> form) {
    // the caller's right to the task or definition is the engine's to judge; the form itself is no secret
    return caseAccess.withoutAuthorization(() -> {
      FormData data;
      try {
        data = form.get();
      } catch (ProcessEngineException e) {
        return Optional.<Set<String>>empty();
      }
      return Optional.of(declared(data));
    });
  }

  private Set<String> declared(FormData data) {
    Set<String> keys = new LinkedHashSet<>();
    if (data == null) {
      return keys;
    }
    if (data.getFormFields() != null) {
      data.getFormFields().stream().map(FormField::getId).forEach(keys::add);
    }
    CamundaFormRef ref = data.getCamundaFormRef();
    if (ref != null && ref.getKey() != null) {
      CamundaFormDefinition definition = configuration.getCommandExecutorTxRequired()
          .execute(new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()));
      if (definition != null) {
        keys.addAll(cached("form:" + definition.getId(), definition.getDeploymentId(), definition.getResourceName()));
      }
    } else if (data.getFormKey() != null && data.getFormKey().startsWith(CAMUNDA_FORMS + DEPLOYMENT)) {
      String resource = data.getFormKey().substring((CAMUNDA_FORMS + DEPLOYMENT).length());
      keys.addAll(cached("resource:" + data.getDeploymentId() + ":" + resource, data.getDeploymentId(), resource));
    }
    return keys;
  }

  private Set<String> cached(String id, String deploymentId, String resourceName) {
    Set<String> keys = byForm.get(id);
    if (keys == null) {
      keys = parse(deploymentId, resourceName);
      if (byForm.size() >= CACHE_LIMIT) {
        byForm.clear();
      }
      byForm.put(id, keys);
    }
    return keys;
  }

  private Set<String> parse(String deploymentId, String resourceName) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      Set<String> keys = new LinkedHashSet<>();
      collect(mapper.readTree(in), false, keys);
      return Collections.unmodifiableSet(keys);
    } catch (Exception e) {
      // an unreadable form declares nothing: its submissions are refused, not trusted
      return Set.of();
    }
  }

  /** The variables a component submits: its key, or its path, unless it sits inside a path (then it is inside). */
  static void collect(JsonNode component, boolean insidePath, Set<String> keys) {
    String path = text(component, "path");
    if (!insidePath) {
      String key = text(component, "key");
      if (key != null) {
        keys.add(firstSegment(key));
      }
      if (path != null) {
        keys.add(firstSegment(path));
      }
    }
    JsonNode children = component.get("components");
    if (children != null && children.isArray()) {
      for (JsonNode child : children) {
        collect(child, insidePath || path != null, keys);
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
  }

  private static String firstSegment(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
