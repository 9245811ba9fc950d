package id.puskesos.rujukan.grievance;

/** What a resident complains about; the labels are the form's and the pack's. */
public enum GrievanceKind {
  TERLAMBAT("Layanan lambat"),
  TIDAK_SOPAN("Petugas tidak sopan"),
  BANTUAN_TIDAK_SESUAI("Bantuan tidak sesuai janji"),
  LAINNYA("Lainnya");

  private final String label;

  GrievanceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
