package id.puskesos.rujukan.verification;

import id.puskesos.rujukan.registry.RegistryCheck;

/** What the back office recorded when verifying a resident. */
public record Verification(boolean documentsChecked, RegistryCheck registry, Result result, String notEligibleReason,
    String note) {

  public enum Result {
    VALID, HOME_VISIT, NOT_ELIGIBLE
  }
}
