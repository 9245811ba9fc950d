package id.puskesos.rujukan.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.partner.PartnerReferrals;
import id.puskesos.rujukan.referral.CaseFile.PartnerAssignment;

/** {@code task_remindProposal} in partner-referral.bpmn: the proposal's period passed without a decision. */
@Component
public class RemindProposalDelegate implements JavaDelegate {

  private final Proposals proposals;
  private final PartnerReferrals partnerReferrals;

  public RemindProposalDelegate(Proposals proposals, PartnerReferrals partnerReferrals) {
    this.proposals = proposals;
    this.partnerReferrals = partnerReferrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PartnerAssignment current = partnerReferrals.current(execution);
    proposals.remind(current.referralNumber(), current.programCode());
  }
}
