package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.referral.ProgramReferral;

/**
 * {@code task_sendReferral} in partner-referral.bpmn. Sends the instance's program out with its recommendation letter
 * ({@link Letters}; {@code letterNumber}, {@code programKind}: a national PROPOSAL or a partner's SERVICE) (on its first sending the one its
 * call activity passed in {@code programCode}; then the one on record, {@link PartnerReferrals}); writes
 * {@code programName}, {@code partnerName}, {@code partnerGroup} (the candidate group of the partner's tasks),
 * {@code aidUnit}, and what routing proposed: {@code proposedAmount} (and as text, {@code proposalText}),
 * {@code proposalBasis}, and {@code grantAmount} pre-filled with it. The partner's group (only it) may read this partner referral.
 */
@Component
public class SendReferralDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final PartnerReferrals partnerReferrals;
  private final CaseAccess caseAccess;
  private final Letters letters;

  public SendReferralDelegate(PartnerService partnerService, PartnerReferrals partnerReferrals,
      CaseAccess caseAccess, Letters letters) {
    this.partnerService = partnerService;
    this.partnerReferrals = partnerReferrals;
    this.caseAccess = caseAccess;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var sent = partnerReferrals.sending(execution);
    String number = sent.referralNumber();
    Program program = partnerService.program(sent.programCode());
    Partner partner = partnerService.partnerOf(program);
    LETTER_NUMBER.set(execution, letters.sendOut(number, program));
    ProgramReferral referral = partnerService.referral(number, program.code());
    PROGRAM_KIND.set(execution, program.kind().name());
    PROGRAM_NAME.set(execution, program.name());
    PARTNER_NAME.set(execution, partner.name());
    PARTNER_GROUP.set(execution, partner.group());
    caseAccess.grantPartner(execution.getProcessInstanceId(), partner.group());
    AID_UNIT.set(execution, program.budgeted() ? program.unit() : null);
    PROPOSED_AMOUNT.set(execution, referral.proposedAmount());
    PROPOSAL_TEXT.set(execution, referral.proposedAmount() == null ? "ditetapkan mitra"
        : PartnerService.amount(program, referral.proposedAmount()));
    PROPOSAL_BASIS.set(execution, referral.proposalBasis());
    GRANT_AMOUNT.set(execution, referral.proposedAmount());
  }
}
