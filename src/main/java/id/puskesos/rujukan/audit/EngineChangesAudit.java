package id.puskesos.rujukan.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;

/**
 * Changes to who may do what and to the deployed models go into the audit trail, in the transaction that makes them:
 * deployments and their deletion, process definitions deleted, authorizations, group and tenant memberships, users,
 * groups and tenants created, changed, deleted or unlocked.
 *
 * <p>The source is Camunda's user operation log: the engine writes an entry for each of these commands with the
 * signed-in user and what changed (one entry per property), and hands it to the history event handler, which this
 * plugin wraps (whatever handler the other plugins set). The trail takes those entries, one row per operation, and
 * adds the client's address. The user operation log itself ({@code ACT_HI_OP_LOG}) is not the trail: it has no client
 * address and no refused attempts, is read with history permissions rather than by the administrator only, and
 * follows the history's retention.
 *
 * <p>The engine writes these entries only when a user is signed in. An identity or authorization change made with
 * nobody signed in (an expression in a deployed model run by a timer job, a script) is logged too: an interceptor
 * lifts that restriction for those commands. Not the changes the application makes on its own account with the
 * authorization checks off ({@code security.CaseAccess}: a partner's grant on a partner referral), nor deployments at
 * start-up, which are the release's own models.
 */
@Component
public class EngineChangesAudit extends AbstractProcessEnginePlugin {

  /** The operations recorded, by Camunda's entity type. */
  private static final Map<String, Set<String>> RECORDED = Map.of(
      EntityTypes.DEPLOYMENT, Set.of(UserOperationLogEntry.OPERATION_TYPE_CREATE,
          UserOperationLogEntry.OPERATION_TYPE_DELETE),
      EntityTypes.PROCESS_DEFINITION, Set.of(UserOperationLogEntry.OPERATION_TYPE_DELETE),
      EntityTypes.AUTHORIZATION, Set.of(),
      EntityTypes.GROUP_MEMBERSHIP, Set.of(),
      EntityTypes.TENANT_MEMBERSHIP, Set.of(),
      EntityTypes.USER, Set.of(),
      EntityTypes.GROUP, Set.of(),
      EntityTypes.TENANT, Set.of());
  private static final Map<String, String> NAMES = Map.of(EntityTypes.DEPLOYMENT, "DEPLOYMENT",
      EntityTypes.PROCESS_DEFINITION, "PROCESS_DEFINITION", EntityTypes.AUTHORIZATION, "AUTHORIZATION",
      EntityTypes.GROUP_MEMBERSHIP, "MEMBERSHIP", EntityTypes.TENANT_MEMBERSHIP, "TENANT_MEMBERSHIP",
      EntityTypes.USER, "USER", EntityTypes.GROUP, "GROUP", EntityTypes.TENANT, "TENANT");
  /** Identity and authorization commands logged even with nobody signed in. */
  private static final Set<Class<?>> WITHOUT_USER = Set.of(CreateMembershipCmd.class, DeleteMembershipCmd.class,
      CreateTenantUserMembershipCmd.class, CreateTenantGroupMembershipCmd.class,
      DeleteTenantUserMembershipCmd.class, DeleteTenantGroupMembershipCmd.class, SaveAuthorizationCmd.class,
      DeleteAuthorizationCmd.class, SaveUserCmd.class, DeleteUserCmd.class, SaveGroupCmd.class, DeleteGroupCmd.class,
      SaveTenantCmd.class, DeleteTenantCmd.class, UnlockUserCmd.class);

  private final AuditTrail trail;
  private final ThreadLocal<Pending> pending = new ThreadLocal<>();

  public EngineChangesAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new LogWithoutUser());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Recording(configuration.getHistoryEventHandler()));
  }

  /** The user operation log entries of one engine transaction, one row per operation, written as it commits. */
  private final class Pending {
    final CommandContext context;
    final Map<String, Operation> operations = new LinkedHashMap<>();

    Pending(CommandContext context) {
      this.context = context;
    }
  }

  private static final class Operation {
    String entityType;
    String type;
    String user;
    String deploymentId;
    String client;
    boolean onApplicationsAccount;
    final Map<String, String[]> properties = new LinkedHashMap<>();
    /** What the deployment holds, taken when the entry is written: a deleted one is gone by the commit. */
    String deploymentSummary;
  }

  private final class Recording implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    Recording(HistoryEventHandler delegate) {
      this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      delegate.handleEvent(event);
      if (event instanceof UserOperationLogEntryEventEntity entry && recorded(entry)) {
        collect(entry);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  private static boolean recorded(UserOperationLogEntryEventEntity entry) {
    Set<String> operations = RECORDED.get(entry.getEntityType());
    return operations != null && (operations.isEmpty() || operations.contains(entry.getOperationType()));
  }

  private void collect(UserOperationLogEntryEventEntity entry) {
    CommandContext context = Context.getCommandContext();
    Pending current = pending.get();
    if (current == null || current.context != context) {
      Pending fresh = new Pending(context);
      pending.set(fresh);
      current = fresh;
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, c -> flush(fresh));
      context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, c -> pending.remove());
    }
    Operation operation = current.operations.computeIfAbsent(entry.getOperationId(), id -> new Operation());
    if (operation.entityType == null) {
      operation.entityType = entry.getEntityType();
      operation.type = entry.getOperationType();
      operation.user = entry.getUserId();
      operation.deploymentId = entry.getDeploymentId();
      operation.client = AuditFilter.clientAddress();
      operation.onApplicationsAccount = !context.isAuthorizationCheckEnabled();
      if (operation.deploymentId != null) {
        // still there when its deletion is logged; the one just made (or found the same) when a deployment is
        DeploymentEntity deployment = context.getDeploymentManager().findDeploymentById(operation.deploymentId);
        operation.deploymentSummary = deployment == null ? null : summary(deployment, operation.type);
      }
    }
    if (entry.getProperty() != null) {
      operation.properties.put(entry.getProperty(), new String[] {entry.getOrgValue(), entry.getNewValue()});
    }
  }

  private void flush(Pending done) {
    if (pending.get() == done) {
      pending.remove();
    }
    for (Operation operation : done.operations.values()) {
      trail.record(operation.user, operation.client, NAMES.get(operation.entityType) + "_"
          + operation.type.toUpperCase(), target(operation), null, detail(operation));
    }
  }

  private static String target(Operation op) {
    return switch (op.entityType) {
      case EntityTypes.DEPLOYMENT -> "deployment " + op.deploymentId;
      case EntityTypes.GROUP_MEMBERSHIP -> "user " + value(op, "userId") + " in group " + value(op, "groupId");
      case EntityTypes.TENANT_MEMBERSHIP -> (value(op, "userId") != null ? "user " + value(op, "userId")
          : "group " + value(op, "groupId")) + " in tenant " + value(op, "tenantId");
      case EntityTypes.AUTHORIZATION -> "authorization on " + value(op, "resource") + " " + value(op, "resourceId");
      case EntityTypes.USER -> "user " + value(op, "userId");
      case EntityTypes.GROUP -> "group " + value(op, "groupId");
      case EntityTypes.TENANT -> "tenant " + value(op, "tenantId");
      default -> op.entityType.toLowerCase() + " " + (op.deploymentId == null ? "" : op.deploymentId);
    };
  }

  private static String detail(Operation op) {
    List<String> parts = new ArrayList<>();
    if (op.user == null) {
      parts.add("no signed-in user (the engine: a job, a model's expression, start-up)");
    } else if (op.onApplicationsAccount) {
      parts.add("by the application on the user's request");
    }
    if (op.deploymentSummary != null) {
      parts.add(op.deploymentSummary);
    }
    op.properties.forEach((name, values) -> {
      if (!"permissionBits".equals(name)) {
        parts.add(name + "=" + values[1] + (values[0] == null || values[0].equals(values[1]) ? ""
            : " (was " + values[0] + ")"));
      }
    });
    return String.join("; ", parts);
  }

  private static String summary(DeploymentEntity deployment, String operationType) {
    String summary = "name=" + deployment.getName() + "; resources=" + new TreeSet<>(deployment.getResources()
        .keySet());
    if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operationType) && !deployment.isNew()) {
      summary += "; nothing new: the same resources were deployed already";
    }
    return summary;
  }

  private static String value(Operation op, String property) {
    String[] values = op.properties.get(property);
    return values == null ? null : values[1] != null ? values[1] : values[0];
  }

  /**
   * Lets the engine log the identity and authorization commands in {@link #WITHOUT_USER} when nobody is signed in,
   * unless the application runs them on its own account (authorization checks off).
   */
  private static final class LogWithoutUser extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (!WITHOUT_USER.contains(command.getClass()) || context == null || context.getAuthenticatedUserId() != null
          || !context.isAuthorizationCheckEnabled() || !context.isRestrictUserOperationLogToAuthenticatedUsers()) {
        return next.execute(command);
      }
      context.setRestrictUserOperationLogToAuthenticatedUsers(false);
      try {
        return next.execute(command);
      } finally {
        context.setRestrictUserOperationLogToAuthenticatedUsers(true);
      }
    }
  }
}
