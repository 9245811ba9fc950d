package id.puskesos.rujukan.catalogue;

/**
 * Where a program's budget is kept, as its partner chooses (a partner's own setting, not a regulation): one pool for
 * the whole city, or one pool per kelurahan's Puskesos. The household ledger is city-wide either way.
 */
public enum BudgetScope {
  /** One pool for every Puskesos of the city (the default). */
  CITY("tingkat kota"),
  /** One pool per Puskesos: a case draws from its own Puskesos's pool and waits on its list. */
  KELURAHAN("per kelurahan");

  private final String label;

  BudgetScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
