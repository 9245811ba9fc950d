package id.puskesos.rujukan.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DateRuleTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-25T09:15:00+07:00");

  private final Checks checks = new Checks();

  private DateRule handover(String date) {
    return DateRule.of(checks, "distributionDate", "Tanggal penyerahan",
        checks.date("distributionDate", date, "Tanggal penyerahan", true));
  }

  @Test
  void aDateBetweenTheStepItFollowsAndTodayPasses() {
    assertThat(handover("2026-11-25").notBefore("pengaduan diterima", RECEIVED).notInFuture(TODAY).valid())
        .isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(handover("2026-12-02").notBefore("pengaduan diterima", RECEIVED).notInFuture(TODAY).valid())
        .isEqualTo(TODAY);
    assertThat(checks.errors()).isEmpty();
  }

  @Test
  void aDateBeforeTheStepItFollowsIsRefusedNamingTheFieldAndBothDaysDayFirst() {
    assertThat(handover("2026-11-20").notBefore("pengaduan diterima", RECEIVED).notInFuture(TODAY).valid()).isNull();

    assertThat(checks.errors()).containsExactly(new FieldError("distributionDate",
        "Tanggal penyerahan (20/11/2026) sebelum pengaduan diterima (25/11/2026)"));
  }

  @Test
  void theStepIsCountedOnItsDayInBandung() {
    // received at 06:00 WIB on 25 November, which PostgreSQL gives back as 23:00 UTC on the 24th
    OffsetDateTime inUtc = OffsetDateTime.parse("2026-11-24T23:00:00Z");

    handover("2026-11-24").notBefore("pengaduan diterima", inUtc);

    assertThat(checks.errors()).extracting(FieldError::message)
        .containsExactly("Tanggal penyerahan (24/11/2026) sebelum pengaduan diterima (25/11/2026)");
  }

  @Test
  void aDateInTheFutureIsRefusedWithTodayInBandung() {
    // 00:30 WIB on 3 December: UTC still says 2 December, Bandung does not
    Clock clock = Clock.fixed(Instant.parse("2026-12-02T17:30:00Z"), ZoneOffset.UTC);

    handover("2026-12-03").notInFuture(clock);
    handover("2026-12-04").notInFuture(clock);

    assertThat(checks.errors()).extracting(FieldError::message)
        .containsExactly("Tanggal penyerahan (04/12/2026) tidak boleh di masa depan; hari ini 03/12/2026");
  }

  @Test
  void onlyTheFirstBrokenBoundIsReported() {
    handover("2026-11-20").notBefore("pengaduan diterima", RECEIVED)
        .notBefore("layanan ditetapkan", LocalDate.of(2026, 11, 30)).notInFuture(LocalDate.of(2026, 11, 1));

    assertThat(checks.errors()).extracting(FieldError::message)
        .containsExactly("Tanggal penyerahan (20/11/2026) sebelum pengaduan diterima (25/11/2026)");
  }

  @Test
  void aStepNotTakenSetsNoBound() {
    assertThat(handover("2026-11-20").notBefore("layanan ditetapkan", (OffsetDateTime) null)
        .notAfter("batas", null).valid()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(checks.errors()).isEmpty();
  }

  @Test
  void aMissingOrMalformedDateIsReportedOnceByChecksAlone() {
    handover(null).notBefore("pengaduan diterima", RECEIVED).notInFuture(TODAY);
    handover("20/11/2026").notBefore("pengaduan diterima", RECEIVED).notInFuture(TODAY);

    assertThat(checks.errors()).extracting(FieldError::message).containsExactly("Tanggal penyerahan wajib diisi",
        "Tanggal penyerahan harus berformat TTTT-BB-HH, misalnya 2026-07-21");
  }

  @Test
  void dueDatesAndFixedEarliestDaysHaveTheirOwnWords() {
    DateRule.of(checks, "actionItems", "Tindak lanjut ke-1: batas waktu", LocalDate.of(2026, 11, 30))
        .notInPast(TODAY);
    DateRule.of(checks, "actionItems", "Tindak lanjut ke-2: batas waktu", LocalDate.of(2062, 12, 2))
        .notInPast(TODAY).notAfter("satu tahun setelah rapat", TODAY.plusYears(1));
    DateRule.of(checks, "birthDate", "Tanggal lahir", LocalDate.of(1899, 12, 31)).notBefore(LocalDate.of(1900, 1, 1));

    assertThat(checks.errors()).extracting(FieldError::message).containsExactly(
        "Tindak lanjut ke-1: batas waktu (30/11/2026) sudah lewat; hari ini 02/12/2026",
        "Tindak lanjut ke-2: batas waktu (02/12/2062) melewati satu tahun setelah rapat (02/12/2027)",
        "Tanggal lahir (31/12/1899) tidak boleh sebelum 01/01/1900");
  }
}
