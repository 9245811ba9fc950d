package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.REFERRAL_NUMBER;
import static id.puskesos.rujukan.process.CaseVariables.RESIDENT_ID;
import static id.puskesos.rujukan.process.RegistryVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_applyDtksResult} in dtks-inclusion.bpmn: the outcome updates the resident's record. Reads
 * {@code resultOutcome}, {@code resultDesil}, {@code listedOn}, {@code resultNote}, {@code proposalReference}.
 */
@Component
public class ApplyDtksResultDelegate implements JavaDelegate {

  private final DtksInclusion dtksInclusion;
  private final Actors actors;

  public ApplyDtksResultDelegate(DtksInclusion dtksInclusion, Actors actors) {
    this.dtksInclusion = dtksInclusion;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var result = checks.oneOf(DtksInclusion.Result.class, RESULT_OUTCOME.name(), RESULT_OUTCOME.get(execution),
        "Hasil");
    checks.throwIfAny();
    dtksInclusion.applyResult(REFERRAL_NUMBER.get(execution), RESIDENT_ID.get(execution), result,
        RESULT_DESIL.get(execution), LISTED_ON.get(execution), PROPOSAL_REFERENCE.get(execution),
        RESULT_NOTE.get(execution), actors.current());
  }
}
