package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.REFERRAL_NUMBER;
import static id.puskesos.rujukan.process.RegistryVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordDtksProposal} in dtks-inclusion.bpmn. Reads {@code proposalOutcome},
 * {@code proposalReference}, {@code declineReason}.
 */
@Component
public class RecordDtksProposalDelegate implements JavaDelegate {

  private final DtksInclusion dtksInclusion;
  private final Actors actors;

  public RecordDtksProposalDelegate(DtksInclusion dtksInclusion, Actors actors) {
    this.dtksInclusion = dtksInclusion;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var outcome = checks.oneOf(DtksInclusion.ProposalOutcome.class, PROPOSAL_OUTCOME.name(),
        PROPOSAL_OUTCOME.get(execution), "Tindakan");
    checks.throwIfAny();
    dtksInclusion.recordProposal(REFERRAL_NUMBER.get(execution), outcome, PROPOSAL_REFERENCE.get(execution),
        DECLINE_REASON.get(execution), actors.current());
  }
}
