package id.puskesos.rujukan.registry;

import java.time.LocalDate;

/** What verification found about a resident in DTKS/DTSEN and the civil registry. */
public record RegistryCheck(
    DtksStatus dtksStatus,
    Integer desil,
    LocalDate registryUpdatedOn,
    boolean deceasedOrMoved) {

  public enum DtksStatus {
    LISTED, NOT_LISTED
  }
}
