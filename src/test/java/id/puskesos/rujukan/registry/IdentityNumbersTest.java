package id.puskesos.rujukan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.FieldError;

/** NIK and KK numbers shaped like real ones: Coblong (327302), born 21 July 1990. */
class IdentityNumbersTest {

  private final IdentityNumbers identity = new IdentityNumbers();

  private List<String> nikErrors(String nik, LocalDate birthDate, Sex sex) {
    Checks checks = new Checks();
    if (identity.checkNik(checks, "nik", nik)) {
      identity.checkNikAgainst(checks, "nik", nik, birthDate, sex);
    }
    assertThat(checks.warnings()).isEmpty();
    return messages(checks);
  }

  private static List<String> messages(Checks checks) {
    try {
      checks.throwIfAny();
      return List.of();
    } catch (id.puskesos.rujukan.common.InvalidInputException e) {
      return e.errors().stream().map(FieldError::message).toList();
    }
  }

  @Test
  void validMaleAndFemaleNiks() {
    assertThat(nikErrors("3273022107900003", LocalDate.of(1990, 7, 21), Sex.M)).isEmpty();
    assertThat(nikErrors("3273026107900004", LocalDate.of(1990, 7, 21), Sex.F)).isEmpty();
    assertThat(nikErrors("3273022902000001", LocalDate.of(2000, 2, 29), Sex.M)).as("leap day of 2000").isEmpty();
  }

  @Test
  void birthDateOnTheNikMustMatchTheOneGiven() {
    assertThat(nikErrors("3273022107900003", LocalDate.of(1990, 7, 22), Sex.M))
        .containsExactly("Tanggal lahir pada NIK tidak cocok dengan tanggal lahir yang diisi");
    assertThat(nikErrors("3273022107900003", LocalDate.of(1980, 7, 21), Sex.M))
        .containsExactly("Tanggal lahir pada NIK tidak cocok dengan tanggal lahir yang diisi");
  }

  @Test
  void womenHaveFortyAddedToTheDay() {
    assertThat(nikErrors("3273022107900003", LocalDate.of(1990, 7, 21), Sex.F))
        .containsExactly("Jenis kelamin pada NIK tidak cocok dengan jenis kelamin yang diisi");
    assertThat(nikErrors("3273026107900004", LocalDate.of(1990, 7, 21), Sex.M))
        .containsExactly("Jenis kelamin pada NIK tidak cocok dengan jenis kelamin yang diisi");
  }

  @Test
  void impossibleDatesAreRefused() {
    assertThat(nikErrors("3273023202900001", null, null)).containsExactly("Tanggal lahir pada NIK tidak valid");
    assertThat(nikErrors("3273023513900001", null, null)).containsExactly("Tanggal lahir pada NIK tidak valid");
    assertThat(nikErrors("3273027113900001", null, null)).containsExactly("Tanggal lahir pada NIK tidak valid");
    assertThat(nikErrors("3273020000900001", null, null)).containsExactly("Tanggal lahir pada NIK tidak valid");
  }

  @Test
  void serialZeroZeroZeroZeroIsRefused() {
    assertThat(nikErrors("3273022107900000", null, null)).containsExactly("Nomor urut pada NIK tidak boleh 0000");
  }

  @Test
  void wrongLengthOrLettersAreRefused() {
    assertThat(nikErrors("327302210790000", null, null)).containsExactly("NIK harus 16 digit angka");
    assertThat(nikErrors("32730221079000O3", null, null)).containsExactly("NIK harus 16 digit angka");
    assertThat(nikErrors("32730221079000031", null, null)).containsExactly("NIK harus 16 digit angka");
  }

  @Test
  void unknownProvinceIsAnErrorUnknownKecamatanAWarning() {
    assertThat(nikErrors("9973022107900003", null, null)).containsExactly("Kode provinsi pada NIK (99) tidak valid");

    Checks checks = new Checks();
    assertThat(identity.checkNik(checks, "nik", "3273412107900003")).isTrue();
    assertThat(identity.checkNik(checks, "nik", "3299022107900003")).isTrue();
    assertThat(identity.checkNik(checks, "nik", "3171022107900003")).as("Jakarta: codes not shipped").isTrue();
    assertThat(checks.warnings()).extracting(FieldError::message).containsExactly(
        "Kode kecamatan pada NIK (327341) tidak dikenal", "Kode kabupaten/kota pada NIK (3299) tidak dikenal");
    assertThat(checks.hasErrors()).isFalse();
  }

  @Test
  void kkNeedsSixteenDigitsAndAValidRegion() {
    Checks checks = new Checks();
    assertThat(identity.checkKk(checks, "kk", "3273020101090012")).isTrue();
    assertThat(identity.checkKk(checks, "kk", "0073020101090012")).isFalse();
    assertThat(identity.checkKk(checks, "kk", "32730201010900")).isFalse();
    assertThat(messages(checks)).containsExactly("Kode provinsi pada nomor KK (00) tidak valid",
        "Nomor KK harus 16 digit angka");
  }

  @Test
  void regionNamesAreKnown() {
    assertThat(identity.regionName("327302")).contains("Coblong");
    assertThat(identity.regionName("3273")).contains("Kota Bandung");
  }
}
