package id.puskesos.rujukan.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.DomElement;

import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.Refusal;

/**
 * What a deployed model may contain, checked when it is deployed: Camunda reads expressions, delegate beans, Camunda
 * Forms and FEEL (or JUEL) decision tables, which go through {@link ModelExpressions}; it refuses, naming the element,
 * everything that runs code past it: script tasks, scripts in listeners, mappings and conditions, Java classes
 * ({@code camunda:class} on tasks and listeners, variable mapping, form handler and validator classes),
 * {@code camunda:type} shell and mail tasks, connectors, embedded HTML forms (scripts run in the staff's browser), case
 * models (CMMN) and decision tables in a script language. The application's own models use none of them (a named,
 * reviewed use would add its exception here). And a model's tasks go to groups that work cases: not to a person, not
 * to the analyst's, the manager's or the administrators' group, whose members would read the task.
 */
public final class ModelRules {

  private static final Set<String> CAMUNDA_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
  private static final String WHERE = "(docs/security.md, Analysts and models)";
  private static final String DELEGATES = "Panggil kode lewat bean delegasi: camunda:delegateExpression=\"${namaBean}\".";

  /**
   * Groups that read and do not work cases: a task for them would show the analyst (or anyone in them) what the task
   * shows. A model gives its tasks to groups that work cases, never to named people; checked when a task is created
   * as well ({@link #checkTaskHolders}), since a candidate group may be an expression.
   */
  static final Set<String> NOT_CASEWORK = Set.of(Groups.ANALIS, Groups.MANAJER, Groups.ADMIN);
  private static final String GROUPS = "Tugas diberikan kepada kelompok kerja kasus lewat camunda:candidateGroups; "
      + "analis, manajer dan administrator tidak mengerjakan kasus.";

  private ModelRules() {
  }

  /** One rule broken, at an element of the model. */
  public record Problem(String message, Element element) {
  }

  /** Camunda's BPMN parse with the rules checked on the whole document before anything of it is parsed. */
  public static BpmnParse bpmnParse(BpmnParser parser) {
    return new BpmnParse(parser) {
      @Override
      protected void parseRootElement() {
        // before Camunda's parse, which instantiates form handler classes and shell tasks as it goes
        List<Problem> problems = check(rootElement);
        problems.forEach(problem -> addError(problem.message(), problem.element()));
        if (problems.isEmpty()) {
          super.parseRootElement();
        }
      }
    };
  }

  /** Every rule a BPMN document breaks, in document order. */
  public static List<Problem> check(Element root) {
    List<Problem> problems = new ArrayList<>();
    check(root, root.attribute("id"), problems);
    return problems;
  }

  private static void check(Element element, String nearestId, List<Problem> problems) {
    String id = element.attribute("id") == null ? nearestId : element.attribute("id");
    boolean camunda = CAMUNDA_NS.contains(element.getUri());
    String tag = element.getTagName();
    if ("scriptTask".equals(tag) && !camunda) {
      problems.add(problem(element, id, "tugas skrip (scriptTask)", "Skrip tidak dijalankan di Rujukan. " + DELEGATES));
    }
    if (camunda && "script".equals(tag)) {
      problems.add(problem(element, id, "skrip (camunda:script)", "Skrip tidak dijalankan di Rujukan; tulis nilai "
          + "sebagai ekspresi ${...}. " + DELEGATES));
    }
    if (!camunda && ("potentialOwner".equals(tag) || "humanPerformer".equals(tag))) {
      problems.add(problem(element, id, "penugasan BPMN (" + tag + ")", GROUPS));
    }
    if (camunda && "connector".equals(tag)) {
      problems.add(problem(element, id, "konektor (camunda:connector)", DELEGATES));
    }
    if (camunda && "constraint".equals(tag) && "validator".equals(element.attribute("name"))
        && !isExpression(element.attribute("config"))) {
      problems.add(problem(element, id, "validator kelas Java (config=\"" + element.attribute("config") + "\")",
          "Validator memakai ekspresi ${namaBean}."));
    }
    for (String key : element.attributes()) {
      // Camunda's key of an attribute: "namespace:name", or the bare name without a namespace
      int colon = key.lastIndexOf(':');
      String name = key.substring(colon + 1);
      boolean camundaAttribute = colon > 0 && CAMUNDA_NS.contains(key.substring(0, colon));
      String value = element.attribute(key);
      switch (name) {
        case "class", "variableMappingClass", "formHandlerClass" -> problems.add(problem(element, id,
            "kelas Java (" + name + "=\"" + value + "\")", DELEGATES));
        case "language" -> {
          if (colon < 0) {
            problems.add(problem(element, id, "skrip sebagai ekspresi (language=\"" + value + "\")",
                "Tulis kondisi sebagai ekspresi ${...} tanpa atribut language."));
          }
        }
        case "type" -> {
          if (camundaAttribute && !"external".equals(value)) {
            problems.add(problem(element, id, "camunda:type=\"" + value + "\"", DELEGATES));
          }
        }
        case "formKey" -> {
          if (camundaAttribute && !value.startsWith("camunda-forms:")) {
            problems.add(problem(element, id, "formulir camunda:formKey=\"" + value + "\"",
                "Formulir tugas adalah Camunda Form: camunda:formRef."));
          }
        }
        case "assignee", "candidateUsers" -> {
          if (camundaAttribute) {
            problems.add(problem(element, id, "tugas untuk orang tertentu (camunda:" + name + "=\"" + value + "\")",
                GROUPS));
          }
        }
        case "candidateGroups" -> {
          if (camundaAttribute && !isExpression(value.trim())) {
            for (String group : value.split(",")) {
              if (NOT_CASEWORK.contains(group.trim())) {
                problems.add(problem(element, id, "tugas untuk kelompok '" + group.trim() + "'", GROUPS));
              }
            }
          }
        }
        case "resource" -> {
          if (camundaAttribute) {
            problems.add(problem(element, id, "skrip dari berkas (camunda:resource=\"" + value + "\")", DELEGATES));
          }
        }
        default -> {
        }
      }
    }
    for (Element child : element.elements()) {
      check(child, id, problems);
    }
  }

  /**
   * When a user task is created: its candidates are groups that work cases and nobody holds it yet. Refuses (the step
   * does not happen) a task a model gives to a person or to a group of {@link #NOT_CASEWORK}, through an expression
   * too.
   */
  static void checkTaskHolders(DelegateTask task) {
    String holder = task.getAssignee();
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getUserId() != null) {
        holder = candidate.getUserId();
      } else if (NOT_CASEWORK.contains(candidate.getGroupId())) {
        holder = "kelompok " + candidate.getGroupId();
      }
    }
    if (holder != null) {
      throw new ProcessEngineException(("Tugas '%s' tidak dibuat: model memberikannya kepada %s. %s %s")
          .formatted(task.getTaskDefinitionKey(), holder, GROUPS, WHERE));
    }
  }

  private static Problem problem(Element element, String id, String what, String instead) {
    return new Problem("Model ditolak: %s di elemen '%s'. %s %s".formatted(what, id, instead, WHERE), element);
  }

  private static boolean isExpression(String value) {
    return value != null && (value.startsWith("${") || value.startsWith("#{"));
  }

  /**
   * A deployment's resources other than BPMN: no case models (CMMN: its listeners and tasks would need the same rules,
   * and nothing here uses it), decision tables in FEEL or JUEL only (any other language is a script), and every
   * decision table with its test cases, all passing ({@link TableTestsAtDeployment}). Only new deployments: what is
   * deployed already loads as it is.
   */
  static final class DeploymentCheck implements Deployer {

    private static final Set<String> DECISION_LANGUAGES = Set.of(
        DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE, DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
        DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13, DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
        DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    private final TableTestsAtDeployment tableTests = new TableTestsAtDeployment();

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return;
      }
      for (ResourceEntity resource : deployment.getResources().values()) {
        String name = resource.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
          throw new ModelRefused("Model ditolak: %s adalah model kasus (CMMN), yang tidak dipakai di Rujukan. %s"
              .formatted(resource.getName(), WHERE));
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          checkDecisions(resource);
        }
      }
      // after the rules above: the cases evaluate the table
      tableTests.check(deployment);
    }

    private static void checkDecisions(ResourceEntity resource) {
      DomElement root;
      try {
        root = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())).getDocument().getRootElement();
      } catch (RuntimeException unreadable) {
        return; // Camunda's own deployer reports what is wrong with it
      }
      checkLanguage(resource.getName(), root, root.getAttribute("id"));
    }

    private static void checkLanguage(String resource, DomElement element, String nearestId) {
      String id = element.getAttribute("id") == null ? nearestId : element.getAttribute("id");
      String language = element.getAttribute("expressionLanguage");
      if (language != null && !DECISION_LANGUAGES.contains(language)
          && !Set.of("feel", "juel").contains(language.toLowerCase(Locale.ROOT))) {
        throw new ModelRefused(("Model ditolak: bahasa ekspresi '%s' di elemen '%s' dari %s. Tabel keputusan "
            + "ditulis dalam FEEL. %s").formatted(language, id, resource, WHERE));
      }
      for (DomElement child : element.getChildElements()) {
        checkLanguage(resource, child, id);
      }
    }
  }

  /** A deployment refused for what its models contain: 400 with the message, over the REST API as well. */
  static final class ModelRefused extends Refusal {

    ModelRefused(String message) {
      super(message);
    }

    @Override
    public int status() {
      return 400;
    }
  }
}
