package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.routing.Partner;
import id.puskesos.rujukan.routing.Program;

/**
 * {@code task_sendReferral} in partner-referral.bpmn. Reads {@code programCode}; writes {@code programName},
 * {@code partnerName} and {@code partnerGroup}, the candidate group of the partner's tasks.
 */
@Component
public class SendReferralDelegate implements JavaDelegate {

  private final PartnerService partnerService;

  public SendReferralDelegate(PartnerService partnerService) {
    this.partnerService = partnerService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Program program = partnerService.program(string(execution, PROGRAM_CODE));
    Partner partner = partnerService.partnerOf(program);
    execution.setVariable(PROGRAM_NAME, program.name());
    execution.setVariable(PARTNER_NAME, partner.name());
    execution.setVariable(PARTNER_GROUP, partner.group());
  }
}
