package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.process.ModelChangeProcess;

/**
 * A BPMN change through model-change.bpmn (docs/analyst-guide.md, docs/migration.md): its checks refuse a step that
 * calls a delegate the application does not have; the approval shows how many running cases move and which stay;
 * the deployment moves the cases at a renamed task as one batch, and a case at a removed task finishes on its old
 * version, reported.
 */
class ModelChangeMigrationScenarioTest extends ScenarioTestSupport {

  private static final AtomicInteger KEYS = new AtomicInteger();
  private static final String FORM = "withdrawal";

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ManagementService managementService;

  @Test
  void casesAtARenamedTaskMoveAndACaseAtARemovedTaskStaysReported() {
    String key = "uji-migrasi-" + KEYS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    ProcessDefinition v1 = deployFirstVersion(key);
    List<String> atA = List.of(start(key), start(key));
    String atB = start(key);
    taskService.complete(task(atB).getId());
    assertThat(task(atB).getTaskDefinitionKey()).isEqualTo("task_check");
    Map<String, String> tasksAtA = Map.of(atA.get(0), task(atA.get(0)).getId(), atA.get(1), task(atA.get(1)).getId());

    // a step that calls a delegate the application does not have: refused by the checks
    ResponseEntity<JsonNode> broken = api.post("analis", "/api/model-changes", change(key, secondVersion(key,
        "${delegasiYangTidakAda}")));
    assertThat(broken.getStatusCode().value()).as(String.valueOf(broken.getBody())).isEqualTo(201);
    String number = broken.getBody().get("number").asText();
    assertThat(broken.getBody().get("status").asText()).isEqualTo("CHECKS_FAILED");
    assertThat(broken.getBody().get("checks").toString()).contains("delegasiYangTidakAda");

    ResponseEntity<JsonNode> revised = api.put("analis", "/api/model-changes/" + number, change(key,
        secondVersion(key, null)));
    JsonNode change = revised.getBody();
    assertThat(change.get("status").asText()).as(change.toString()).isEqualTo("AWAITING_APPROVAL");
    JsonNode preview = change.get("migrationPreview");
    assertThat(preview.get("moves")).singleElement().satisfies(move -> {
      assertThat(move.get("sourceActivityId").asText()).isEqualTo("task_register");
      assertThat(move.get("targetActivityId").asText()).isEqualTo("task_registerResident");
      assertThat(move.get("instances").asLong()).isEqualTo(2);
    });
    assertThat(preview.get("stays")).singleElement().satisfies(stay -> {
      assertThat(stay.get("activityId").asText()).isEqualTo("task_check");
      assertThat(stay.get("instances").asLong()).isEqualTo(1);
      assertThat(stay.get("reason").asText()).isNotBlank();
    });
    Task approval = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ModelChangeProcess.TASK_APPROVE_CHANGE).singleResult();
    assertThat(String.valueOf(taskService.getVariable(approval.getId(), "changeSummary")))
        .contains("2 kasus pindah ke task_registerResident").contains("1 kasus tetap di versi lama");
    assertThat(api.submitForm("koordinator", approval.getId(), "changeDecision", "APPROVE").getStatusCode().value())
        .isEqualTo(204);

    JsonNode deployed = api.post("admin", "/api/model-changes/" + number + "/deploy", Map.of()).getBody();
    assertThat(deployed.path("status").asText()).as(deployed.toString()).isEqualTo("DEPLOYED");
    ProcessDefinition v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

    // the job executor starts the migration after the deployment and runs the batch; the change's own check of it
    // is run here rather than a minute later
    await().atMost(Duration.ofSeconds(60)).until(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionId(v2.getId()).count() == 2);
    assertThat(api.get("manajer", "/api/model-changes/" + number).getBody().get("migrationBatch").asText())
        .isNotBlank();
    String changeInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Job check = managementService.createJobQuery().processInstanceId(changeInstance).timers().singleResult();
      if (check == null) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(changeInstance).count() == 0;
      }
      managementService.executeJob(check.getId());
      return false;
    });
    JsonNode outcome = api.get("manajer", "/api/model-changes/" + number).getBody().get("migrationOutcome");
    assertThat(outcome.get("migrated").asLong()).as(outcome.toString()).isEqualTo(2);
    assertThat(outcome.get("failed").asLong()).isZero();
    assertThat(outcome.get("finished").asBoolean()).isTrue();

    for (String instance : atA) {
      Task moved = task(instance);
      assertThat(moved.getTaskDefinitionKey()).isEqualTo("task_registerResident");
      assertThat(moved.getId()).isEqualTo(tasksAtA.get(instance));
      assertThat(moved.getProcessDefinitionId()).isEqualTo(v2.getId());
    }
    assertThat(task(atB).getProcessDefinitionId()).isEqualTo(v1.getId());
    taskService.complete(task(atB).getId());
    assertThat(task(atB).getTaskDefinitionKey()).isEqualTo("task_decide");
    taskService.complete(task(atB).getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atB).count()).as("finished on v1")
        .isZero();
  }

  private ProcessDefinition deployFirstVersion(String key) {
    String xml = Bpmn.convertToString(model(key, false, null));
    byte[] form = formOfTheApplication();
    repositoryService.createDeployment().name(key).addString(key + ".bpmn", xml)
        .addInputStream(FORM + ".form", new java.io.ByteArrayInputStream(form)).deploy();
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private byte[] formOfTheApplication() {
    try (var in = getClass().getResourceAsStream("/forms/" + FORM + ".form")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String secondVersion(String key, String delegate) {
    return Bpmn.convertToString(model(key, true, delegate));
  }

  /** v1: register, check, decide; v2: register renamed to a new id, check removed, optionally a service step. */
  private static org.camunda.bpm.model.bpmn.BpmnModelInstance model(String key, boolean second, String delegate) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).name("Uji pemindahan")
        .camundaHistoryTimeToLive(1).startEvent("start_test").name("Mulai")
        .userTask(second ? "task_registerResident" : "task_register").name(second ? "Catat warga" : "Catat")
        .camundaCandidateGroups("fo").camundaFormRef(FORM).camundaFormRefBinding("deployment");
    if (!second) {
      flow = flow.userTask("task_check").name("Periksa").camundaCandidateGroups("fo").camundaFormRef(FORM)
          .camundaFormRefBinding("deployment");
    }
    if (delegate != null) {
      flow = flow.serviceTask("task_extra").name("Langkah tambahan").camundaDelegateExpression(delegate);
    }
    return flow.userTask("task_decide").name("Putuskan").camundaCandidateGroups("fo").camundaFormRef(FORM)
        .camundaFormRefBinding("deployment").endEvent("end_test").name("Selesai").done();
  }

  private Map<String, Object> change(String key, String bpmn) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("kind", "MODEL");
    change.put("reason", "Langkah pemeriksaan digabung ke pencatatan");
    change.put("files", List.of(Map.of("name", key + ".bpmn", "content", bpmn)));
    change.put("renames", Map.of("task_register", "task_registerResident"));
    change.put("simulateTo", LocalDate.now().toString());
    return change;
  }

  private String start(String key) {
    return runtimeService.startProcessInstanceByKey(key).getId();
  }

  private Task task(String instance) {
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }
}
