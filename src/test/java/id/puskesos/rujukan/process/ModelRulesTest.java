package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules a deployed BPMN model must keep, on documents read by Camunda's own parser. The refusals over the REST
 * API, as the analyst deploys, are in {@code AnalystModelsScenarioTest}.
 */
class ModelRulesTest {

  @Test
  void theApplicationsOwnModelsKeepEveryRule() throws Exception {
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      List<Path> bpmn = models.filter(p -> p.toString().endsWith(".bpmn")).toList();
      assertThat(bpmn).hasSizeGreaterThan(10);
      for (Path model : bpmn) {
        assertThat(ModelRules.check(root(Files.readString(model)))).as(model.toString()).isEmpty();
      }
    }
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("<bpmn:scriptTask id=\"task_x\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script>"
            + "</bpmn:scriptTask>", "tugas skrip (scriptTask) di elemen 'task_x'"),
        Arguments.of("<bpmn:serviceTask id=\"task_x\" camunda:class=\"a.B\" />", "kelas Java (class=\"a.B\")"),
        Arguments.of("<bpmn:serviceTask id=\"task_x\" activiti:class=\"a.B\" />", "kelas Java (class=\"a.B\")"),
        Arguments.of("<bpmn:serviceTask id=\"task_x\" camunda:type=\"shell\" />", "camunda:type=\"shell\""),
        Arguments.of("<bpmn:serviceTask id=\"task_x\" camunda:type=\"mail\" />", "camunda:type=\"mail\""),
        Arguments.of("<bpmn:serviceTask id=\"task_x\" camunda:expression=\"${true}\"><bpmn:extensionElements>"
            + "<camunda:executionListener event=\"start\" class=\"a.B\" /></bpmn:extensionElements></bpmn:serviceTask>",
            "kelas Java (class=\"a.B\") di elemen 'task_x'"),
        Arguments.of("<bpmn:userTask id=\"task_x\"><bpmn:extensionElements><camunda:taskListener event=\"create\">"
            + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:taskListener>"
            + "</bpmn:extensionElements></bpmn:userTask>", "skrip (camunda:script) di elemen 'task_x'"),
        Arguments.of("<bpmn:userTask id=\"task_x\" camunda:formHandlerClass=\"a.B\" />", "formHandlerClass"),
        Arguments.of("<bpmn:callActivity id=\"task_x\" calledElement=\"y\" camunda:variableMappingClass=\"a.B\" />",
            "variableMappingClass"),
        Arguments.of("<bpmn:userTask id=\"task_x\" camunda:formKey=\"embedded:deployment:x.html\" />",
            "formulir camunda:formKey=\"embedded:deployment:x.html\""),
        Arguments.of("<bpmn:userTask id=\"task_x\" camunda:formKey=\"app:forms/x.html\" />", "camunda:formKey"),
        Arguments.of("<bpmn:userTask id=\"task_x\"><bpmn:extensionElements><camunda:formData>"
            + "<camunda:formField id=\"f\" type=\"string\"><camunda:validation>"
            + "<camunda:constraint name=\"validator\" config=\"a.B\" /></camunda:validation></camunda:formField>"
            + "</camunda:formData></bpmn:extensionElements></bpmn:userTask>", "validator kelas Java (config=\"a.B\")"),
        Arguments.of("<bpmn:userTask id=\"task_x\" camunda:assignee=\"analis\" />", "camunda:assignee=\"analis\""),
        Arguments.of("<bpmn:userTask id=\"task_x\" camunda:candidateUsers=\"${initiator}\" />",
            "camunda:candidateUsers"),
        Arguments.of("<bpmn:userTask id=\"task_x\" camunda:candidateGroups=\"bo, manajer\" />",
            "tugas untuk kelompok 'manajer' di elemen 'task_x'"),
        Arguments.of("<bpmn:userTask id=\"task_x\"><bpmn:humanPerformer><bpmn:resourceAssignmentExpression>"
            + "<bpmn:formalExpression>analis</bpmn:formalExpression></bpmn:resourceAssignmentExpression>"
            + "</bpmn:humanPerformer></bpmn:userTask>", "penugasan BPMN (humanPerformer)"),
        Arguments.of("<bpmn:serviceTask id=\"task_x\"><bpmn:extensionElements><camunda:connector>"
            + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
            + "</bpmn:serviceTask>", "konektor (camunda:connector)"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void whatRunsCodeIsRefusedNamingTheElement(String element, String message) {
    List<ModelRules.Problem> problems = ModelRules.check(root(process(element)));

    assertThat(problems).extracting(ModelRules.Problem::message).singleElement().asString()
        .startsWith("Model ditolak: ").contains(message);
  }

  @Test
  void aScriptConditionIsRefused() {
    List<ModelRules.Problem> problems = ModelRules.check(root(process("<bpmn:startEvent id=\"start_x\" />"
        + "<bpmn:sequenceFlow id=\"flow_x\" sourceRef=\"start_x\" targetRef=\"end_x\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true"
        + "</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:endEvent id=\"end_x\" />")));

    assertThat(problems).extracting(ModelRules.Problem::message).singleElement().asString()
        .contains("language=\"javascript\"").contains("'flow_x'");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<bpmn:serviceTask id=\"task_x\" camunda:delegateExpression=\"${closeReferralDelegate}\" />",
      "<bpmn:serviceTask id=\"task_x\" camunda:expression=\"${referralSettings.followUpDelay}\" />",
      "<bpmn:serviceTask id=\"task_x\" camunda:type=\"external\" camunda:topic=\"t\" />",
      "<bpmn:userTask id=\"task_x\" camunda:formRef=\"intake\" camunda:formRefBinding=\"deployment\" />",
      "<bpmn:userTask id=\"task_x\" camunda:candidateGroups=\"fo,bo\" />",
      "<bpmn:userTask id=\"task_x\" camunda:candidateGroups=\"${partnerGroup}\" />",
      "<bpmn:userTask id=\"task_x\" camunda:formKey=\"camunda-forms:deployment:intake.form\" />",
      "<bpmn:userTask id=\"task_x\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" "
          + "type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"${v}\" />"
          + "<camunda:constraint name=\"maxlength\" config=\"5\" /></camunda:validation></camunda:formField>"
          + "</camunda:formData></bpmn:extensionElements></bpmn:userTask>",
      "<bpmn:userTask id=\"task_x\"><bpmn:extensionElements><camunda:taskListener event=\"create\" "
          + "delegateExpression=\"${identityForTaskListener}\" /></bpmn:extensionElements></bpmn:userTask>"})
  void expressionsDelegatesExternalTasksAndCamundaFormsAreTheModelsOwn(String element) {
    assertThat(ModelRules.check(root(process(element)))).isEmpty();
  }

  @Test
  void camundasParseReportsEveryProblemWithItsLine() {
    BpmnParser parser = new BpmnParser(new JuelExpressionManager(), ModelRules::bpmnParse);

    Throwable refused = catchThrowable(() -> parser.createParse().name("x.bpmn").sourceString(process(
        "<bpmn:scriptTask id=\"task_script\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"
            + "<bpmn:serviceTask id=\"task_shell\" camunda:type=\"shell\" />")).execute());

    assertThat(refused).isInstanceOf(ParseException.class)
        .hasMessageContaining("Model ditolak: tugas skrip (scriptTask) di elemen 'task_script'")
        .hasMessageContaining("Model ditolak: camunda:type=\"shell\" di elemen 'task_shell'")
        .hasMessageContaining("line ");
  }

  private static String process(String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="definitions_x" targetNamespace="http://x">
          <bpmn:process id="process_x" isExecutable="true">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(elements);
  }

  /** The document as Camunda's parser reads it (schema-validated), before any of it is parsed into a process. */
  static Element root(String xml) {
    AtomicReference<Element> root = new AtomicReference<>();
    new BpmnParser(new JuelExpressionManager(), parser -> new BpmnParse(parser) {
      @Override
      protected void parseRootElement() {
        root.set(rootElement);
      }
    }).createParse().sourceString(xml).execute();
    return root.get();
  }
}
