package id.puskesos.rujukan.sla;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ParseHooks;

/**
 * A task's due date is its service level's. A signed-in user (Tasklist's "x" or date picker, {@code PUT
 * /engine-rest/task/{id}}, any Java caller) may bring it forward, but never remove it nor move it past what the
 * service level gives: {@code rujukan.sla} by task and urgency from the task's creation on the calendar in force, or
 * the date the model gives; a date later than that already (moved by a calendar change) may stay. A task without a
 * due date would never be late, never escalate and never appear on the board. Refused whole, with the reason in
 * Indonesian (REST: 400); the engine's own changes (the calendar's recompute, {@link DueDateRecompute}) run without a
 * signed-in user and are not concerned.
 */
@Component
public class DueDateGuard extends AbstractProcessEnginePlugin {

  /** A refused due-date change: a bad request, whoever makes it. */
  public static class DueDateRefused extends BadUserRequestException {
    private static final long serialVersionUID = 1L;

    DueDateRefused(String message) {
      super(message);
    }
  }

  /** Slack for a date picker's rounding: a date within this of the limit counts as the limit. */
  private static final long SLACK_MILLIS = 60_000;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm",
      Locale.forLanguageTag("id-ID"));

  private final SlaPlugin levels;
  private final SlaSettings.Policy policy;

  public DueDateGuard(SlaPlugin levels, SlaSettings.Policy policy) {
    this.levels = levels;
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseHooks.onUserTask(configuration, (activity, definition) ->
        definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, this::check));
    // the engine wraps what a task listener throws; the caller is told the reason, not "exception in a listener"
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Unwrap());
  }

  private void check(DelegateTask delegate) {
    if (Context.getCommandContext() == null || Context.getCommandContext().getAuthentication() == null
        || !(delegate instanceof TaskEntity task)) {
      return;
    }
    PropertyChange change = task.getPropertyChanges().get(TaskEntity.DUE_DATE);
    if (change == null) {
      return;
    }
    Date before = (Date) change.getOrgValue();
    Date after = (Date) change.getNewValue();
    if (after == null && before != null) {
      throw new DueDateRefused("Batas waktu tugas \"%s\" mengikuti standar layanan dan tidak dapat dihapus"
          .formatted(task.getName()));
    }
    Date limit = limit(task, before);
    if (after != null && limit != null && after.getTime() > limit.getTime() + SLACK_MILLIS) {
      throw new DueDateRefused(("Batas waktu tugas \"%s\" mengikuti standar layanan: paling lambat %s; tanggal "
          + "boleh dimajukan, tidak boleh diundur").formatted(task.getName(),
              SHOWN.format(limit.toInstant().atZone(Dates.BANDUNG))));
    }
  }

  /** The latest due date allowed: the service level's, or the task's date as it stood when that is later. */
  private Date limit(TaskEntity task, Date before) {
    Date level = null;
    if (task.getTaskDefinition() != null && task.getTaskDefinition().getDueDateExpression() == null
        && task.getCreateTime() != null) {
      level = levels.dueAfter(policy.of(task.getTenantId(), task.getTaskDefinitionKey(), CaseVariables.URGENT.get(task)),
          task.getCreateTime(), task.getTenantId());
    }
    if (level == null || (before != null && before.after(level))) {
      return before;
    }
    return level;
  }

  /** Passes a refused due-date change to the caller as it was thrown. */
  private static final class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth < 8; cause = cause.getCause(), depth++) {
          if (cause instanceof DueDateRefused refused) {
            throw refused;
          }
        }
        throw e;
      }
    }
  }
}
