package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordInformation} in partner-referral.bpmn, on the instance's own case and program
 * ({@link PartnerReferrals}). Reads {@code infoResponse}, the back office's answer.
 */
@Component
public class RecordInformationDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final PartnerReferrals partnerReferrals;
  private final Actors actors;

  public RecordInformationDelegate(PartnerService partnerService, PartnerReferrals partnerReferrals, Actors actors) {
    this.partnerService = partnerService;
    this.partnerReferrals = partnerReferrals;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    partnerService.provideInformation(referral.referralNumber(), referral.programCode(),
        INFO_RESPONSE.get(execution), actors.current());
  }
}
