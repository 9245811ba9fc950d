package id.puskesos.rujukan.registry;

/** Where a change to a resident's record came from. */
public enum ChangeSource {
  INTAKE, FIELD_VERIFICATION, REVERIFICATION, IMPORT, DUPLICATE_REVIEW, DTKS_PROPOSAL
}
