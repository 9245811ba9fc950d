package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.common.Variable.flag;
import static id.puskesos.rujukan.common.Variable.list;
import static id.puskesos.rujukan.common.Variable.text;
import static id.puskesos.rujukan.common.Variable.wholeNumber;

import java.util.List;

import id.puskesos.rujukan.common.Variable;

/** Names in {@code processes/model-change.bpmn} that code and tests refer to (docs/analyst-guide.md). */
public final class ModelChangeProcess {

  public static final String PROCESS_ID = "model-change";
  public static final String START_CHANGE_SUBMITTED = "start_changeSubmitted";
  public static final String TASK_RUN_CHECKS = "task_runChecks";
  public static final String TASK_SIMULATE_CHANGE = "task_simulateChange";
  public static final String TASK_APPROVE_CHANGE = "task_approveChange";
  public static final String TASK_TALLY_APPROVALS = "task_tallyApprovals";
  public static final String RECEIVE_DEPLOYMENT = "receive_deployment";
  public static final String RECEIVE_REVISION = "receive_revision";
  /** A change that failed its checks or was sent back, not revised within 60 days (the model's timer). */
  public static final String TIMER_REVISION_OVERDUE = "timer_revisionOverdue";
  public static final String TASK_ABANDON_CHANGE = "task_abandonChange";
  public static final String END_CHANGE_ABANDONED = "end_changeAbandoned";
  public static final String TASK_DEPLOY_CHANGE = "task_deployChange";
  public static final String TASK_START_MIGRATION = "task_startMigration";
  public static final String TIMER_MIGRATION_CHECK = "timer_migrationCheck";
  public static final String TASK_CHECK_MIGRATION = "task_checkMigration";
  public static final String END_CHANGE_DEPLOYED = "end_changeDeployed";
  /** The administrator's deployment, correlated by {@code POST /api/model-changes/{number}/deploy}. */
  public static final String MSG_DEPLOY = "msg_modelChangeDeploy";
  /** The analyst's revision after failed checks or a send-back, {@code PUT /api/model-changes/{number}}. */
  public static final String MSG_REVISED = "msg_modelChangeRevised";

  /** The process's variables; the change itself (files, checks, figures, who and when) is in the model_change table. */
  public static final class Variables {
    public static final Variable<String> CHANGE_NUMBER = text("changeNumber");
    public static final Variable<Boolean> CHECKS_PASSED = flag("changeChecksPassed");
    /** What the approvers read on their form: the reason, the checks, the simulation's and migration's figures. */
    public static final Variable<String> CHANGE_SUMMARY = text("changeSummary");
    public static final Variable<Long> SIMULATION_ID = wholeNumber("changeSimulationId");
    /** The groups that approve: the koordinator, and each partner whose programs the change touches. */
    public static final Variable<List<String>> APPROVER_GROUPS = list("changeApproverGroups");
    /** The approval's element variable: the group one approval task is for. */
    public static final Variable<String> APPROVER_GROUP = text("changeApproverGroup");
    /** APPROVE or SEND_BACK, from the approval form. */
    public static final Variable<String> DECISION = text("changeDecision");
    public static final Variable<String> NOTE = text("changeNote");
    public static final Variable<Boolean> APPROVED = flag("changeApproved");
    /** Who asked for the deployment (an administrator), set by the correlation. */
    public static final Variable<String> DEPLOYED_BY = text("changeDeployedBy");
    /** The migration batch of running cases, null when none moves. */
    public static final Variable<String> MIGRATION_BATCH = text("changeMigrationBatch");
    public static final Variable<Boolean> MIGRATION_FINISHED = flag("changeMigrationFinished");

    private Variables() {
    }

    public static List<Variable<?>> all() {
      return Variable.declaredIn(Variables.class);
    }
  }

  private ModelChangeProcess() {
  }
}
