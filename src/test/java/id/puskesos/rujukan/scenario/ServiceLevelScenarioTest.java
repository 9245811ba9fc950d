package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every user task is due by its service level on the working calendar, through the engine's own due-date calendar
 * (which timers use as well), and a late task shows in the "Terlambat" filter of its group.
 */
class ServiceLevelScenarioTest extends ScenarioTestSupport {

  @Autowired
  private ProcessEngine engine;

  @Test
  void tasksAreDueByTheirServiceLevelInWorkingDaysOrOfficeHoursForUrgentCases() {
    String normal = api.openCase("FOOD");
    Map<String, Object> urgentIntake = CaseApi.intake("FOOD");
    urgentIntake.put("urgent", true);
    String urgent = api.submitIntake("fo", urgentIntake).getBody().get("referralNumber").asText();

    Task normalVisit = api.task(normal, "task_homeVisit");
    Task urgentVisit = api.task(urgent, "task_homeVisit");

    assertThat(normalVisit.getDueDate()).isEqualTo(dueDate("3WD", normalVisit.getCreateTime()))
        .isAfter(normalVisit.getCreateTime());
    assertThat(urgentVisit.getDueDate()).isEqualTo(dueDate("4WH", urgentVisit.getCreateTime()))
        .isBefore(normalVisit.getDueDate());
    assertThat(api.view(normal).get("openTasks").get(0).get("due").isNull()).isFalse();
    api.verifyValid(normal);
    Task assessment = api.task(normal, "task_assessNeeds");
    assertThat(assessment.getDueDate()).isEqualTo(dueDate("3WD", assessment.getCreateTime()));
  }

  @Test
  void aLateTaskShowsInItsGroupsTerlambatFilter() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    visit.setDueDate(new Date(System.currentTimeMillis() - 60_000));
    taskService.saveTask(visit);

    JsonNode late = api.filterList("fasilitator", "Terlambat");

    assertThat(late.toString()).contains(visit.getId());
    assertThat(api.filterList("fasilitator", "Jatuh tempo hari ini").toString()).doesNotContain(visit.getId());
    assertThat(api.filterList("bo", "Terlambat").toString()).doesNotContain(visit.getId());
  }

  private Date dueDate(String serviceLevel, Date created) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager()
        .getBusinessCalendar("dueDate").resolveDuedate(serviceLevel, created);
  }
}
