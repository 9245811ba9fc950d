package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.routing.RoutingService;

/**
 * {@code task_checkAlternative} in partner-referral.bpmn, when the partner's decision is overdue
 * ({@code timer_decisionOverdue}), on the instance's own case and program ({@link PartnerReferrals}); writes
 * {@code alternativeLeft}: with one, the referral is taken back and the next alternative tried; without, the partner
 * keeps the task.
 */
@Component
public class CheckAlternativeDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final PartnerReferrals partnerReferrals;

  public CheckAlternativeDelegate(RoutingService routingService, PartnerReferrals partnerReferrals) {
    this.routingService = routingService;
    this.partnerReferrals = partnerReferrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    ALTERNATIVE_LEFT.set(execution, routingService.hasAlternative(referral.referralNumber(),
        referral.programCode()));
  }
}
