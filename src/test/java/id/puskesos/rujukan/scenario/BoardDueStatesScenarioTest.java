package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.process.ReferralProcess;

/**
 * The board's due-today and at-risk counts beside the late ones, per stage and per partner, on the office calendar.
 * The engine's clock stands on Monday 15 June 2026, 10:00 WIB (job executor paused meanwhile): Tuesday 16 June is a
 * national holiday (1 Muharam), so one working day from then is Wednesday 17 June, 10:00. One task is moved through
 * the states by its due date; each board is compared with the one where that task is on time, so the other tests'
 * open tasks do not matter.
 */
class BoardDueStatesScenarioTest extends ScenarioTestSupport {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-15T10:00:00+07:00");
  private static final String PUSKESOS = "Puskesos";
  private static final String SALMAN = "Rumah Amal Salman";
  private static final String LEBAK_SILIWANGI = "3273021006";

  @Autowired
  private ProcessEngine engine;

  @Test
  void aTaskCountsAsLateDueTodayAtRiskOrOnTimeByItsDueDateOnTheOfficeCalendar() {
    Task visit = api.task(api.openCase("FOOD"), ReferralProcess.TASK_HOME_VISIT);
    Date shipped = visit.getDueDate();
    Task partnerWork = taskService.newTask();
    partnerWork.setName("Periksa data penerima");
    partnerWork.setTenantId(LEBAK_SILIWANGI); // a task of Lebak Siliwangi's: its board counts it
    taskService.saveTask(partnerWork);
    taskService.addCandidateGroup(partnerWork.getId(), "salman");
    JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobs.shutdown();
    try {
      ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
      due(visit, "2026-06-22T10:00:00+07:00");
      due(partnerWork, "2026-06-22T10:00:00+07:00");
      JsonNode onTime = api.get("manajer", "/api/board").getBody().get("dueStates");
      assertThat(onTime.get("window").get("dueTodayUntil").asText()).isEqualTo("2026-06-16T00:00:00+07:00");
      assertThat(onTime.get("window").get("atRiskUntil").asText()).as("Tuesday is 1 Muharam")
          .isEqualTo("2026-06-17T10:00:00+07:00");
      assertThat(onTime.get("states").findValuesAsText("label"))
          .containsExactly("Terlambat", "Jatuh tempo hari ini", "Berisiko", "Tepat waktu");

      assertState(onTime, visit, "2026-06-15T09:00:00+07:00", "late");
      assertState(onTime, visit, "2026-06-15T16:00:00+07:00", "dueToday");
      assertState(onTime, visit, "2026-06-16T12:00:00+07:00", "atRisk");
      assertState(onTime, visit, "2026-06-17T09:00:00+07:00", "atRisk");
      assertState(onTime, visit, "2026-06-17T11:00:00+07:00", "onTime");
      due(visit, "2026-06-22T10:00:00+07:00");

      due(partnerWork, "2026-06-16T15:00:00+07:00");
      JsonNode board = api.get("koordinator", "/api/board").getBody();
      JsonNode partners = board.get("dueStates").get("byPartner");
      assertThat(delta(partners, onTime.get("byPartner"), SALMAN, "atRisk")).isEqualTo(1);
      assertThat(delta(partners, onTime.get("byPartner"), SALMAN, "onTime")).isEqualTo(-1);
      assertThat(delta(partners, onTime.get("byPartner"), PUSKESOS, "atRisk")).isZero();

      due(partnerWork, "2026-06-12T15:00:00+07:00");
      board = api.get("manajer", "/api/board").getBody();
      assertThat(delta(board.get("dueStates").get("byPartner"), onTime.get("byPartner"), SALMAN, "late")).isEqualTo(1);
      assertThat(late(board.get("overdueByPartner"), SALMAN)).as("the late counts agree with the table")
          .isEqualTo(row(board.get("dueStates").get("byPartner"), SALMAN).get("late").asLong());
    } finally {
      ClockUtil.reset();
      jobs.start();
      taskService.deleteTask(partnerWork.getId(), true);
      due(visit, shipped);
    }
  }

  /** With the visit due then, its stage and Puskesos count one more task in the state and one fewer on time. */
  private void assertState(JsonNode onTime, Task visit, String due, String state) {
    due(visit, due);
    JsonNode board = api.get("manajer", "/api/board").getBody();
    JsonNode states = board.get("dueStates");
    for (String column : List.of("late", "dueToday", "atRisk", "onTime")) {
      int expected = column.equals(state) ? 1 : column.equals("onTime") ? -1 : 0;
      if (state.equals("onTime")) {
        expected = 0;
      }
      assertThat(delta(states.get("byStage"), onTime.get("byStage"), "VERIFICATION", column))
          .as("due %s: %s per stage", due, column).isEqualTo(expected);
      assertThat(delta(states.get("byPartner"), onTime.get("byPartner"), PUSKESOS, column))
          .as("due %s: %s for Puskesos", due, column).isEqualTo(expected);
    }
    assertThat(late(board.get("overdueByStage"), "Verifikasi dan validasi"))
        .as("the late count beside the table is the table's").isEqualTo(row(states.get("byStage"), "VERIFICATION")
            .get("late").asLong());
  }

  /** Sets the due date on the task as it is now (the intake's last steps may have touched it since it was read). */
  private void due(Task task, String at) {
    due(task, Date.from(OffsetDateTime.parse(at).toInstant()));
  }

  private void due(Task task, Date at) {
    Task current = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    current.setDueDate(at);
    taskService.saveTask(current);
  }

  private static long delta(JsonNode rows, JsonNode before, String key, String column) {
    return value(rows, key, column) - value(before, key, column);
  }

  private static long value(JsonNode rows, String key, String column) {
    JsonNode row = row(rows, key);
    return row == null ? 0 : row.get(column).asLong();
  }

  private static JsonNode row(JsonNode rows, String key) {
    for (JsonNode row : rows) {
      if (row.get("key").asText().equals(key)) {
        return row;
      }
    }
    return null;
  }

  private static long late(JsonNode counts, String key) {
    JsonNode row = row(counts, key);
    return row == null ? 0 : row.get("count").asLong();
  }
}
