package id.puskesos.rujukan.registry;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Registry settings from {@code rujukan.registry}. Named {@code registrySettings} because
 * data-reverification.bpmn reads its timers from it.
 */
@Component("registrySettings")
@ConfigurationProperties("rujukan.registry")
public class RegistrySettings {

  /** A record the Puskesos has not verified for longer than this is stale. */
  private Period verificationValidFor = Period.ofMonths(6);
  /** When the re-verification round starts: a Camunda time cycle (cron or ISO-8601 repetition). */
  private String reverificationCycle = "0 0 6 1 * ?";
  /** Time between two batches of a round. */
  private String batchInterval = "P7D";
  /** Batches in one round (a round must end before the next starts). */
  private int batchesPerRound = 4;
  /** Re-verifications sent to the fasilitators per batch (per week). */
  private int weeklyCap = 25;
  /** Rows committed together by the DTKS import. */
  private int importBatchSize = 5000;

  public Period getVerificationValidFor() {
    return verificationValidFor;
  }

  public void setVerificationValidFor(Period verificationValidFor) {
    this.verificationValidFor = verificationValidFor;
  }

  public String getReverificationCycle() {
    return reverificationCycle;
  }

  public void setReverificationCycle(String reverificationCycle) {
    this.reverificationCycle = reverificationCycle;
  }

  public String getBatchInterval() {
    return batchInterval;
  }

  public void setBatchInterval(String batchInterval) {
    this.batchInterval = batchInterval;
  }

  public int getBatchesPerRound() {
    return batchesPerRound;
  }

  public void setBatchesPerRound(int batchesPerRound) {
    this.batchesPerRound = batchesPerRound;
  }

  public int getWeeklyCap() {
    return weeklyCap;
  }

  public void setWeeklyCap(int weeklyCap) {
    this.weeklyCap = weeklyCap;
  }

  public int getImportBatchSize() {
    return importBatchSize;
  }

  public void setImportBatchSize(int importBatchSize) {
    this.importBatchSize = importBatchSize;
  }
}
