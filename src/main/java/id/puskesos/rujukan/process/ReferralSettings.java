package id.puskesos.rujukan.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Case settings from {@code rujukan.referral}. Named {@code referralSettings} because referral.bpmn reads
 * {@code ${referralSettings.followUpDelay}} for its follow-up timer.
 */
@Component("referralSettings")
@ConfigurationProperties("rujukan.referral")
public class ReferralSettings {

  /** ISO-8601 duration from distribution to the follow-up visit. */
  private String followUpDelay = "P30D";

  public String getFollowUpDelay() {
    return followUpDelay;
  }

  public void setFollowUpDelay(String followUpDelay) {
    this.followUpDelay = followUpDelay;
  }
}
