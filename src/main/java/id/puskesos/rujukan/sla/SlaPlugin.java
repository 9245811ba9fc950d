package id.puskesos.rujukan.sla;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.ParseHooks;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.process.CaseVariables;

/**
 * Service levels in the engine: Camunda's due-date calendar counts working days and office hours
 * ({@link WorkingDaysBusinessCalendar}), and every user task gets its due date when it is created, from
 * {@code rujukan.sla} by task and urgency, unless the model gives one.
 */
@Component
public class SlaPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(SlaPlugin.class);

  private final SlaSettings.Policy policy;
  private final WorkingDaysBusinessCalendar calendar;

  public SlaPlugin(SlaSettings.Policy policy, SlaSettings.Calendar settings) {
    this.policy = policy;
    WorkingCalendar working = new WorkingCalendar(settings.holidays(), settings.opens(), settings.closes());
    this.calendar = new WorkingDaysBusinessCalendar(working);
    int year = LocalDate.now(Dates.BANDUNG).getYear();
    for (int y : new int[] {year, year + 1}) {
      if (working.daysOffListed(y) < 15) {
        // a year's SKB has some twenty-five days off: a shorter list is waiting for its religious holidays
        LOG.warn("The holiday list for {} in rujukan.calendar.holidays has {} days: add the national holidays and "
            + "cuti bersama of that year's SKB 3 Menteri", y, working.daysOffListed(y));
      }
    }
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

  /** Sets the task's due date from its service level, unless the model gave one. */
  private void setDueDate(DelegateTask task) {
    if (task.getDueDate() == null) {
      boolean urgent = CaseVariables.URGENT.get(task);
      task.setDueDate(calendar.resolveDuedate(policy.of(task.getTaskDefinitionKey(), urgent), task.getCreateTime()));
    }
  }
}
