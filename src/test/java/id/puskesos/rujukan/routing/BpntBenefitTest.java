package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BpntBenefitTest {

  // The default of the project's brief; in the application it comes from configuration.
  private final BpntBenefit bpnt = new BpntBenefit(200_000L);

  @Test
  void oneMonthPaysTheConfiguredMonthlyAmount() {
    // when
    long amount = bpnt.amountFor(1);

    // then
    assertThat(amount).isEqualTo(200_000L);
    assertThat(bpnt.monthlyAmount()).isEqualTo(200_000L);
  }

  @Test
  void severalMonthsPayTheMonthlyAmountEachMonth() {
    // when
    long threeMonths = bpnt.amountFor(3);
    long year = bpnt.amountFor(12);

    // then
    assertThat(threeMonths).isEqualTo(600_000L);
    assertThat(year).isEqualTo(2_400_000L);
  }

  @Test
  void amountComesFromConfiguration() {
    // given
    BpntBenefit raised = new BpntBenefit(250_000L);

    // when / then
    assertThat(raised.amountFor(2)).isEqualTo(500_000L);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void fewerThanOneMonthIsRejected(int months) {
    assertThatThrownBy(() -> bpnt.amountFor(months))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("months");
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, -200_000L})
  void zeroOrNegativeMonthlyAmountIsRejected(long monthlyAmount) {
    assertThatThrownBy(() -> new BpntBenefit(monthlyAmount))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("monthlyAmount");
  }
}
