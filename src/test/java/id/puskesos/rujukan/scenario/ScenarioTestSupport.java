package id.puskesos.rujukan.scenario;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

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

  protected CaseApi api;

  @BeforeEach
  void api() {
    api = new CaseApi(http, taskService);
  }
}
