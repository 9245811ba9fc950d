package id.puskesos.rujukan.grievance;

/** The koordinator's conclusion on a grievance; a justified one counts as such in the evaluation pack. */
public enum GrievanceOutcome {
  DITERIMA("Keluhan beralasan, diperbaiki"),
  DITOLAK("Tidak beralasan"),
  DITERUSKAN("Diteruskan ke mitra");

  private final String label;

  GrievanceOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
