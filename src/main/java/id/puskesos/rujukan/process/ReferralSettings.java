package id.puskesos.rujukan.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Case settings from {@code rujukan.referral}. Named {@code referralSettings} because referral.bpmn reads
 * {@code ${referralSettings.followUpDelay}} for its follow-up timer, and partner-referral.bpmn
 * {@code ${referralSettings.budgetWaitLimit}} for how long a case waits for a partner's budget and
 * {@code ${referralSettings.decisionTimeout(urgent)}} for how long a partner has to decide while an alternative is left.
 */
@Component("referralSettings")
@ConfigurationProperties("rujukan.referral")
public class ReferralSettings {

  /** ISO-8601 duration from distribution to the follow-up visit. */
  private String followUpDelay = "P30D";

  /** ISO-8601 duration an accepted referral waits for budget before the back office reviews it. */
  private String budgetWaitLimit = "P30D";

  /**
   * How long a partner has to decide before the referral goes to the next alternative (when one is left): working
   * days ({@code 10WD}), office hours ({@code 8WH}) or an ISO-8601 duration; for urgent cases
   * {@code urgentDecisionTimeout}. Local settings: twice the decision's service level.
   */
  private String decisionTimeout = "10WD";
  private String urgentDecisionTimeout = "8WH";

  /**
   * The longest waiting list an acceptance joins while an alternative is left: a case that would wait further back
   * goes to the next alternative instead. A local setting.
   */
  private int waitingListLimit = 5;

  public String getDecisionTimeout() {
    return decisionTimeout;
  }

  /** The decision timeout of a case: urgent cases have their own. */
  public String decisionTimeout(boolean urgent) {
    return urgent ? urgentDecisionTimeout : decisionTimeout;
  }

  public String getUrgentDecisionTimeout() {
    return urgentDecisionTimeout;
  }

  public void setUrgentDecisionTimeout(String urgentDecisionTimeout) {
    this.urgentDecisionTimeout = urgentDecisionTimeout;
  }

  public void setDecisionTimeout(String decisionTimeout) {
    this.decisionTimeout = decisionTimeout;
  }

  public int getWaitingListLimit() {
    return waitingListLimit;
  }

  public void setWaitingListLimit(int waitingListLimit) {
    this.waitingListLimit = waitingListLimit;
  }

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
