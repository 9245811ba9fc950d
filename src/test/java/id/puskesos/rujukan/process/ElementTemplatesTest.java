package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.followup.ClosingService;
import id.puskesos.rujukan.referral.Stage;

/**
 * The element templates the analysts use in Camunda Modeler (processes/.camunda/element-templates,
 * docs/element-templates.md): each is well formed, names only what exists (delegate beans, called processes, decision
 * tables, forms' groups, stages), calls a process as the application's own models call it, and what it writes into a
 * model keeps {@link ModelRules}, with every choice of its dropdowns.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");
  /** The bindings a template may use: those this test writes into a model and so checks. */
  private static final Set<String> BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
      "camunda:in", "camunda:in:businessKey", "camunda:out");
  private static final Set<String> ELEMENTS = Set.of("bpmn:ServiceTask", "bpmn:UserTask", "bpmn:CallActivity",
      "bpmn:BusinessRuleTask");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<JsonNode> templates;

  @BeforeAll
  static void read() throws Exception {
    templates = new ArrayList<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode read = JSON.readTree(file.toFile());
        if (read.isArray()) {
          read.forEach(templates::add);
        } else {
          templates.add(read);
        }
      }
    }
  }

  @Test
  void everyTemplateIsNamedVersionedAndApplies() {
    assertThat(templates).hasSizeGreaterThanOrEqualTo(8);
    Set<String> ids = new HashSet<>();
    for (JsonNode template : templates) {
      String id = template.path("id").asText();
      assertThat(id).as("id").matches("id\\.puskesos\\.rujukan\\.[a-z][A-Za-z]+");
      assertThat(ids.add(id + "@" + template.path("version").asInt())).as("one %s per version", id).isTrue();
      assertThat(template.path("$schema").asText()).as(id)
          .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
      assertThat(template.path("name").asText()).as(id).isNotBlank();
      assertThat(template.path("description").asText()).as(id).isNotBlank();
      assertThat(template.path("version").isInt() && template.path("version").asInt() >= 1).as(id).isTrue();
      assertThat(template.path("appliesTo")).as(id).isNotEmpty();
      template.path("appliesTo").forEach(type -> assertThat(type.asText()).as(id).isIn(ELEMENTS));
      for (JsonNode property : template.path("properties")) {
        assertThat(property.path("binding").path("type").asText()).as(id).isIn(BINDINGS);
        if (property.has("group")) {
          assertThat(template.path("groups").findValuesAsText("id")).as(id).contains(property.path("group").asText());
        }
      }
    }
  }

  @Test
  void aServiceTaskTemplateFixesTheDelegateBeanOfAnApplicationDelegate() {
    Map<String, Class<?>> components = RealDelegates.components();
    for (JsonNode template : templates) {
      if (!appliesTo(template, "bpmn:ServiceTask")) {
        continue;
      }
      JsonNode delegate = property(template, "property", "camunda:delegateExpression");
      assertThat(delegate).as(id(template) + " fixes camunda:delegateExpression").isNotNull();
      assertThat(delegate.path("editable").asBoolean(true)).as(id(template)).isFalse();
      Matcher bean = BEAN.matcher(delegate.path("value").asText());
      assertThat(bean.matches()).as(id(template) + " names a bean: ${bean}").isTrue();
      assertThat(components).as(id(template)).containsKey(bean.group(1));
      assertThat(JavaDelegate.class.isAssignableFrom(components.get(bean.group(1)))).as(id(template)).isTrue();
    }
  }

  @Test
  void whatATemplateCallsAndEvaluatesIsDeployedWithTheModels() throws Exception {
    for (JsonNode template : templates) {
      JsonNode called = property(template, "property", "calledElement");
      if (called != null) {
        assertThat(called.path("editable").asBoolean(true)).as(id(template)).isFalse();
        assertThat(ids("bpmn", BPMN, "process")).as(id(template)).contains(called.path("value").asText());
      }
      JsonNode decision = property(template, "property", "camunda:decisionRef");
      if (decision != null) {
        assertThat(ids("dmn", "https://www.omg.org/spec/DMN/20191111/MODEL/", "decision")).as(id(template))
            .contains(decision.path("value").asText());
      }
    }
  }

  /** The template passes what the application's own call of that process passes, and takes back what it takes. */
  @Test
  void aCallActivityTemplateMapsVariablesAsTheApplicationsModelsDo() throws Exception {
    List<String> checked = new ArrayList<>();
    for (JsonNode template : templates) {
      JsonNode called = property(template, "property", "calledElement");
      if (called == null) {
        continue;
      }
      org.w3c.dom.Element model = callActivityCalling(called.path("value").asText());
      assertThat(model).as(id(template) + ": a model of processes/ calls it").isNotNull();
      assertThat(mappings(element(template, Map.of()))).as(id(template)).isEqualTo(mappings(model));
      assertThat(property(template, "property", "camunda:calledElementBinding").path("value").asText())
          .isEqualTo(model.getAttributeNS(CAMUNDA, "calledElementBinding"));
      template.path("properties").forEach(property ->
          assertThat(property.path("editable").asBoolean(true)).as(id(template) + " fixes every mapping").isFalse());
      checked.add(id(template));
    }
    assertThat(checked).contains("id.puskesos.rujukan.partnerReferral");
  }

  @Test
  void aUserTaskGoesToAGroupThatWorksCases() {
    for (JsonNode template : templates) {
      if (!appliesTo(template, "bpmn:UserTask")) {
        continue;
      }
      JsonNode groups = property(template, "property", "camunda:candidateGroups");
      assertThat(groups).as(id(template)).isNotNull();
      List<String> choices = choices(groups);
      assertThat(choices).as(id(template)).doesNotContainAnyElementsOf(ModelRules.NOT_CASEWORK)
          .containsExactlyInAnyOrderElementsOf(Groups.CASEWORK);
      assertThat(choices).contains(groups.path("value").asText());
      JsonNode form = property(template, "property", "camunda:formRef");
      assertThat(form.path("constraints").path("notEmpty").asBoolean()).as(id(template)).isTrue();
      assertThat(property(template, "property", "camunda:formRefBinding").path("value").asText()).as(id(template))
          .isEqualTo("deployment");
    }
  }

  @Test
  void theChoicesAreTheApplicationsValues() {
    for (JsonNode template : templates) {
      JsonNode stage = property(template, "camunda:property", Stage.PROPERTY);
      if (stage != null) {
        for (String value : stage.has("choices") ? choices(stage) : List.of(stage.path("value").asText())) {
          // as ModelTest: a case's task is in a stage between intake and closing
          assertThat(Stage.valueOf(value)).as(id(template)).isNotIn(Stage.INTAKE, Stage.CLOSED);
        }
      }
      JsonNode outcome = property(template, "camunda:inputParameter", "closingOutcome");
      if (outcome != null) {
        assertThat(choices(outcome)).as(id(template)).containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ClosingService.ClosingOutcome.values()).map(Enum::name).toList());
      }
    }
  }

  /** Every template, with each choice of each of its dropdowns, gives an element Camunda's parser reads. */
  @Test
  void whatATemplateWritesKeepsTheModelRules() {
    int models = 0;
    for (JsonNode template : templates) {
      for (Map<String, String> choice : eachChoice(template)) {
        String xml = process(element(template, choice));
        assertThat(ModelRules.check(ModelRulesTest.root(xml))).as(id(template) + " " + choice + "\n" + xml).isEmpty();
        models++;
      }
    }
    assertThat(models).isGreaterThan(templates.size());
  }

  /** A template's property by binding. */
  private static JsonNode property(JsonNode template, String type, String name) {
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if (binding.path("type").asText().equals(type) && binding.path("name").asText().equals(name)) {
        return property;
      }
    }
    return null;
  }

  private static boolean appliesTo(JsonNode template, String type) {
    return iterable(template.path("appliesTo")).stream().anyMatch(t -> t.asText().equals(type));
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }

  private static String id(JsonNode template) {
    return template.path("id").asText();
  }

  private static List<String> choices(JsonNode property) {
    return iterable(property.path("choices")).stream().map(c -> c.path("value").asText()).toList();
  }

  /** The template with its defaults, then with each other choice of one dropdown (by property index). */
  private static List<Map<String, String>> eachChoice(JsonNode template) {
    List<Map<String, String>> variants = new ArrayList<>();
    variants.add(Map.of());
    List<JsonNode> properties = iterable(template.path("properties"));
    for (int i = 0; i < properties.size(); i++) {
      for (String value : choices(properties.get(i))) {
        variants.add(Map.of(String.valueOf(i), value));
      }
    }
    return variants;
  }

  /**
   * The element as Camunda Modeler writes it when the template is applied: each binding with the property's value
   * (its default, or the given choice). A String without a default gets a value that fits its pattern ("x").
   */
  private static String element(JsonNode template, Map<String, String> chosen) {
    String type = template.path("appliesTo").get(0).asText().substring("bpmn:".length());
    String tag = "bpmn:" + Character.toLowerCase(type.charAt(0)) + type.substring(1);
    StringBuilder attributes = new StringBuilder();
    StringBuilder properties = new StringBuilder();
    StringBuilder inputs = new StringBuilder();
    StringBuilder mappings = new StringBuilder();
    List<JsonNode> all = iterable(template.path("properties"));
    for (int i = 0; i < all.size(); i++) {
      JsonNode property = all.get(i);
      JsonNode binding = property.path("binding");
      String value = chosen.getOrDefault(String.valueOf(i), property.has("value") ? property.path("value").asText()
          : "x");
      String name = binding.path("name").asText();
      switch (binding.path("type").asText()) {
        case "property" -> attributes.append(' ').append(name).append("=\"").append(xml(value)).append('"');
        case "camunda:property" -> properties.append("<camunda:property name=\"").append(xml(name))
            .append("\" value=\"").append(xml(value)).append("\" />");
        case "camunda:inputParameter" -> inputs.append("<camunda:inputParameter name=\"").append(xml(name))
            .append("\">").append(xml(value)).append("</camunda:inputParameter>");
        case "camunda:in:businessKey" -> mappings.append("<camunda:in businessKey=\"#{execution.processBusinessKey}\" />");
        case "camunda:in" -> mappings.append("<camunda:in ")
            .append(binding.path("expression").asBoolean() ? "sourceExpression" : "source").append("=\"")
            .append(xml(value)).append("\" target=\"").append(xml(binding.path("target").asText())).append("\" />");
        case "camunda:out" -> mappings.append("<camunda:out source=\"").append(xml(binding.path("source").asText()))
            .append("\" target=\"").append(xml(value)).append("\" />");
        default -> throw new AssertionError(id(template) + ": binding " + binding);
      }
    }
    String extensions = (properties.isEmpty() ? "" : "<camunda:properties>" + properties + "</camunda:properties>")
        + (inputs.isEmpty() ? "" : "<camunda:inputOutput>" + inputs + "</camunda:inputOutput>") + mappings;
    return "<%s id=\"task_templated\"%s>%s</%s>".formatted(tag, attributes,
        extensions.isEmpty() ? "" : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>", tag);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The camunda:in and camunda:out of a call activity, as comparable lines. */
  private static Set<String> mappings(String element) throws Exception {
    return mappings(dom(process(element)).getDocumentElement());
  }

  private static Set<String> mappings(org.w3c.dom.Element element) {
    Set<String> lines = new TreeSet<>();
    for (String kind : List.of("in", "out")) {
      NodeList nodes = element.getElementsByTagNameNS(CAMUNDA, kind);
      for (int i = 0; i < nodes.getLength(); i++) {
        org.w3c.dom.Element mapping = (org.w3c.dom.Element) nodes.item(i);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : List.of("businessKey", "source", "sourceExpression", "target", "variables", "local")) {
          if (mapping.hasAttribute(attribute)) {
            attributes.put(attribute, mapping.getAttribute(attribute));
          }
        }
        lines.add(kind + " " + attributes);
      }
    }
    return lines;
  }

  /** The first call activity of the application's models that calls the process. */
  private static org.w3c.dom.Element callActivityCalling(String process) throws Exception {
    for (Path model : files("bpmn")) {
      NodeList calls = dom(Files.readString(model)).getElementsByTagNameNS(BPMN, "callActivity");
      for (int i = 0; i < calls.getLength(); i++) {
        org.w3c.dom.Element call = (org.w3c.dom.Element) calls.item(i);
        if (process.equals(call.getAttribute("calledElement"))) {
          return call;
        }
      }
    }
    return null;
  }

  private static Set<String> ids(String extension, String namespace, String tag) throws Exception {
    Set<String> ids = new TreeSet<>();
    for (Path model : files(extension)) {
      NodeList elements = dom(Files.readString(model)).getElementsByTagNameNS(namespace, tag);
      for (int i = 0; i < elements.getLength(); i++) {
        ids.add(((org.w3c.dom.Element) elements.item(i)).getAttribute("id"));
      }
    }
    return ids;
  }

  private static List<Path> files(String extension) throws Exception {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith("." + extension)).sorted().toList();
    }
  }

  private static Document dom(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
  }

  private static String process(String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_templated" targetNamespace="http://x">
          <bpmn:process id="process_templated" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(elements);
  }
}
