package id.puskesos.rujukan.routing;

/**
 * BPNT / Sembako benefit: one flat amount per household per month, whatever the household's size. The monthly amount
 * comes from configuration (Rp200.000 under the current regulation), never from this class.
 */
public class BpntBenefit {

  private final long monthlyAmount;

  /** @param monthlyAmount rupiah per household per month; must be positive */
  public BpntBenefit(long monthlyAmount) {
    if (monthlyAmount <= 0) {
      throw new IllegalArgumentException("BPNT monthlyAmount must be positive: " + monthlyAmount);
    }
    this.monthlyAmount = monthlyAmount;
  }

  /** What a household receives over {@code months} months (at least 1), e.g. a distribution covering several. */
  public long amountFor(int months) {
    if (months < 1) {
      throw new IllegalArgumentException("BPNT months must be at least 1: " + months);
    }
    return Math.multiplyExact(monthlyAmount, months);
  }

  public long monthlyAmount() {
    return monthlyAmount;
  }
}
