package id.puskesos.rujukan.routing;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A program of a partner. {@code unit}: "Rp" for money, the unit of goods otherwise ("paket");
 * {@code defaultAmount}: one grant in that unit, null where the partner sets it per case (hospital debts);
 * {@code requiresDtks}: only residents in DTKS/DTSEN can be referred to it (the national programs). Who is eligible
 * is decided by {@code processes/program-eligibility.dmn}, not here.
 */
public record Program(String code, String name, String partner, AidKind aidKind, String unit, Long defaultAmount,
    @DefaultValue("MONTH") BudgetPeriod budgetPeriod, boolean requiresDtks, @DefaultValue("true") boolean active) {

  /** Whether aid from the program draws on a budget: money and goods do, a service does not. */
  public boolean budgeted() {
    return aidKind != AidKind.SERVICE;
  }
}
