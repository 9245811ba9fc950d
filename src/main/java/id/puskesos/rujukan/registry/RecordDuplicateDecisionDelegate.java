package id.puskesos.rujukan.registry;

import static id.puskesos.rujukan.process.RegistryVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordDuplicateDecision} in duplicate-review.bpmn. Reads {@code duplicateCandidateId},
 * {@code duplicateDecision}, {@code duplicateNote}.
 */
@Component
public class RecordDuplicateDecisionDelegate implements JavaDelegate {

  private final Duplicates duplicates;
  private final Actors actors;

  public RecordDuplicateDecisionDelegate(Duplicates duplicates, Actors actors) {
    this.duplicates = duplicates;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var decision = checks.oneOf(Duplicates.Decision.class, DUPLICATE_DECISION.name(), DUPLICATE_DECISION.get(execution),
        "Keputusan");
    checks.throwIfAny();
    duplicates.decide(DUPLICATE_CANDIDATE_ID.get(execution), decision, DUPLICATE_NOTE.get(execution),
        actors.current());
  }
}
