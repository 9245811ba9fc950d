package id.puskesos.rujukan.intake;

import static id.puskesos.rujukan.process.CaseVariables.REFERRAL_NUMBER;
import static id.puskesos.rujukan.process.CaseVariables.WITHDRAWAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_withdrawReferral} in referral-withdrawal.bpmn: reads {@code referralNumber} and
 * {@code withdrawalReason} from the start form and closes that case. An unknown or closed case fails the start,
 * and Tasklist shows why.
 */
@Component
public class WithdrawReferralDelegate implements JavaDelegate {

  private final WithdrawalService withdrawalService;

  public WithdrawReferralDelegate(WithdrawalService withdrawalService) {
    this.withdrawalService = withdrawalService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = REFERRAL_NUMBER.get(execution);
    withdrawalService.withdraw(number, WITHDRAWAL_REASON.get(execution));
    execution.setProcessBusinessKey(number);
  }
}
