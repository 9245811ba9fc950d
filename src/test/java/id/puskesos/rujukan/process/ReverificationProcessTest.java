package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.ReverificationProcesses.Round.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.times;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;

import java.util.Map;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.registry.Reverification;

/**
 * data-reverification.bpmn (the monthly round in weekly batches) and resident-reverification.bpmn (one visit).
 * Deployed by the test itself: the round's timer start reads the settings bean when it is deployed.
 */
class ReverificationProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  private Deployment deployment;

  private void deploy() {
    deployment = repositoryService().createDeployment()
        .addClasspathResource("processes/data-reverification.bpmn")
        .addClasspathResource("processes/resident-reverification.bpmn").deploy();
  }

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void monthlyRoundSendsWeeklyBatchesUntilNoneIsDue() {
    services.remainingDue.add(30L);
    services.remainingDue.add(5L);
    services.remainingDue.add(0L);
    deploy();

    execute(jobQuery().activityId(START_REVERIFICATION_DUE).singleResult());
    ProcessInstance round = processInstanceQuery().processDefinitionKey(PROCESS_ID).singleResult();
    assertThat(round).isWaitingAt(TIMER_NEXT_WEEK);
    execute(job(round));
    assertThat(round).isWaitingAt(TIMER_NEXT_WEEK);
    execute(job(round));

    assertThat(round).isEnded().hasPassed(END_ROUND_COMPLETE);
    verify(mocked(Reverification.class), times(3)).issueBatch();
  }

  @Test
  void roundStopsAfterItsBatchesEvenWhenResidentsAreStillDue() {
    for (int i = 0; i < 10; i++) {
      services.remainingDue.add(100L);
    }
    deploy();

    execute(jobQuery().activityId(START_REVERIFICATION_DUE).singleResult());
    ProcessInstance round = processInstanceQuery().processDefinitionKey(PROCESS_ID).singleResult();
    for (int week = 1; week < 4; week++) {
      execute(job(round));
    }

    assertThat(round).isEnded();
    verify(mocked(Reverification.class), times(4)).issueBatch();
  }

  @Test
  void fasilitatorRevisitsTheResident() {
    deploy();

    ProcessInstance visit = runtimeService().startProcessInstanceByKey(ReverificationProcesses.Resident.PROCESS_ID,
        "VRF-1", Map.of(RegistryVariables.REVERIFICATION_ID.name(), 1L, CaseVariables.RESIDENT_ID.name(), 7L));
    assertThat(visit).isWaitingAt(ReverificationProcesses.Resident.TASK_REVERIFY_RESIDENT);
    assertThat(task(visit)).hasCandidateGroup("fasilitator");
    complete(task(visit), withVariables(CaseVariables.VISIT_FINDINGS.name(), "Masih tinggal di alamat yang sama"));

    assertThat(visit).isEnded().hasPassed(ReverificationProcesses.Resident.END_RESIDENT_REVERIFIED);
    verify(mocked(Reverification.class)).record(eq(1L), eq(7L), any(), eq("petugas"));
  }
}
