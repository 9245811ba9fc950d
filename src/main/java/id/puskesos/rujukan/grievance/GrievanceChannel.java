package id.puskesos.rujukan.grievance;

/** How a grievance reached the Puskesos. */
public enum GrievanceChannel {
  DESK("Datang ke meja layanan"),
  WHATSAPP("WhatsApp"),
  PHONE("Telepon"),
  LETTER("Surat atau kotak saran");

  private final String label;

  GrievanceChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
