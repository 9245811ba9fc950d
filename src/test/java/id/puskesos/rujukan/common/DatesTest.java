package id.puskesos.rujukan.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DatesTest {

  /** 00:30 WIB on 2 December 2026 is still 1 December in UTC. */
  private static final Instant HALF_PAST_MIDNIGHT_WIB = Instant.parse("2026-12-01T17:30:00Z");

  @Test
  void todayIsTheDayInBandungWhateverZoneTheClockWasMadeFor() {
    assertThat(Dates.today(Clock.fixed(HALF_PAST_MIDNIGHT_WIB, ZoneOffset.UTC))).isEqualTo(LocalDate.of(2026, 12, 2));
  }

  @Test
  void anInstantFallsOnItsDayInBandungAsPostgresqlHandsItBackInUtc() {
    OffsetDateTime receivedInUtc = OffsetDateTime.ofInstant(HALF_PAST_MIDNIGHT_WIB, ZoneOffset.UTC);

    assertThat(Dates.dayOf(receivedInUtc)).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(Dates.dayOf(null)).isNull();
  }

  @Test
  void datesAreWrittenDayFirstWithIndonesianMonthNames() {
    assertThat(Dates.written(LocalDate.of(2026, 12, 25))).isEqualTo("25 Desember 2026");
    assertThat(Dates.written(LocalDate.of(2026, 2, 1))).isEqualTo("1 Februari 2026");
    assertThat(Dates.written(OffsetDateTime.ofInstant(HALF_PAST_MIDNIGHT_WIB, ZoneOffset.UTC)))
        .isEqualTo("2 Desember 2026");
    assertThat(Dates.written(YearMonth.of(2026, 8))).isEqualTo("Agustus 2026");
    assertThat(Dates.written((LocalDate) null)).isEqualTo("-");
    assertThat(Dates.numeric(LocalDate.of(2026, 12, 2))).isEqualTo("02/12/2026");
  }
}
