package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * {@code task_tryAlternative} in partner-referral.bpmn, after the program did not deliver (rejected, given up at
 * acceptance, or not decided in time), on the instance's own case and program ({@link PartnerReferrals}); takes the
 * referral back from a partner that did not decide; writes {@code alternativeProgram} (routing's next alternative for
 * the need, or null); when there is one, the partner referral goes on with it (recorded, and in {@code programCode}).
 */
@Component
public class TryAlternativeDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final PartnerReferrals partnerReferrals;
  private final RoutingService routingService;
  public TryAlternativeDelegate(PartnerService partnerService, PartnerReferrals partnerReferrals,
      RoutingService routingService) {
    this.partnerService = partnerService;
    this.partnerReferrals = partnerReferrals;
    this.routingService = routingService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    String number = referral.referralNumber();
    String program = referral.programCode();
    String actor = Actors.SYSTEM;
    partnerService.takeBackUndecided(number, program, actor);
    ProgramReferral failed = partnerService.referral(number, program);
    String next = routingService.nextAlternative(number, program, failed.statusReason() != null
        ? failed.statusReason() : failed.status().label().toLowerCase(), actor);
    ALTERNATIVE_PROGRAM.set(execution, next);
    if (next != null) {
      partnerReferrals.goOnWith(execution, next);
    }
  }
}
