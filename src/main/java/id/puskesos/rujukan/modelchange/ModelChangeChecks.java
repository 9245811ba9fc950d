package id.puskesos.rujukan.modelchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.process.ModelCheckEngine;
import id.puskesos.rujukan.process.TableTests;

/**
 * The checks a proposed change goes through before anyone is asked to approve it (docs/analyst-guide.md), the same
 * rules the model tests hold the application's own models to:
 * <ul>
 * <li>"Aturan model": the files deployed together in {@link ModelCheckEngine} (Camunda's parse, what a model may
 * contain, the tables' test cases);</li>
 * <li>"Kasus uji tabel": every rule of the table has a case and every case passes ({@link TableTests});</li>
 * <li>"Delegasi dan formulir": every service task and listener calls a delegate bean the application has, every user
 * task has a group and a Camunda Form of this change or of the running version, no Modeler-generated ids;</li>
 * <li>"bpmnlint": Camunda Modeler's rules ({@link BpmnLint}), where Node.js is installed.</li>
 * </ul>
 */
@Component
class ModelChangeChecks {

  static final String RULES = "Aturan model";
  static final String TABLE_TESTS = "Kasus uji tabel";
  static final String DELEGATES_AND_FORMS = "Delegasi dan formulir";
  static final String LINT = "bpmnlint";

  private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Task|Gateway|Event|StartEvent|EndEvent|"
      + "Flow|SequenceFlow|UserTask|ServiceTask|ExclusiveGateway|ParallelGateway|IntermediateThrowEvent|"
      + "IntermediateCatchEvent|BoundaryEvent|Process)_[0-9a-z]{5,7}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelCheckEngine engine;
  private final ApplicationContext context;
  private final BpmnLint lint;
  private final TableTests tableTests = new TableTests();

  ModelChangeChecks(ModelCheckEngine engine, ApplicationContext context, BpmnLint lint) {
    this.engine = engine;
    this.context = context;
    this.lint = lint;
  }

  /** Every check of the files; {@code baseForms}: the forms the running version of the model has, by id. */
  List<ChangeCheck> check(ChangeKind kind, Map<String, byte[]> files, Map<String, byte[]> baseForms) {
    List<ChangeCheck> checks = new ArrayList<>();
    if (kind == ChangeKind.BUDGET) {
      return checks;
    }
    Map<String, byte[]> deployed = new LinkedHashMap<>(files);
    baseForms.forEach(deployed::putIfAbsent);
    checks.add(ChangeCheck.of(RULES, engine.deploymentProblems(deployed)));
    if (kind == ChangeKind.TABLE) {
      checks.add(ChangeCheck.of(TABLE_TESTS, tableProblems(files)));
    } else {
      String bpmn = files.keySet().stream().filter(n -> n.endsWith(".bpmn")).findFirst().orElseThrow();
      checks.add(ChangeCheck.of(DELEGATES_AND_FORMS, delegatesAndForms(files.get(bpmn), formIds(deployed))));
      checks.add(lint.check(bpmn, files.get(bpmn)));
    }
    return checks;
  }

  private List<String> tableProblems(Map<String, byte[]> files) {
    List<String> problems = new ArrayList<>();
    files.forEach((name, content) -> {
      String tests = TableTests.testsOf(name);
      if (tests == null) {
        return;
      }
      if (!files.containsKey(tests)) {
        problems.add("Tabel %s tidak disertai kasus ujinya %s: setiap aturan perlu minimal satu kasus yang lulus."
            .formatted(name, tests));
      } else {
        problems.addAll(tableTests.check(name, content, tests, files.get(tests)));
      }
    });
    return problems;
  }

  /** The service tasks' and listeners' delegate beans, the user tasks' groups and forms, and the ids. */
  private List<String> delegatesAndForms(byte[] bpmn, Set<String> forms) {
    List<String> problems = new ArrayList<>();
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    } catch (RuntimeException unreadable) {
      return List.of("Model BPMN tidak terbaca: " + unreadable.getMessage());
    }
    checkDelegates(model.getDocument().getRootElement(), problems);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
        problems.add("Tugas '%s' tidak punya kelompok (camunda:candidateGroups).".formatted(task.getId()));
      }
      checkForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, problems, true);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, problems, false);
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      generatedId(node, problems);
    }
    return problems;
  }

  private void checkDelegates(DomElement element, List<String> problems) {
    String delegate = element.getAttribute("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
    if (delegate != null) {
      String id = element.getAttribute("id") == null ? element.getLocalName() : element.getAttribute("id");
      Matcher bean = BEAN.matcher(delegate.trim());
      if (!bean.matches()) {
        problems.add(("Elemen '%s' memanggil '%s': tulis nama bean delegasi saja, ${namaBean} (lihat "
            + "docs/element-templates.md).").formatted(id, delegate));
      } else if (!context.containsBean(bean.group(1))) {
        problems.add("Elemen '%s' memanggil bean '%s', yang tidak ada di aplikasi.".formatted(id, bean.group(1)));
      }
    }
    for (DomElement child : element.getChildElements()) {
      checkDelegates(child, problems);
    }
  }

  private static void checkForm(String id, String formRef, String binding, Set<String> forms, List<String> problems,
      boolean required) {
    if (formRef == null) {
      if (required) {
        problems.add("Tugas '%s' tidak punya formulir (camunda:formRef).".formatted(id));
      }
      return;
    }
    if (!"deployment".equals(binding)) {
      problems.add("Formulir '%s' di '%s' diikat camunda:formRefBinding=\"deployment\", agar kasus berjalan tetap "
          .formatted(formRef, id) + "memakai formulir versinya sendiri.");
    }
    if (!forms.contains(formRef)) {
      problems.add(("Formulir '%s' untuk '%s' tidak ada: sertakan berkas .form-nya dalam perubahan (atau pakai "
          + "formulir versi yang berjalan).").formatted(formRef, id));
    }
  }

  private static void generatedId(BaseElement element, List<String> problems) {
    if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
      problems.add(("Elemen '%s' masih memakai id buatan Modeler: beri id yang bermakna (task_..., gateway_..., "
          + "end_...), karena kode, laporan dan pemindahan kasus membacanya.").formatted(element.getId()));
    }
  }

  /** The ids of the Camunda Forms among the files. */
  static Set<String> formIds(Map<String, byte[]> files) {
    Set<String> ids = new HashSet<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        try {
          ids.add(JSON.readTree(content).path("id").asText());
        } catch (IOException unreadable) {
          // the engine's deployment of it says so
        }
      }
    });
    return ids;
  }
}
