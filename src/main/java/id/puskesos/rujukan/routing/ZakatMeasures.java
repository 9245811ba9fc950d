package id.puskesos.rujukan.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The measures the zakat lines match a household by ({@code rujukan.zakat}), in rupiah per person per month: BAZNAS's
 * had kifayah (below it a household is a mustahik) and the poverty line (below it, fakir; between the two, miskin).
 * The figures and their sources are in application.yaml and docs/partners.md; the table reads only the class.
 */
@ConfigurationProperties("rujukan.zakat")
public record ZakatMeasures(long hadKifayahPerCapita, long povertyLinePerCapita) {

  /** Below the poverty line. */
  public static final String FAKIR = "FAKIR";
  /** At or above the poverty line, below the had kifayah. */
  public static final String MISKIN = "MISKIN";
  /** At or above the had kifayah: not a mustahik for being poor. */
  public static final String ABOVE = "ABOVE";

  public ZakatMeasures {
    if (hadKifayahPerCapita <= 0 || povertyLinePerCapita <= 0 || povertyLinePerCapita > hadKifayahPerCapita) {
      throw new IllegalArgumentException("rujukan.zakat: had-kifayah-per-capita and poverty-line-per-capita must be"
          + " positive, the poverty line not above the had kifayah");
    }
  }

  /** The household's class by its income per person per month: {@link #FAKIR}, {@link #MISKIN} or {@link #ABOVE}. */
  public String povertyClass(long incomePerCapita) {
    if (incomePerCapita < povertyLinePerCapita) {
      return FAKIR;
    }
    return incomePerCapita < hadKifayahPerCapita ? MISKIN : ABOVE;
  }
}
