package id.puskesos.rujukan.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Common ground of the process tests: the plain engine of {@code process-test-engine.cfg.xml} (each test class
 * registers it with its own coverage goal), its assertions, and the stand-in delegates.
 */
@ResourceLock("process-engine")
abstract class ProcessTestSupport {

  static final String ENGINE_CONFIGURATION = "process-test-engine.cfg.xml";

  protected FakeDelegates fakes;

  @BeforeEach
  void useEngineAndFakes(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    fakes = FakeDelegates.register();
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }
}
