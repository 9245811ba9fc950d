package id.puskesos.rujukan.proposal;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.partner.PartnerReferrals;
import id.puskesos.rujukan.referral.CaseFile.PartnerAssignment;

/**
 * {@code task_recordProposal} in partner-referral.bpmn: a national program's proposal joins the period's batch.
 * Reads {@code referralNumber}, {@code programCode}; writes {@code proposalPeriod} and {@code proposalDecisionDue}
 * (the reminder timer's date).
 */
@Component
public class RecordProposalDelegate implements JavaDelegate {

  private final Proposals proposals;
  private final PartnerReferrals partnerReferrals;

  public RecordProposalDelegate(Proposals proposals, PartnerReferrals partnerReferrals) {
    this.proposals = proposals;
    this.partnerReferrals = partnerReferrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PartnerAssignment current = partnerReferrals.current(execution);
    Proposals.Proposal proposal = proposals.propose(current.referralNumber(), current.programCode());
    PROPOSAL_PERIOD.set(execution, proposal.period());
    PROPOSAL_DECISION_DUE.set(execution, proposals.decisionDue(proposal));
  }
}
