package id.puskesos.rujukan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A form is checked by its record step: the service task that follows the user task (or the start form) runs in
 * the same transaction as the completion, so its {@code InvalidInputException} rolls the completion back, the task
 * stays open and Tasklist shows the message. A save point anywhere between them ({@code asyncAfter} on the form's
 * element, {@code asyncBefore}/{@code asyncAfter} on a gateway or sub-process on the way, {@code asyncBefore} on the
 * record step) would commit the completion first: bad input would then end as a failed job, the form long gone. This
 * test pins the rule on every model, and proves it notices such a save point.
 */
class FormValidationRuleTest {

  @Test
  void everyFormReachesItsRecordStepWithoutASavePoint() throws Exception {
    Map<String, List<String>> violations = new LinkedHashMap<>();
    for (Path model : models()) {
      List<String> found = violations(Bpmn.readModelFromFile(model.toFile()));
      if (!found.isEmpty()) {
        violations.put(model.getFileName().toString(), found);
      }
    }
    assertThat(violations).as("forms whose record step runs after a save point").isEmpty();
  }

  @Test
  void theRuleFindsTheRecordStepOfEveryFormThatHasOne() throws Exception {
    List<String> steps = new ArrayList<>();
    for (Path model : models()) {
      BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
      for (FlowNode form : forms(instance)) {
        recordSteps(form).forEach(step -> steps.add(form.getId() + " -> " + step.getId()));
      }
    }
    assertThat(steps).hasSizeGreaterThanOrEqualTo(20).contains(
        "task_assessNeeds -> task_recordAssessment", "task_homeVisit -> task_recordHomeVisit",
        // through the end of the embedded sub-process
        "task_decideReferral -> task_recordDecision",
        // through a gateway
        "task_correctReport -> task_generateReport", "start_reportRequested -> task_generateReport",
        "start_intakeForm -> task_registerIntake");
  }

  @Test
  void aSavePointBeforeAnyRecordStepBreaksTheRule() throws Exception {
    for (Path model : models()) {
      for (FlowNode form : forms(Bpmn.readModelFromFile(model.toFile()))) {
        for (ServiceTask step : recordSteps(form)) {
          BpmnModelInstance changed = Bpmn.readModelFromFile(model.toFile());
          changed.<ServiceTask>getModelElementById(step.getId()).setCamundaAsyncBefore(true);
          assertThat(violations(changed)).as("asyncBefore on %s", step.getId())
              .anySatisfy(v -> assertThat(v).contains(step.getId()).contains(form.getId()));
        }
      }
    }
  }

  @Test
  void aSavePointAfterTheFormOrOnTheWayBreaksTheRule() throws Exception {
    BpmnModelInstance referral = Bpmn.readModelFromFile(Path.of("processes/referral.bpmn").toFile());
    referral.<UserTask>getModelElementById(ReferralProcess.TASK_ASSESS_NEEDS).setCamundaAsyncAfter(true);
    assertThat(violations(referral)).anySatisfy(v -> assertThat(v).contains(ReferralProcess.TASK_ASSESS_NEEDS));

    BpmnModelInstance report = Bpmn.readModelFromFile(Path.of("processes/monthly-report.bpmn").toFile());
    report.<Gateway>getModelElementById("gateway_started").setCamundaAsyncBefore(true);
    assertThat(violations(report)).anySatisfy(v -> assertThat(v).contains("gateway_started")
        .contains(MonthlyReportProcess.TASK_GENERATE_REPORT));
  }

  /** What breaks the rule in one model, one line per form and record step. */
  static List<String> violations(BpmnModelInstance model) {
    List<String> violations = new ArrayList<>();
    for (FlowNode form : forms(model)) {
      if (form.isCamundaAsyncAfter() || form instanceof StartEvent && form.isCamundaAsyncBefore()) {
        if (!recordSteps(form).isEmpty()) {
          violations.add(form.getId() + " has a save point before its record step " + recordSteps(form).get(0)
              .getId());
        }
      }
      walk(form, new ArrayList<>(), (step, way) -> {
        for (FlowNode passed : way) {
          // the sub-process was entered long before the form; only leaving it may wait
          boolean waits = passed instanceof SubProcess ? passed.isCamundaAsyncAfter()
              : passed.isCamundaAsyncBefore() || passed.isCamundaAsyncAfter();
          if (waits) {
            violations.add(form.getId() + " reaches its record step " + step.getId() + " through the save point "
                + passed.getId());
          }
        }
        if (step.isCamundaAsyncBefore()) {
          violations.add(form.getId() + " has its record step " + step.getId() + " marked asyncBefore");
        }
      });
    }
    return violations;
  }

  /** The elements with a form: user tasks and start events with a Camunda Form or form key. */
  static List<FlowNode> forms(BpmnModelInstance model) {
    List<FlowNode> forms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
    model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getCamundaFormRef() != null || start.getCamundaFormKey() != null)
        .forEach(forms::add);
    return forms;
  }

  /** The service tasks the form's completion reaches in its own transaction, if nothing in the way waits. */
  static List<ServiceTask> recordSteps(FlowNode form) {
    List<ServiceTask> steps = new ArrayList<>();
    walk(form, new ArrayList<>(), (step, way) -> steps.add(step));
    return steps;
  }

  private interface StepVisitor {
    void visit(ServiceTask step, List<FlowNode> way);
  }

  /**
   * Follows the sequence flows from a node through what does not wait (gateways, and the end of an embedded
   * sub-process to the sub-process's own outgoing flows) to the first service task on each path.
   */
  private static void walk(FlowNode from, List<FlowNode> way, StepVisitor visitor) {
    for (FlowNode next : from.getSucceedingNodes().list()) {
      if (way.contains(next)) {
        continue;
      }
      if (next instanceof ServiceTask step) {
        visitor.visit(step, way);
      } else if (next instanceof Gateway) {
        List<FlowNode> further = new ArrayList<>(way);
        further.add(next);
        walk(next, further, visitor);
      } else if (next instanceof EndEvent && next.getParentElement() instanceof SubProcess sub
          && !sub.triggeredByEvent() && ((EndEvent) next).getEventDefinitions().isEmpty()) {
        List<FlowNode> further = new ArrayList<>(way);
        further.add(next);
        further.add(sub);
        walk(sub, further, visitor);
      }
    }
  }

  private static List<Path> models() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
