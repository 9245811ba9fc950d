package id.puskesos.rujukan.registry;

/** Whether a resident is in the national welfare registry (DTKS, now DTSEN). */
public enum DtksStatus {
  LISTED("terdaftar"), NOT_LISTED("tidak terdaftar");

  private final String label;

  DtksStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
