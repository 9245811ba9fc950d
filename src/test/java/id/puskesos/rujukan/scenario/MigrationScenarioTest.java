package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.migration.MigrationPlans;
import id.puskesos.rujukan.migration.MigrationPlans.Move;
import id.puskesos.rujukan.migration.MigrationPlans.Outcome;
import id.puskesos.rujukan.migration.MigrationPlans.Preview;
import id.puskesos.rujukan.migration.MigrationPlans.Started;
import id.puskesos.rujukan.migration.MigrationPlans.Stay;
import id.puskesos.rujukan.process.ReferralProcess;

/**
 * A new model version and the cases already running (docs/migration.md): the preview counts per activity what moves
 * and what stays, the batch moves exactly the cases that can, their tasks intact, and the others finish on the old
 * version; a case that cannot be migrated when the batch runs is an incident of the batch.
 */
class MigrationScenarioTest extends ScenarioTestSupport {

  private static final String PROBE = "migration-probe";
  private static final AtomicInteger KEYS = new AtomicInteger();

  @Autowired
  private MigrationPlans migrationPlans;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private PlatformTransactionManager transactionManager;

  private final List<String> batches = new ArrayList<>();

  @AfterEach
  void removeTheProbes() {
    batches.stream().filter(id -> managementService.createBatchQuery().batchId(id).count() > 0)
        .forEach(id -> managementService.deleteBatch(id, true));
    repositoryService.createDeploymentQuery().deploymentNameLike(PROBE + "%").list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Test
  void casesAtARenamedTaskMoveWithTheirTaskAndCasesAtARemovedTaskFinishOnTheOldVersion() {
    // given three cases at task_a (one claimed) and two at task_b of version 1
    String key = key();
    ProcessDefinition v1 = deploy(key, task("task_a", "Langkah A") + task("task_b", "Langkah B")
        + task("task_c", "Langkah C"));
    List<String> atA = start(key, 3);
    List<String> atB = start(key, 2);
    atB.forEach(id -> taskService.complete(taskOf(id).getId()));
    Task claimed = taskOf(atA.get(0));
    taskService.setAssignee(claimed.getId(), "fo");
    byte[] v2 = model(key, task("task_aRenamed", "Langkah A (baru)") + task("task_c", "Langkah C"));
    Map<String, String> renames = Map.of("task_a", "task_aRenamed");

    // when the analyst previews version 2
    Preview preview = migrationPlans.preview(v2, renames);

    // then the cases at task_a would move, those at task_b stay, with the reason
    assertThat(preview.processKey()).isEqualTo(key);
    assertThat(preview.sourceDefinitionId()).isEqualTo(v1.getId());
    assertThat(preview.sourceVersion()).isEqualTo(1);
    assertThat(preview.moves()).containsExactly(new Move("task_a", "Langkah A", "task_aRenamed", 3));
    assertThat(preview.stays()).hasSize(1);
    Stay stay = preview.stays().get(0);
    assertThat(stay.activityId()).isEqualTo("task_b");
    assertThat(stay.activityName()).isEqualTo("Langkah B");
    assertThat(stay.instances()).isEqualTo(2);
    assertThat(stay.reason()).contains("tidak ada di versi baru").contains("versi lama");
    assertThat(preview.moving()).isEqualTo(3);
    assertThat(preview.staying()).isEqualTo(2);

    // when version 2 is deployed and the migration's batch runs
    ProcessDefinition deployed = deploy(key, v2);
    Started started = migrationPlans.migrate(v1.getId(), deployed.getId(), renames);
    batches.add(started.batchId());
    assertThat(started.batchId()).isNotNull();
    assertThat(started.preview().moves()).isEqualTo(preview.moves());
    assertThat(started.preview().stays()).isEqualTo(preview.stays());
    runBatch(started.batchId());

    // then the three cases are on version 2 at the renamed task, their tasks the same; the other two on version 1
    Outcome outcome = migrationPlans.outcome(started.batchId(), v1.getId(), deployed.getId());
    assertThat(outcome.migrated()).isEqualTo(3);
    assertThat(outcome.failed()).isZero();
    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.finished()).isTrue();
    for (String id : atA) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
          .getProcessDefinitionId()).isEqualTo(deployed.getId());
      assertThat(taskOf(id).getTaskDefinitionKey()).isEqualTo("task_aRenamed");
    }
    Task moved = taskOf(atA.get(0));
    assertThat(moved.getId()).isEqualTo(claimed.getId());
    assertThat(moved.getAssignee()).isEqualTo("fo");
    assertThat(moved.getProcessDefinitionId()).isEqualTo(deployed.getId());
    for (String id : atB) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
          .getProcessDefinitionId()).isEqualTo(v1.getId());
      assertThat(taskOf(id).getTaskDefinitionKey()).isEqualTo("task_b");
    }
    // and a moved case goes on in version 2
    taskService.complete(moved.getId());
    assertThat(taskOf(atA.get(0)).getTaskDefinitionKey()).isEqualTo("task_c");
  }

  @Test
  void aTaskWhoseNameAloneChangedKeepsItsCasesWithoutAMapping() {
    String key = key();
    ProcessDefinition v1 = deploy(key, task("task_a", "Langkah A") + task("task_c", "Langkah C"));
    List<String> atA = start(key, 2);
    byte[] v2 = model(key, task("task_a", "Periksa berkas") + task("task_c", "Langkah C"));

    Preview preview = migrationPlans.preview(v2, Map.of());
    assertThat(preview.moves()).containsExactly(new Move("task_a", "Langkah A", "task_a", 2));
    assertThat(preview.stays()).isEmpty();

    ProcessDefinition deployed = deploy(key, v2);
    Started started = migrationPlans.migrate(v1.getId(), deployed.getId(), Map.of());
    batches.add(started.batchId());
    runBatch(started.batchId());

    Outcome outcome = migrationPlans.outcome(started.batchId(), v1.getId(), deployed.getId());
    assertThat(outcome.migrated()).isEqualTo(2);
    assertThat(outcome.failed()).isZero();
    assertThat(outcome.finished()).isTrue();
    atA.forEach(id -> assertThat(taskOf(id).getProcessDefinitionId()).isEqualTo(deployed.getId()));
    // the waiting task keeps its name (docs/migration.md); a task created on version 2 has the new one
    assertThat(taskOf(atA.get(0)).getName()).isEqualTo("Langkah A");
    String fresh = start(key, 1).get(0);
    assertThat(taskOf(fresh).getName()).isEqualTo("Periksa berkas");
  }

  @Test
  void aMappingCamundaRefusesKeepsItsCasesWithCamundasReason() {
    // given cases at task_a and at task_b of version 1
    String key = key();
    deploy(key, task("task_a", "Langkah A") + task("task_b", "Langkah B"));
    List<String> atA = start(key, 1);
    List<String> atB = start(key, 1);
    atB.forEach(id -> taskService.complete(taskOf(id).getId()));
    // a candidate where task_a is renamed to an id it does not have, and task_b became a receive task
    byte[] v2 = model(key, task("task_aRenamed", "Langkah A") + "<bpmn:receiveTask id=\"task_b\" name=\"Tunggu\" />");

    Preview preview = migrationPlans.preview(v2, Map.of("task_a", "task_aTypo"));

    assertThat(preview.moves()).isEmpty();
    assertThat(preview.stays()).extracting(Stay::activityId, Stay::instances)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("task_a", 1L),
            org.assertj.core.groups.Tuple.tuple("task_b", 1L));
    assertThat(reason(preview, "task_a")).contains("Camunda menolak memindahkannya ke 'task_aTypo'")
        .contains("langkah tujuannya tidak ada di versi baru").contains("task_aTypo");
    assertThat(reason(preview, "task_b")).contains("Camunda menolak memindahkannya ke 'task_b'")
        .contains("jenis langkahnya berbeda");
    assertThat(atA).hasSize(1);
  }

  private static String reason(Preview preview, String activityId) {
    return preview.stays().stream().filter(s -> s.activityId().equals(activityId)).findFirst().orElseThrow().reason();
  }

  @Test
  void aCaseDeletedBeforeTheBatchRunsIsAnIncidentOfTheBatch() {
    String key = key();
    ProcessDefinition v1 = deploy(key, task("task_a", "Langkah A"));
    List<String> atA = start(key, 2);
    ProcessDefinition v2 = deploy(key, model(key, task("task_a", "Langkah A (baru)")));

    // the case ends in the transaction that creates the batch: before any of its jobs can run
    Started started = new TransactionTemplate(transactionManager).execute(tx -> {
      Started inTransaction = migrationPlans.migrate(v1.getId(), v2.getId(), Map.of());
      runtimeService.deleteProcessInstance(atA.get(1), "probe");
      return inTransaction;
    });
    batches.add(started.batchId());
    assertThat(started.preview().moves()).containsExactly(new Move("task_a", "Langkah A", "task_a", 2));
    runBatchUntil(started.batchId(), () -> !failuresOf(started.batchId(), v1, v2).failures().isEmpty());

    Outcome outcome = failuresOf(started.batchId(), v1, v2);
    assertThat(outcome.migrated()).isEqualTo(1);
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.failures()).singleElement().asString().contains(atA.get(1));
    assertThat(taskOf(atA.get(0)).getProcessDefinitionId()).isEqualTo(v2.getId());
  }

  @Test
  void theApplicationsReferralModelMapsOntoItselfWithATaskRenamed() throws IOException {
    // a case waiting at the needs assessment
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    assertThat(api.task(number, ReferralProcess.TASK_ASSESS_NEEDS)).isNotNull();
    String referral;
    try (InputStream in = getClass().getResourceAsStream("/processes/referral.bpmn")) {
      referral = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(referral).contains("name=\"Asesmen kebutuhan\"");
    byte[] candidate = referral.replace("name=\"Asesmen kebutuhan\"", "name=\"Asesmen kebutuhan rumah tangga\"")
        .getBytes(StandardCharsets.UTF_8);

    Preview preview = migrationPlans.preview(candidate, Map.of());

    assertThat(preview.processKey()).isEqualTo(ReferralProcess.PROCESS_ID);
    assertThat(preview.sourceDefinitionId()).isEqualTo(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ReferralProcess.PROCESS_ID).latestVersion().singleResult().getId());
    assertThat(preview.moves()).anySatisfy(move -> {
      assertThat(move.sourceActivityId()).isEqualTo(ReferralProcess.TASK_ASSESS_NEEDS);
      assertThat(move.targetActivityId()).isEqualTo(ReferralProcess.TASK_ASSESS_NEEDS);
      assertThat(move.sourceActivityName()).isEqualTo("Asesmen kebutuhan");
      assertThat(move.instances()).isPositive();
    });
    assertThat(preview.stays()).as("every activity of the model maps onto itself")
        .allSatisfy(stay -> assertThat(stay.reason()).startsWith("Berjalan pada versi"));
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private Outcome failuresOf(String batchId, ProcessDefinition source, ProcessDefinition target) {
    return migrationPlans.outcome(batchId, source.getId(), target.getId());
  }

  /** Runs the batch's seed, migration and monitor jobs (beside the job executor) until the batch has ended. */
  private void runBatch(String batchId) {
    runBatchUntil(batchId, () -> historyService.createHistoricBatchQuery().batchId(batchId).singleResult()
        .getEndTime() != null);
  }

  private void runBatchUntil(String batchId, java.util.concurrent.Callable<Boolean> done) {
    HistoricBatch historic = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    List<String> definitions = List.of(historic.getSeedJobDefinitionId(), historic.getBatchJobDefinitionId(),
        historic.getMonitorJobDefinitionId());
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (String definition : definitions) {
        for (Job job : managementService.createJobQuery().jobDefinitionId(definition).withRetriesLeft().list()) {
          try {
            managementService.executeJob(job.getId());
          } catch (ProcessEngineException e) {
            // taken by the job executor meanwhile, or the failure the test provokes
          }
        }
      }
      return done.call();
    });
  }

  private List<String> start(String key, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(runtimeService.startProcessInstanceByKey(key).getId());
    }
    return ids;
  }

  private Task taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private static String key() {
    return "migrationProbe" + KEYS.incrementAndGet();
  }

  private ProcessDefinition deploy(String key, String tasks) {
    return deploy(key, model(key, tasks));
  }

  private ProcessDefinition deploy(String key, byte[] bpmn) {
    String deployment = repositoryService.createDeployment().name(PROBE + "-" + key)
        .addInputStream(key + ".bpmn", new java.io.ByteArrayInputStream(bpmn)).deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  private static String task(String id, String name) {
    return "<bpmn:userTask id=\"" + id + "\" name=\"" + name + "\" camunda:candidateGroups=\"fo\" />";
  }

  /** A process of user tasks in a row, between a start and an end event. */
  private static byte[] model(String key, String tasks) {
    StringBuilder flows = new StringBuilder();
    List<String> ids = new ArrayList<>(List.of("start_probe"));
    java.util.regex.Matcher task = java.util.regex.Pattern.compile("id=\"(task_\\w+)\"").matcher(tasks);
    while (task.find()) {
      ids.add(task.group(1));
    }
    ids.add("end_probe");
    for (int i = 0; i + 1 < ids.size(); i++) {
      flows.append("<bpmn:sequenceFlow id=\"flow_").append(i).append("\" sourceRef=\"").append(ids.get(i))
          .append("\" targetRef=\"").append(ids.get(i + 1)).append("\" />");
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_probe"
            targetNamespace="http://puskesos.id/probe">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start_probe" />%s<bpmn:endEvent id="end_probe" />%s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, tasks, flows).getBytes(StandardCharsets.UTF_8);
  }
}
