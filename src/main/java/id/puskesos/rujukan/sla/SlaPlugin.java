package id.puskesos.rujukan.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.ParseHooks;
import id.puskesos.rujukan.process.CaseVariables;

/**
 * Service levels in the engine: Camunda's due-date calendar counts working days and office hours
 * ({@link WorkingDaysBusinessCalendar}) on the calendar in force ({@link CurrentCalendar}), and every user task gets
 * its due date when it is created, from {@code rujukan.sla} by task and urgency, unless the model gives one.
 */
@Component
public class SlaPlugin extends AbstractProcessEnginePlugin {

  private final SlaSettings.Policy policy;
  private final WorkingDaysBusinessCalendar calendar;

  public SlaPlugin(SlaSettings.Policy policy, CurrentCalendar current) {
    this.policy = policy;
    this.calendar = new WorkingDaysBusinessCalendar(current);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, calendar);
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
    ParseHooks.onUserTask(configuration, (activity, definition) ->
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, SlaPlugin.this::setDueDate));
  }

  /** When a service level that starts now ends: {@code 15WD}, {@code 4WH} or an ISO-8601 duration. */
  public java.util.Date dueAfter(String level, java.util.Date start) {
    return calendar.resolveDuedate(level, start);
  }

  /** The same for a Puskesos's work, by its own office hours ({@code tenantId}, null for the city's). */
  public java.util.Date dueAfter(String level, java.util.Date start, String tenantId) {
    return calendar.resolveDuedate(level, start, tenantId);
  }

  /** Sets the task's due date from its service level, unless the model gave one. */
  private void setDueDate(DelegateTask task) {
    if (task.getDueDate() == null) {
      boolean urgent = CaseVariables.URGENT.get(task);
      task.setDueDate(calendar.resolveDuedate(policy.of(task.getTenantId(), task.getTaskDefinitionKey(), urgent),
          task.getCreateTime(), task.getTenantId()));
    }
  }
}
