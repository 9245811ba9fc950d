package id.puskesos.rujukan.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a program's budget, and its "one grant per household" rule, apply to. Periods are named as the
 * partners name them: {@code 2026-11}, {@code 2026-Q4}, {@code 2026}.
 */
public enum BudgetPeriod {
  MONTH(1, "bulanan"), QUARTER(3, "triwulanan"), YEAR(12, "tahunan");

  private final int months;
  private final String label;

  BudgetPeriod(int months, String label) {
    this.months = months;
    this.label = label;
  }

  /** "triwulanan": how staff name the kind of period. */
  public String label() {
    return label;
  }

  public int months() {
    return months;
  }

  /** The name of the period the day falls in. */
  public String of(LocalDate day) {
    return switch (this) {
      case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
      case QUARTER -> "%d-Q%d".formatted(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(day.getYear());
    };
  }

  /** The months ({@code 2026-10}) of a period of this kind, e.g. the three of {@code 2026-Q4}. */
  public List<String> months(String period) {
    YearMonth first = switch (this) {
      case MONTH -> YearMonth.parse(period);
      case QUARTER -> YearMonth.of(Integer.parseInt(period.substring(0, 4)),
          (Integer.parseInt(period.substring(6)) - 1) * 3 + 1);
      case YEAR -> YearMonth.of(Integer.parseInt(period), 1);
    };
    List<String> months = new ArrayList<>();
    for (int i = 0; i < this.months; i++) {
      months.add(first.plusMonths(i).toString());
    }
    return months;
  }

  /** Whether the text names a period of this kind ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}). */
  public boolean names(String period) {
    return period != null && period.matches(switch (this) {
      case MONTH -> "20\\d\\d-(0[1-9]|1[0-2])";
      case QUARTER -> "20\\d\\d-Q[1-4]";
      case YEAR -> "20\\d\\d";
    });
  }
}
