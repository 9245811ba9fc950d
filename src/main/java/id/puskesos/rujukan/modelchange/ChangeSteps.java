package id.puskesos.rujukan.modelchange;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.migration.MigrationPlans;
import id.puskesos.rujukan.simulation.Simulation;
import id.puskesos.rujukan.simulation.WhatIf;

/** The automatic steps of {@code processes/model-change.bpmn}, one method per service task. */
@Service
@Transactional
public class ChangeSteps {

  /** The source of the live deployments made by a change, as Cockpit shows it. */
  public static final String DEPLOYMENT_SOURCE = "perubahan-aturan";

  private final ModelChangeStore store;
  private final ModelChangeChecks checks;
  private final ChangeTargets targets;
  private final WhatIf whatIf;
  private final MigrationPlans migrationPlans;
  private final ProgramCatalogue catalogue;
  private final Budgets budgets;
  private final RepositoryService repositoryService;
  private final Clock clock;

  public ChangeSteps(ModelChangeStore store, ModelChangeChecks checks, ChangeTargets targets, WhatIf whatIf,
      MigrationPlans migrationPlans, ProgramCatalogue catalogue, Budgets budgets, RepositoryService repositoryService,
      Clock clock) {
    this.store = store;
    this.checks = checks;
    this.targets = targets;
    this.whatIf = whatIf;
    this.migrationPlans = migrationPlans;
    this.catalogue = catalogue;
    this.budgets = budgets;
    this.repositoryService = repositoryService;
    this.clock = clock;
  }

  /** {@code task_runChecks}: runs every check and records it with the version the change is made against. */
  public boolean runChecks(String number) {
    long id = ModelChange.id(number);
    ModelChange change = store.get(id);
    Map<String, byte[]> files = store.files(id);
    String key = targets.key(change.kind(), files);
    List<ChangeCheck> results = new ArrayList<>(checks.check(change.kind(), files,
        targets.baseForms(change.kind(), key)));
    if (change.kind() == ChangeKind.BUDGET) {
      results.add(ChangeCheck.of("Program dan periode", budgetProblems(change)));
    }
    boolean passed = results.stream().noneMatch(ChangeCheck::failed);
    store.recordChecks(id, results, passed, key, targets.latestVersion(change.kind(), key));
    return passed;
  }

  private List<String> budgetProblems(ModelChange change) {
    List<String> problems = new ArrayList<>();
    for (ChangeRequest.TopUpRequest topUp : change.topUps()) {
      catalogue.findProgram(topUp.programCode()).ifPresentOrElse(program -> {
        if (!program.budgeted()) {
          problems.add("Program %s tidak memakai anggaran di sini".formatted(program.code()));
        } else if (!program.budgetPeriod().of(firstDay(topUp.period())).equals(topUp.period())) {
          problems.add("Periode '%s' bukan periode %s program %s (contoh: %s)".formatted(topUp.period(),
              program.budgetPeriod().label(), program.code(), program.budgetPeriod().of(LocalDate.now(clock.withZone(Dates.BANDUNG)))));
        }
      }, () -> problems.add("Program %s tidak ada di katalog".formatted(topUp.programCode())));
    }
    return problems;
  }

  /** The first day a period's name names (2026-11, 2026-Q4, 2026), or a day that matches no period. */
  private static LocalDate firstDay(String period) {
    try {
      if (period.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(period).atDay(1);
      }
      if (period.matches("\\d{4}-Q[1-4]")) {
        return LocalDate.of(Integer.parseInt(period.substring(0, 4)),
            (period.charAt(6) - '1') * 3 + 1, 1);
      }
      if (period.matches("\\d{4}")) {
        return LocalDate.of(Integer.parseInt(period), 1, 1);
      }
    } catch (DateTimeException invalid) {
      // falls through
    }
    return LocalDate.of(1, 1, 1);
  }

  /**
   * {@code task_simulateChange}: a table or budget change is replayed on the past period ({@link WhatIf}); a BPMN
   * change gets its migration preview. Returns what the approvers need: the simulation, the groups and the summary.
   */
  public Simulated simulate(String number) {
    long id = ModelChange.id(number);
    ModelChange change = store.get(id);
    Map<String, byte[]> files = store.files(id);
    Set<String> programs = new LinkedHashSet<>();
    Simulation simulation = null;
    MigrationPlans.Preview preview = null;
    switch (change.kind()) {
      case TABLE -> {
        byte[] table = files.entrySet().stream().filter(e -> e.getKey().endsWith(".dmn")).findFirst().orElseThrow()
            .getValue();
        programs.addAll(ChangeTargets.touchedPrograms(targets.latestTableXml(change.targetKey()), table));
        simulation = whatIf.run(new WhatIf.Request(change.simulateFrom(), change.simulateTo(), table, List.of(), id),
            change.submittedBy());
      }
      case BUDGET -> {
        change.topUps().forEach(topUp -> programs.add(topUp.programCode()));
        simulation = whatIf.run(new WhatIf.Request(change.simulateFrom(), change.simulateTo(), null,
            change.topUps().stream().map(t -> new WhatIf.TopUp(t.programCode(), t.period(), t.amount())).toList(),
            id), change.submittedBy());
      }
      case MODEL -> preview = migrationPlans.preview(files.entrySet().stream()
          .filter(e -> e.getKey().endsWith(".bpmn")).findFirst().orElseThrow().getValue(), change.renames());
      default -> throw new IllegalStateException();
    }
    Long simulationId = simulation == null ? null : simulation.id();
    store.recordSimulation(id, simulationId, preview);
    List<String> groups = new ArrayList<>(List.of(Groups.KOORDINATOR));
    programs.stream().map(catalogue::findProgram).flatMap(Optional::stream).map(catalogue::partnerOf)
        .map(Partner::group).filter(g -> !groups.contains(g)).forEach(groups::add);
    return new Simulated(simulationId, groups, ChangeSummary.of(store.get(id), programs,
        simulation == null ? null : simulation.report(), preview));
  }

  /** What {@link #simulate} gives the approval step. */
  public record Simulated(Long simulationId, List<String> approverGroups, String summary) {
  }

  /** The approval form's decision of one approver group, on the change's current revision. */
  public void recordApproval(String number, String group, String decision, String note, String actor) {
    ModelChange change = store.get(ModelChange.id(number));
    store.recordApproval(ModelChange.id(number), change.revision(), group, decision,
        note == null || note.isBlank() ? null : note.strip(), actor, clock.instant());
  }

  /** {@code task_tallyApprovals}: approved when every group approved this revision; otherwise sent back. */
  public boolean tally(String number, List<String> groups) {
    ModelChange change = store.get(ModelChange.id(number));
    List<ModelChange.Approval> decisions = change.approvals().stream()
        .filter(a -> a.revision() == change.revision()).toList();
    boolean approved = groups.stream().allMatch(group -> decisions.stream()
        .anyMatch(a -> a.group().equals(group) && ApprovalDecision.APPROVE.name().equals(a.decision())));
    store.setStatus(ModelChange.id(number), approved ? ChangeStatus.APPROVED : ChangeStatus.SENT_BACK);
    return approved;
  }

  /**
   * {@code task_deployChange}: deploys the approved change as the administrator asked, over the version it was made
   * against only (409 otherwise: a newer version would be silently undone).
   */
  public void deploy(String number, String actor) {
    long id = ModelChange.id(number);
    ModelChange change = store.get(id);
    Integer now = targets.latestVersion(change.kind(), change.targetKey());
    if (!Objects.equals(now, change.baseVersion())) {
      throw new ConflictException(("Perubahan %s dibuat atas versi %s dari %s, tetapi kini yang berlaku versi %s: "
          + "ajukan ulang atas versi yang berlaku").formatted(number, change.baseVersion(), change.targetKey(), now));
    }
    String deploymentId = null;
    Integer version = null;
    if (change.kind() == ChangeKind.BUDGET) {
      change.topUps().forEach(t -> budgets.topUp(catalogue.program(t.programCode()), t.period(), t.amount(), actor,
          "Perubahan aturan " + number));
    } else {
      DeploymentBuilder deployment = repositoryService.createDeployment().name(number).source(DEPLOYMENT_SOURCE);
      Map<String, byte[]> files = new LinkedHashMap<>(store.files(id));
      targets.baseForms(change.kind(), change.targetKey()).forEach(files::putIfAbsent);
      files.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
      DeploymentWithDefinitions deployed = deployment.deployWithResult();
      deploymentId = deployed.getId();
      version = change.kind() == ChangeKind.TABLE ? deployed.getDeployedDecisionDefinitions().get(0).getVersion()
          : deployed.getDeployedProcessDefinitions().get(0).getVersion();
    }
    if (store.recordDeployment(id, actor, clock.instant(), deploymentId, version) == 0) {
      throw new ConflictException("Perubahan %s sudah di-deploy".formatted(number));
    }
  }

  /**
   * {@code task_startMigration}, after the deployment committed: moves the running cases of the version a BPMN
   * change replaced, as one batch ({@link MigrationPlans#migrate}). Returns the batch, null when nothing moves.
   */
  public String startMigration(String number) {
    long id = ModelChange.id(number);
    ModelChange change = store.get(id);
    if (change.kind() != ChangeKind.MODEL || change.baseVersion() == null) {
      return null;
    }
    String batch = migrationPlans.migrate(targets.model(change.targetKey(), change.baseVersion()).getId(),
        targets.model(change.targetKey(), change.deployedVersion()).getId(), change.renames()).batchId();
    store.recordMigrationBatch(id, batch);
    return batch;
  }

  /** {@code task_abandonChange}: the change waited too long for its revision and is closed. */
  public void abandon(String number) {
    store.abandon(ModelChange.id(number));
  }

  /** {@code task_checkMigration}: records how the migration batch went; true once it has finished. */
  public boolean checkMigration(String number) {
    long id = ModelChange.id(number);
    ModelChange change = store.get(id);
    ProcessDefinition base = targets.model(change.targetKey(), change.baseVersion());
    ProcessDefinition target = targets.model(change.targetKey(), change.deployedVersion());
    MigrationPlans.Outcome outcome = migrationPlans.outcome(change.migrationBatch(), base.getId(), target.getId());
    store.recordMigrationOutcome(id, outcome);
    return outcome.finished();
  }
}
