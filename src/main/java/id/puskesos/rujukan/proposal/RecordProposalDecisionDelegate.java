package id.puskesos.rujukan.proposal;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.partner.PartnerReferrals;
import id.puskesos.rujukan.referral.CaseFile.PartnerAssignment;

/**
 * {@code task_recordProposalDecision} in partner-referral.bpmn, after an imported decision list moved the proposal.
 * Writes {@code proposalOutcome} (ENROLLED, REJECTED, CARRIED_OVER), and for a proposal carried over its new
 * {@code proposalPeriod} and {@code proposalDecisionDue}.
 */
@Component
public class RecordProposalDecisionDelegate implements JavaDelegate {

  private final Proposals proposals;
  private final PartnerReferrals partnerReferrals;

  public RecordProposalDecisionDelegate(Proposals proposals, PartnerReferrals partnerReferrals) {
    this.proposals = proposals;
    this.partnerReferrals = partnerReferrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PartnerAssignment current = partnerReferrals.current(execution);
    String number = current.referralNumber();
    String program = current.programCode();
    Proposals.Outcome outcome = proposals.applyDecision(number, program);
    PROPOSAL_OUTCOME.set(execution, outcome.name());
    if (outcome == Proposals.Outcome.CARRIED_OVER) {
      Proposals.Proposal proposal = proposals.find(number, program).orElseThrow();
      PROPOSAL_PERIOD.set(execution, proposal.period());
      PROPOSAL_DECISION_DUE.set(execution, proposals.decisionDue(proposal));
    }
  }
}
