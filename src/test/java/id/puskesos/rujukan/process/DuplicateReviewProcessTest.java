package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.DuplicateReviewProcess.*;
import static id.puskesos.rujukan.process.RegistryVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.puskesos.rujukan.registry.Duplicates;

/** duplicate-review.bpmn: the operator decides a flagged pair. */
@Deployment(resources = "processes/duplicate-review.bpmn")
class DuplicateReviewProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION)
      .assertClassCoverageAtLeast(1.0)
      .build();

  @Test
  void operatorDecidesTheFlaggedPair() {
    ProcessInstance review = runtimeService().startProcessInstanceByKey(PROCESS_ID, "DUP-9",
        Map.of(DUPLICATE_CANDIDATE_ID.name(), 9L));
    assertThat(review).isWaitingAt(TASK_REVIEW_DUPLICATE);
    assertThat(task(review)).hasCandidateGroup("fo");

    complete(task(review), withVariables(DUPLICATE_DECISION.name(), "NOT_DUPLICATE", DUPLICATE_NOTE.name(),
        "Kembar, KK sama"));

    assertThat(review).isEnded().hasPassed(END_DUPLICATE_REVIEWED);
    verify(mocked(Duplicates.class)).decide(9L, Duplicates.Decision.NOT_DUPLICATE, "Kembar, KK sama", "petugas");
  }
}
