package id.puskesos.rujukan.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Case settings from {@code rujukan.referral}. Named {@code referralSettings} because referral.bpmn reads
 * {@code ${referralSettings.followUpDelay}} for its follow-up timer, and partner-referral.bpmn
 * {@code ${referralSettings.budgetWaitLimit}} for how long a case waits for a partner's budget.
 */
@Component("referralSettings")
@ConfigurationProperties("rujukan.referral")
public class ReferralSettings {

  /** ISO-8601 duration from distribution to the follow-up visit. */
  private String followUpDelay = "P30D";

  /** ISO-8601 duration an accepted referral waits for budget before the back office reviews it. */
  private String budgetWaitLimit = "P30D";

  public String getBudgetWaitLimit() {
    return budgetWaitLimit;
  }

  public void setBudgetWaitLimit(String budgetWaitLimit) {
    this.budgetWaitLimit = budgetWaitLimit;
  }

  public String getFollowUpDelay() {
    return followUpDelay;
  }

  public void setFollowUpDelay(String followUpDelay) {
    this.followUpDelay = followUpDelay;
  }
}
