package id.puskesos.rujukan.process;

import java.time.Period;

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

  /** A registry record older than this is stale: the resident gets a home visit. */
  private Period registryStaleAfter = Period.ofMonths(12);

  public String getFollowUpDelay() {
    return followUpDelay;
  }

  public void setFollowUpDelay(String followUpDelay) {
    this.followUpDelay = followUpDelay;
  }

  public Period getRegistryStaleAfter() {
    return registryStaleAfter;
  }

  public void setRegistryStaleAfter(Period registryStaleAfter) {
    this.registryStaleAfter = registryStaleAfter;
  }
}
