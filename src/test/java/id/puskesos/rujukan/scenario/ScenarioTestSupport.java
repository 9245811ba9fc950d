package id.puskesos.rujukan.scenario;

import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import id.puskesos.rujukan.RujukanSpringTest;

/** The running application and a {@link CaseApi} to drive cases through it. */
@RujukanSpringTest
abstract class ScenarioTestSupport {

  @Autowired
  protected TestRestTemplate http;
  @Autowired
  protected TaskService taskService;
  @Autowired
  protected RuntimeService runtimeService;

  @Autowired
  private JdbcClient caseTables;

  protected CaseApi api;

  @BeforeEach
  void api() {
    api = new CaseApi(http, taskService);
  }

  /** A case of the past: it was received, and everything on its timeline happened, at that moment. */
  protected void intoThePast(String referralNumber, OffsetDateTime at) {
    for (String sql : List.of("UPDATE referral SET received_at = ? WHERE referral_number = ?",
        "UPDATE referral_intake SET received_at = ? WHERE referral_number = ?",
        "UPDATE referral_event SET occurred_at = ? WHERE referral_number = ?")) {
      caseTables.sql(sql).params(at, referralNumber).update();
    }
  }
}
