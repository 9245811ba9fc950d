package id.puskesos.rujukan.registry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.FormType;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.type.StringFormType;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.ParseHooks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.DtksInclusionProcess;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.process.ReverificationProcesses;

/**
 * The full NIK, KK number and phone reach only the form of the task whose role needs them, and each read is logged.
 * They are never process or task variables (which every reader of the task, the instance or a variable query would
 * get): the task's form offers them as form fields, read from the registry when the form's values are asked for
 * ({@code GET /task/{id}/form-variables}, as Tasklist opens the form), and only to a member of the group named here
 * who may work the task (a candidate group of it, or its assignee). Each such read writes the access log: who, when,
 * which resident, which task and fields.
 * <p>
 * Which forms, in code rather than in the models, so that no model change hands identity numbers to another group:
 * the fasilitator's field verification (NIK and KK to check against the resident's papers at the door, the phone to
 * arrange the visit and correct it), Dinas Sosial's DTKS/DTSEN proposal and its result (NIK and KK are what the
 * proposal is filed and answered under), and the fasilitator's re-verification visit (the phone). Only the
 * fasilitator calls residents: it is the fasilitator who arranges the home visit, the follow-up and the
 * re-verification; the front office takes the number at intake and does not see it again, and partners reach the
 * resident through the Puskesos.
 */
@Component
public class IdentityForms extends AbstractProcessEnginePlugin {

  /** An identity value a form may show: the form field's key and the log's label. */
  enum Field {
    NIK(CaseVariables.NIK.name(), "NIK", Resident::nik),
    KK_NUMBER(CaseVariables.KK_NUMBER.name(), "No. KK", Resident::kkNumber),
    PHONE(CaseVariables.CORRECTED_PHONE.name(), "nomor HP", Resident::phone);

    final String key;
    final String label;
    final Function<Resident, String> value;

    Field(String key, String label, Function<Resident, String> value) {
      this.key = key;
      this.label = label;
      this.value = value;
    }
  }

  /** A form that shows identity values to one group. */
  record Form(String group, List<Field> fields) {
  }

  /** Process id, then task id: the forms that show identity values, and to whom. */
  static final Map<String, Map<String, Form>> FORMS = Map.of(
      ReferralProcess.PROCESS_ID, Map.of(ReferralProcess.TASK_HOME_VISIT,
          new Form(Groups.FASILITATOR, List.of(Field.NIK, Field.KK_NUMBER, Field.PHONE))),
      DtksInclusionProcess.PROCESS_ID, Map.of(
          DtksInclusionProcess.TASK_SUBMIT_DTKS_PROPOSAL, new Form(Groups.DINSOS, List.of(Field.NIK, Field.KK_NUMBER)),
          DtksInclusionProcess.TASK_RECORD_DTKS_RESULT, new Form(Groups.DINSOS, List.of(Field.NIK, Field.KK_NUMBER))),
      ReverificationProcesses.Resident.PROCESS_ID, Map.of(ReverificationProcesses.Resident.TASK_REVERIFY_RESIDENT,
          new Form(Groups.FASILITATOR, List.of(Field.PHONE))));

  private final ObjectProvider<Registry> registry;
  private final ObjectProvider<AccessLog> accessLog;

  public IdentityForms(ObjectProvider<Registry> registry, ObjectProvider<AccessLog> accessLog) {
    this.registry = registry;
    this.accessLog = accessLog;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseHooks.onUserTask(configuration, (activity, definition) -> {
      String process = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
      Form form = FORMS.getOrDefault(process, Map.of()).get(activity.getId());
      if (form != null) {
        definition.setTaskFormHandler(new Handler(definition.getTaskFormHandler(), form));
      }
    });
  }

  /** The model's form handler, with the identity fields added for those entitled to them. */
  private final class Handler implements TaskFormHandler {

    private final TaskFormHandler model;
    private final Form form;

    Handler(TaskFormHandler model, Form form) {
      this.model = model;
      this.form = form;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData data = model.createTaskForm(task);
      Long residentId = CaseVariables.RESIDENT_ID.get(task);
      if (residentId != null && entitled(task)) {
        Read read = new Read(task, residentId, form);
        form.fields().forEach(field -> data.getFormFields().add(new IdentityField(field, read)));
      }
      return data;
    }

    /** A member of the form's group who may work this task: one of its candidate groups, or its assignee. */
    private boolean entitled(TaskEntity task) {
      Authentication caller = Context.getCommandContext().getAuthentication();
      if (caller == null || caller.getUserId() == null || caller.getGroupIds() == null
          || !caller.getGroupIds().contains(form.group())) {
        return false;
      }
      return caller.getUserId().equals(task.getAssignee()) || task.getIdentityLinks().stream()
          .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && form.group().equals(
              ((IdentityLinkEntity) link).getGroupId()));
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      model.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      model.submitFormVariables(properties, variableScope);
    }
  }

  /** One read of the resident's identity for a form: from the registry when first asked for, logged once. */
  private final class Read {

    private final TaskEntity task;
    private final long residentId;
    private final Form form;
    private Resident resident;

    Read(TaskEntity task, long residentId, Form form) {
      this.task = task;
      this.residentId = residentId;
      this.form = form;
    }

    String value(Field field) {
      if (resident == null) {
        resident = registry.getObject().get(residentId);
        accessLog.getObject().record(residentId, AccessLog.Purpose.TASK_FORM, "%s (%s): %s".formatted(task.getName(),
            task.getTaskDefinitionKey(), form.fields().stream().map(f -> f.label).collect(Collectors.joining(", "))),
            Context.getCommandContext().getAuthenticatedUserId());
      }
      return field.value.apply(resident);
    }
  }

  /** A form field whose value is read only when a form's values are asked for. */
  private record IdentityField(Field field, Read read) implements FormField {

    private static final FormType TYPE = new StringFormType();

    @Override
    public String getId() {
      return field.key;
    }

    @Override
    public String getLabel() {
      return field.label;
    }

    @Override
    public FormType getType() {
      return TYPE;
    }

    @Override
    public String getTypeName() {
      return TYPE.getName();
    }

    @Override
    public Object getDefaultValue() {
      return null;
    }

    @Override
    public TypedValue getValue() {
      return Variables.stringValue(read.value(field));
    }

    @Override
    public List<FormFieldValidationConstraint> getValidationConstraints() {
      return List.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public boolean isBusinessKey() {
      return false;
    }
  }
}
