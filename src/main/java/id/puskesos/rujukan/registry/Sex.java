package id.puskesos.rujukan.registry;

/** Sex as on the KTP. */
public enum Sex {
  M, F
}
