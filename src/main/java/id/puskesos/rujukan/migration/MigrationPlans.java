package id.puskesos.rujukan.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Service;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * Running cases follow a model change deliberately (docs/migration.md): before a new version of a process is deployed,
 * the preview says how many running instances per activity would move to which activity of the new version, and which
 * stay and why; once it is deployed, the instances that can move are migrated as one Camunda batch, whose failures are
 * incidents; the others finish on their old version.
 *
 * <p>Runs as the application, whoever is signed in: the caller decides who may preview and migrate. Every method reads
 * or moves all cases of a process key.
 */
@Service
public class MigrationPlans {

  /** Instances at one activity of the running version that would move, to which activity of the candidate. */
  public record Move(String sourceActivityId, String sourceActivityName, String targetActivityId, long instances) {
  }

  /** Instances at an activity that cannot move, and why (Indonesian sentence for the koordinator). */
  public record Stay(String activityId, String activityName, long instances, String reason) {
  }

  /** sourceDefinitionId: the latest deployed version of the key (null when nothing runs / first deployment). */
  public record Preview(String processKey, String sourceDefinitionId, Integer sourceVersion, List<Move> moves,
      List<Stay> stays) {

    public Preview {
      moves = List.copyOf(moves);
      stays = List.copyOf(stays);
    }

    /** Instance-activities that move (an instance waiting in two activities counts at both). */
    public long moving() {
      return moves.stream().mapToLong(Move::instances).sum();
    }

    /** Instance-activities that stay on their version. */
    public long staying() {
      return stays.stream().mapToLong(Stay::instances).sum();
    }
  }

  /** The batch that migrates (null when no instance moves) and the preview it ran, on the deployed target. */
  public record Started(String batchId, Preview preview) {
  }

  /**
   * Once the batch has run: instances migrated, instances that failed (each failure is a Camunda incident on the
   * batch's job, one instance per job: {@link OneCasePerMigrationJob}), whether the batch is finished.
   */
  public record Outcome(String batchId, long migrated, long failed, boolean finished, List<String> failures) {

    public Outcome {
      failures = List.copyOf(failures);
    }
  }

  private final ProcessEngine processEngine;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final CaseAccess caseAccess;
  private final PlanCheckEngine checkEngine;
  private final RunningCases runningCases;

  MigrationPlans(ProcessEngine processEngine, CaseAccess caseAccess, PlanCheckEngine checkEngine,
      RunningCases runningCases) {
    this.processEngine = processEngine;
    this.repositoryService = processEngine.getRepositoryService();
    this.runtimeService = processEngine.getRuntimeService();
    this.managementService = processEngine.getManagementService();
    this.historyService = processEngine.getHistoryService();
    this.caseAccess = caseAccess;
    this.checkEngine = checkEngine;
    this.runningCases = runningCases;
  }

  /** renames: old activity id -> new activity id given by the analyst (may be empty). candidateBpmn: the new XML. */
  public Preview preview(byte[] candidateBpmn, Map<String, String> renames) {
    Map<String, String> given = renames == null ? Map.of() : Map.copyOf(renames);
    return caseAccess.withoutAuthorization(() -> {
      AtomicReference<ProcessDefinition> running = new AtomicReference<>();
      Checked checked = checkEngine.check(candidateBpmn, key -> {
        running.set(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
            .singleResult());
        return running.get() == null ? null : model(running.get().getId());
      }, deployed -> new Checked(deployed.processKey(), deployed.source() == null ? null
          : Mapping.of(deployed.engine(), deployed.source().getId(), deployed.candidate().getId(), given)));
      if (checked.mapping() == null) {
        return new Preview(checked.processKey(), null, null, List.of(), List.of());
      }
      return runningCases.tally(running.get(), checked.mapping()).preview();
    });
  }

  /**
   * After the candidate is deployed as targetDefinitionId: migrates, as one Camunda batch, every instance of
   * sourceDefinitionId whose active activities are all mapped; returns the batch id (null when no instance moves) with
   * the preview it ran.
   *
   * <p>Custom listeners are not skipped: migrating a waiting task or event fires none of its listeners (the task,
   * its assignee and due date stay as they are), and where the migration ends or creates a scope (a sub-process
   * added around a task), the model's own listeners record it as a case that walked there would. Event triggers are
   * not updated ({@link Mapping}).
   */
  public Started migrate(String sourceDefinitionId, String targetDefinitionId, Map<String, String> renames) {
    Map<String, String> given = renames == null ? Map.of() : Map.copyOf(renames);
    return caseAccess.withoutAuthorization(() -> {
      ProcessDefinition source = definition(sourceDefinitionId);
      ProcessDefinition target = definition(targetDefinitionId);
      if (!source.getKey().equals(target.getKey()) || source.getId().equals(target.getId())) {
        throw new InvalidInputException("targetDefinitionId", "Versi tujuan harus versi lain dari proses yang sama ("
            + source.getKey() + ").");
      }
      Mapping mapping = Mapping.of(processEngine, source.getId(), target.getId(), given);
      RunningCases.Tally tally = runningCases.tally(source, mapping);
      if (tally.movable().isEmpty()) {
        return new Started(null, tally.preview());
      }
      Batch batch = runtimeService.newMigration(mapping.plan()).processInstanceIds(tally.movable()).executeAsync();
      return new Started(batch.getId(), tally.preview());
    });
  }

  /**
   * Once the batch has run: migrated counts the instances now on the target that were started before the target was
   * deployed (so came there by migration), finished or not; failed counts the incidents of the batch's migration
   * jobs; failures are the messages of every incident of the batch's jobs (model ids and instance ids, no personal
   * data).
   */
  public Outcome outcome(String batchId, String sourceDefinitionId, String targetDefinitionId) {
    return caseAccess.withoutAuthorization(() -> {
      Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
      HistoricBatch historic = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
      if (batch == null && historic == null) {
        throw new NotFoundException("Batch migrasi " + batchId + " tidak ditemukan.");
      }
      definition(sourceDefinitionId);
      ProcessDefinition target = definition(targetDefinitionId);
      Date deployed = repositoryService.createDeploymentQuery().deploymentId(target.getDeploymentId()).singleResult()
          .getDeploymentTime();
      long migrated = historyService.createHistoricProcessInstanceQuery().processDefinitionId(target.getId())
          .startedBefore(deployed).count();
      String migrationJobs = batch != null ? batch.getBatchJobDefinitionId() : historic.getBatchJobDefinitionId();
      List<String> failures = new ArrayList<>();
      long failed = 0;
      for (String jobDefinition : batch != null
          ? List.of(batch.getSeedJobDefinitionId(), migrationJobs, batch.getMonitorJobDefinitionId())
          : List.of(historic.getSeedJobDefinitionId(), migrationJobs, historic.getMonitorJobDefinitionId())) {
        for (Incident incident : runtimeService.createIncidentQuery().jobDefinitionIdIn(jobDefinition).list()) {
          failures.add(incident.getIncidentMessage());
          failed += jobDefinition.equals(migrationJobs) ? 1 : 0;
        }
      }
      boolean finished = batch == null && historic != null && historic.getEndTime() != null;
      return new Outcome(batchId, migrated, failed, finished, failures);
    });
  }

  private ProcessDefinition definition(String id) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionId(id)
        .singleResult();
    if (definition == null) {
      throw new NotFoundException("Versi proses " + id + " tidak ditemukan.");
    }
    return definition;
  }

  private byte[] model(String definitionId) {
    try (InputStream model = repositoryService.getProcessModel(definitionId)) {
      return model.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The candidate's process key, and its mapping from the running version (null when none is deployed). */
  private record Checked(String processKey, Mapping mapping) {
  }
}
