package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import id.puskesos.rujukan.sla.SlaWatch;

/**
 * The service-level watch as time passes on the engine's clock: before the due time a reminder, after it an
 * escalation, after twice the service level of a partner the city SLRT. The job executor is paused while the clock is
 * moved, so no other case's timer fires in the meantime.
 */
class ServiceLevelClockScenarioTest extends ScenarioTestSupport {

  @Autowired
  private SlaWatch watch;
  @Autowired
  private ProcessEngine engine;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void aPartnerTaskIsRemindedThenEscalatedThenSentToTheCitySlrtAsTheClockMoves() {
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    Task decision = api.programTask(number, "task_decideReferral", "ATENSI");
    long created = decision.getCreateTime().getTime();
    long due = decision.getDueDate().getTime();
    JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobs.shutdown();
    try {
      at(due - 60 * 60_000);
      watch.check();
      assertThat(kinds(decision)).containsExactly("REMINDED");
      assertThat(api.timeline(number, "ESCALATED")).isEmpty();

      at(due + 60_000);
      watch.check();
      assertThat(kinds(decision)).containsExactlyInAnyOrder("REMINDED", "ESCALATED");
      assertThat(api.timeline(number, "ESCALATED")).singleElement().satisfies(t -> assertThat(t).contains("penyelia Dinas Sosial"));

      at(created + 2 * (due - created) + 60_000);
      watch.check();
      watch.check();
      assertThat(kinds(decision)).containsExactlyInAnyOrder("REMINDED", "ESCALATED", "SLRT");
      assertThat(api.timeline(number, "ESCALATED")).hasSize(2).last().satisfies(t -> assertThat(t).contains("manajer SLRT"));
    } finally {
      ClockUtil.reset();
      jobs.start();
    }
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).isOne();
  }

  private static void at(long millis) {
    ClockUtil.setCurrentTime(new Date(millis));
  }

  private List<String> kinds(Task task) {
    return jdbc.sql("SELECT kind FROM sla_notice WHERE task_id = ?").param(task.getId()).query(String.class).list();
  }
}
