package id.puskesos.rujukan.catalogue;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A program of a partner. {@code unit}: "Rp" for money, the unit of goods otherwise ("paket");
 * {@code defaultAmount}: one grant in that unit, null where the partner sets it per case (hospital debts);
 * {@code requiresDtks}: only residents in DTKS/DTSEN can be referred to it (the national programs). Who is eligible
 * is decided by {@code processes/program-eligibility.dmn}, not here. {@code householdGroup}: programs a household
 * may hold only one of in a period share a group (PKH and BPNT: a PKH household already counts as a Sembako
 * household); without one, the program is its own group. {@code kind}: a proposal program (national, decided by the
 * ministry per period) or a service program (a partner's own budget or service), see {@link ProgramKind}.
 * {@code budgetScope}: one budget pool for the city, or one per kelurahan's Puskesos, as the partner chooses; null in
 * a request leaves it as it is (a new program: CITY), see {@link ProgramCatalogue#saveProgram}.
 */
public record Program(String code, String name, String partner, AidKind aidKind, String unit, Long defaultAmount,
    @DefaultValue("MONTH") BudgetPeriod budgetPeriod, boolean requiresDtks, @DefaultValue("true") boolean active,
    String householdGroup, @DefaultValue("SERVICE") ProgramKind kind,
    @DefaultValue("CITY") BudgetScope budgetScope) {

  public Program {
    kind = kind == null ? ProgramKind.SERVICE : kind;
  }

  /** Whether each Puskesos has its own pool of the program's budget. */
  public boolean perKelurahan() {
    return budgetScope == BudgetScope.KELURAHAN;
  }

  /** The same program with another budget scope. */
  public Program withBudgetScope(BudgetScope scope) {
    return new Program(code, name, partner, aidKind, unit, defaultAmount, budgetPeriod, requiresDtks, active,
        householdGroup, kind, scope);
  }

  /** The household ledger's slot: the group, or the program itself. */
  public String ledgerSlot() {
    return householdGroup == null || householdGroup.isBlank() ? code : householdGroup;
  }

  /**
   * Whether aid from the program draws on a budget here: a service program's money and goods do; a service does not,
   * nor does a national proposal (the ministry pays it).
   */
  public boolean budgeted() {
    return kind == ProgramKind.SERVICE && aidKind != AidKind.SERVICE;
  }

  /** Whether the program is proposed and decided nationally per period (no budget, no handover here). */
  public boolean proposal() {
    return kind == ProgramKind.PROPOSAL;
  }
}
