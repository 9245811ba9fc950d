package id.puskesos.rujukan.referral;

/** How a complaint or proposal reached the Puskesos. */
public enum Channel {
  WALK_IN("Datang langsung"),
  RT_RW("Melalui ketua RT/RW"),
  HOME_VISIT("Kunjungan rumah"),
  WHATSAPP("WhatsApp"),
  SLRT("SLRT Kota");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
