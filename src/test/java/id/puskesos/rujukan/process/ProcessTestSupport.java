package id.puskesos.rujukan.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Common ground of the process tests: the plain engine of {@code process-test-engine.cfg.xml} (each test class
 * registers it with its own coverage goal), its assertions, and the application's real delegates
 * ({@link RealDelegates}) over mocked services stubbed with a small in-memory world ({@link StubbedServices}).
 */
@ResourceLock("process-engine")
abstract class ProcessTestSupport {

  static final String ENGINE_CONFIGURATION = "process-test-engine.cfg.xml";

  protected RealDelegates delegates;
  protected StubbedServices services;

  @BeforeEach
  void useEngineAndRealDelegates(ProcessEngine processEngine) {
    BpmnAwareTests.init(processEngine);
    delegates = RealDelegates.register();
    services = StubbedServices.stub(delegates);
  }

  /** The mock of a service (or other collaborator) the delegates call, to stub or verify. */
  protected <T> T mocked(Class<T> type) {
    return delegates.mock(type);
  }

  /** Variables as Tasklist submits a checklist: a JSON list. */
  protected static Object checklist(String... values) {
    return CaseVariables.NEEDS.write(java.util.List.of(values));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  /**
   * Runs the save point's job while its delegate fails, as the job executor would retry it, and checks the retry
   * cycle: each failure takes a retry and schedules the next; the last leaves an incident with the failure's message.
   * Returns the failed job's id, so the test can give it a retry once the cause is fixed.
   */
  protected static String failUntilIncident(String activityId, int tries, String message) {
    var management = BpmnAwareTests.managementService();
    var job = management.createJobQuery().activityId(activityId).singleResult();
    org.assertj.core.api.Assertions.assertThat(job.getRetries()).as("retries of %s", activityId).isEqualTo(tries);
    for (int left = tries; left > 0; left--) {
      String id = job.getId();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining(message);
      job = management.createJobQuery().jobId(id).singleResult();
      org.assertj.core.api.Assertions.assertThat(job.getRetries()).isEqualTo(left - 1);
    }
    var incident = BpmnAwareTests.runtimeService().createIncidentQuery().activityId(activityId).singleResult();
    org.assertj.core.api.Assertions.assertThat(incident.getIncidentType()).isEqualTo("failedJob");
    org.assertj.core.api.Assertions.assertThat(incident.getIncidentMessage()).contains(message);
    return job.getId();
  }

  /** Runs the jobs waiting at save points (asynchronous continuations), as the job executor would, until none is left. */
  protected static void passSavePoints() {
    var management = BpmnAwareTests.managementService();
    for (var jobs = management.createJobQuery().messages().list(); !jobs.isEmpty();
        jobs = management.createJobQuery().messages().list()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
