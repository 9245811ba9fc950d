package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.RujukanSpringTest;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.referral.Stage;

/**
 * The deployed models against the application: every delegate bean exists, every user task has a group and a
 * deployed form, every element that code names exists, ids are meaningful, every model has its time-to-live.
 */
@RujukanSpringTest
class ModelTest {

  private static final List<String> PROCESSES = List.of(ReferralProcess.PROCESS_ID, PartnerReferralProcess.PROCESS_ID,
      WithdrawalProcess.PROCESS_ID, DtksInclusionProcess.PROCESS_ID, DuplicateReviewProcess.PROCESS_ID,
      ReverificationProcesses.Round.PROCESS_ID, ReverificationProcesses.Resident.PROCESS_ID,
      EvaluationProcess.PROCESS_ID, MonthlyReportProcess.PROCESS_ID, ScheduleProcesses.Evaluation.PROCESS_ID,
      ScheduleProcesses.Report.PROCESS_ID, ProfessionalOpinionProcess.PROCESS_ID, GrievanceProcess.PROCESS_ID,
      ModelChangeProcess.PROCESS_ID);
  /** The processes whose tasks are a case's work, shown by stage on the board and in the reports. */
  private static final List<String> CASE_PROCESSES = List.of(ReferralProcess.PROCESS_ID,
      PartnerReferralProcess.PROCESS_ID, ProfessionalOpinionProcess.PROCESS_ID);
  private static final Pattern MEANINGFUL_ID = Pattern.compile(
      "(start|end|task|receive|gateway|flow|timer|event|call|subprocess|definition|message)_[a-z][A-Za-z]+");
  private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern ROOT_IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ApplicationContext context;

  @Test
  void everyServiceTaskCallsAnExistingDelegateBean() {
    for (BpmnModelInstance model : models()) {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        var bean = BEAN.matcher(String.valueOf(task.getCamundaDelegateExpression()));
        assertThat(bean.matches()).as("%s uses a delegate expression", task.getId()).isTrue();
        assertThat(context.getBean(bean.group(1))).as(task.getId()).isInstanceOf(JavaDelegate.class);
      }
    }
  }

  @Test
  void everyUserTaskHasAGroupAndADeployedForm() throws Exception {
    for (String key : PROCESSES) {
      ProcessDefinition definition = definition(key);
      Set<String> forms = deployedFormIds(definition.getDeploymentId());
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String groups = task.getCamundaCandidateGroups();
        assertThat(groups).as("%s has a candidate group", task.getId()).isNotBlank();
        if (!groups.startsWith("${")) {
          assertThat(Set.of(groups.split(","))).as(task.getId()).isSubsetOf(new HashSet<>(Groups.CASEWORK));
        }
        assertThat(task.getCamundaFormRef()).as("%s has a form", task.getId()).isIn(forms);
        assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(start.getCamundaFormRef()).as(start.getId()).isIn(forms);
        }
      }
    }
  }

  @Test
  void everySavePointRetriesOnACycleBeforeItBecomesAnIncident() {
    for (BpmnModelInstance model : models()) {
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (node.isCamundaAsyncBefore() || !(node instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway)
            && node.isCamundaAsyncAfter()) {
          var cycle = node.getExtensionElements() == null ? null : node.getExtensionElements()
              .getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream().findFirst()
              .orElse(null);
          assertThat(cycle).as("%s has a retry cycle", node.getId()).isNotNull();
          assertThat(cycle.getTextContent()).as(node.getId()).matches("R\\d+/PT\\d+[MH]");
        }
      }
    }
  }

  @Test
  void everyProcessHasAHistoryTimeToLive() {
    PROCESSES.forEach(key -> assertThat(definition(key).getHistoryTimeToLive()).as(key).isNotNull().isPositive());
  }

  @Test
  void aNodesJobLocksCarryItsNameAndNoNodeIsDeploymentAware() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) context
        .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(configuration.getJobExecutor().getLockOwner()).startsWith(configuration.getHostname() + ":");
    assertThat(configuration.isJobExecutorDeploymentAware()).isFalse();
  }

  @Test
  void historyCleanupRunsInANightlyWindow() {
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) context
        .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0700");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0700");
  }

  @Test
  void theEligibilityTableIsDeployedWithTheReferralAndHasATimeToLive() {
    var decision = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ReferralProcess.DECISION_PROGRAM_ELIGIBILITY).latestVersion().singleResult();
    assertThat(decision.getHistoryTimeToLive()).isPositive();
    assertThat(decision.getDeploymentId()).isEqualTo(definition(ReferralProcess.PROCESS_ID).getDeploymentId());
  }

  @Test
  void everyIdIsMeaningful() {
    for (BpmnModelInstance model : models()) {
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        if (element instanceof FlowElement || element instanceof Message) {
          assertThat(element.getId()).matches(MEANINGFUL_ID);
        }
      }
    }
  }

  @Test
  void everyElementThatCodeNamesExists() throws Exception {
    assertNamesExist(ReferralProcess.class, ReferralProcess.PROCESS_ID);
    assertNamesExist(PartnerReferralProcess.class, PartnerReferralProcess.PROCESS_ID);
    assertNamesExist(WithdrawalProcess.class, WithdrawalProcess.PROCESS_ID);
    assertNamesExist(DtksInclusionProcess.class, DtksInclusionProcess.PROCESS_ID);
    assertNamesExist(DuplicateReviewProcess.class, DuplicateReviewProcess.PROCESS_ID);
    assertNamesExist(ReverificationProcesses.Round.class, ReverificationProcesses.Round.PROCESS_ID);
    assertNamesExist(ReverificationProcesses.Resident.class, ReverificationProcesses.Resident.PROCESS_ID);
    assertNamesExist(EvaluationProcess.class, EvaluationProcess.PROCESS_ID);
    assertNamesExist(MonthlyReportProcess.class, MonthlyReportProcess.PROCESS_ID);
    assertNamesExist(ScheduleProcesses.Evaluation.class, ScheduleProcesses.Evaluation.PROCESS_ID);
    assertNamesExist(ScheduleProcesses.Report.class, ScheduleProcesses.Report.PROCESS_ID);
    assertNamesExist(ProfessionalOpinionProcess.class, ProfessionalOpinionProcess.PROCESS_ID);
    assertNamesExist(GrievanceProcess.class, GrievanceProcess.PROCESS_ID);
    assertNamesExist(ModelChangeProcess.class, ModelChangeProcess.PROCESS_ID);
  }

  @Test
  void theFrontAndBackOfficeAreTheCandidateStartersOfACaseAndAWithdrawal() {
    // read by Camunda from the process element only (on a start event it was ignored): identity links of the
    // definition, which startableByUser queries use; who may start rests on the authorizations as well
    for (String key : List.of(ReferralProcess.PROCESS_ID, WithdrawalProcess.PROCESS_ID)) {
      assertThat(repositoryService.getIdentityLinksForProcessDefinition(definition(key).getId()))
          .extracting(IdentityLink::getGroupId).as(key)
          .containsExactlyInAnyOrder(Groups.FRONT_OFFICE, Groups.BACK_OFFICE);
      assertThat(repositoryService.createProcessDefinitionQuery().startableByUser("fo").processDefinitionKey(key)
          .latestVersion().count()).as(key).isOne();
    }
  }

  @Test
  void everyBeanTheModelsNameIsOneAModelMayUse() throws Exception {
    Set<String> named = new HashSet<>();
    for (String model : modelTexts()) {
      var expression = EXPRESSION.matcher(model);
      while (expression.find()) {
        // identifiers at the root of a path (not after a dot), outside string literals
        var root = ROOT_IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", "''"));
        while (root.find()) {
          if (context.containsBean(root.group(1))) {
            named.add(root.group(1));
          }
        }
      }
    }
    for (String bean : named) {
      boolean delegate = ModelExpressions.DELEGATE_TYPES.stream().anyMatch(type -> context.isTypeMatch(bean, type));
      assertThat(delegate || ModelExpressions.MODEL_BEANS.contains(bean)).as(bean).isTrue();
    }
    // the list names what the models use, nothing more
    assertThat(named).containsAll(ModelExpressions.MODEL_BEANS);
  }

  @Test
  void everyStagePropertyNamesAStage() {
    Set<String> stages = new HashSet<>();
    for (BpmnModelInstance model : models()) {
      for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
        if (Stage.PROPERTY.equals(property.getCamundaName())) {
          stages.add(Stage.valueOf(property.getCamundaValue()).name());
        }
      }
    }
    assertThat(stages).containsExactlyInAnyOrder("VERIFICATION", "ASSESSMENT", "ROUTING", "PARTNER_DECISION",
        "DISTRIBUTION", "FOLLOW_UP");
  }

  /** The board and the reports count a case's tasks by their model's stage, the rest as registry or other work. */
  @Test
  void everyUserTaskOfACaseHasItsStageAndNoOtherTaskHasOne() {
    Set<String> known = new HashSet<>();
    for (Stage stage : Stage.values()) {
      if (stage != Stage.INTAKE && stage != Stage.CLOSED) {
        known.add(stage.name());
      }
    }
    for (String key : PROCESSES) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition(key).getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        List<String> stages = task.getExtensionElements() == null ? List.of()
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> Stage.PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).toList();
        if (CASE_PROCESSES.contains(key)) {
          assertThat(stages).as(key + ": " + task.getId()).singleElement().isIn(known);
        } else {
          assertThat(stages).as(key + ": " + task.getId()).isEmpty();
        }
      }
    }
  }

  private void assertNamesExist(Class<?> constants, String processKey) throws IllegalAccessException {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition(processKey).getId());
    Set<String> messages = new HashSet<>();
    model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
    for (Field field : constants.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      String value = (String) field.get(null);
      if (field.getName().startsWith("MSG_")) {
        assertThat(messages).as(field.getName()).contains(value);
      } else if (field.getName().startsWith("DECISION_")) {
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(value).count())
            .as(field.getName()).isPositive();
      } else if (!field.getName().equals("PROCESS_ID") && !field.getName().endsWith("_PROPERTY")) {
        assertThat((Object) model.getModelElementById(value)).as("%s.%s", constants.getSimpleName(), field.getName())
            .isNotNull();
      }
    }
  }

  /**
   * The health worker's or Babinsa's opinion runs in an instance of its own that holds copies of exactly what its
   * form shows: the call passes {@link ProfessionalOpinionProcess#CASE_DATA} and nothing else, and every value the
   * form shows is among them.
   */
  @Test
  void theOpinionCallPassesOnlyWhatTheOpinionFormShows() throws Exception {
    BpmnModelInstance referral = repositoryService.getBpmnModelInstance(definition(ReferralProcess.PROCESS_ID).getId());
    CallActivity call = referral.getModelElementById(ReferralProcess.CALL_PROFESSIONAL_OPINION);
    assertThat(call.getCalledElement()).isEqualTo(ProfessionalOpinionProcess.PROCESS_ID);
    List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
    assertThat(ins).allMatch(in -> in.getCamundaVariables() == null && in.getCamundaSourceExpression() == null);
    assertThat(ins.stream().map(CamundaIn::getCamundaTarget).filter(java.util.Objects::nonNull))
        .containsExactlyInAnyOrderElementsOf(ProfessionalOpinionProcess.CASE_DATA);

    String deployment = definition(ProfessionalOpinionProcess.PROCESS_ID).getDeploymentId();
    String form = null;
    for (String resource : repositoryService.getDeploymentResourceNames(deployment)) {
      if (resource.endsWith("professional-opinion.form")) {
        form = new String(repositoryService.getResourceAsStream(deployment, resource).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    var shown = Pattern.compile("\\{\\{(\\w+)}}").matcher(String.valueOf(form));
    Set<String> placeholders = new HashSet<>();
    while (shown.find()) {
      placeholders.add(shown.group(1));
    }
    assertThat(placeholders).isNotEmpty().isSubsetOf(ProfessionalOpinionProcess.CASE_DATA);
  }

  private Set<String> deployedFormIds(String deploymentId) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    for (String resource : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        ids.add(json.readTree(repositoryService.getResourceAsStream(deploymentId, resource)).get("id").asText());
      }
    }
    return ids;
  }

  /** The text of every deployed model (BPMN and DMN). */
  private List<String> modelTexts() throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    var resources = context.getResources("classpath*:processes/*.*");
    assertThat(resources).hasSizeGreaterThan(10);
    for (var resource : resources) {
      texts.add(new String(resource.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return texts;
  }

  private ProcessDefinition definition(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private Collection<BpmnModelInstance> models() {
    return PROCESSES.stream().map(key -> repositoryService.getBpmnModelInstance(definition(key).getId())).toList();
  }
}
