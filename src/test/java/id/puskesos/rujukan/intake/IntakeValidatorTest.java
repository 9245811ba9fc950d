package id.puskesos.rujukan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.registry.IdentityNumbers;
import id.puskesos.rujukan.registry.Sex;

class IntakeValidatorTest {

  private final IntakeValidator validator = new IntakeValidator(
      Clock.fixed(LocalDate.of(2026, 11, 27).atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant(),
          ZoneId.of("Asia/Jakarta")), new IdentityNumbers());

  private static IntakeRequest valid() {
    return new IntakeRequest("3273014507850001", "3273010101080002", "Siti Aminah", "1985-07-05", "F",
        "Jl. Tamansari No. 12", "3", "07", "Lebak Siliwangi", "+62 812-3456-7890", "WALK_IN",
        List.of("FOOD", "HEALTH", "FOOD"), "Suami sakit", true);
  }

  @Test
  void normalisesAValidIntake() {
    ValidIntake intake = validator.validate(valid());

    assertThat(intake.resident().rt()).isEqualTo("003");
    assertThat(intake.resident().rw()).isEqualTo("007");
    assertThat(intake.resident().phone()).isEqualTo("081234567890");
    assertThat(intake.resident().sex()).isEqualTo(Sex.F);
    assertThat(intake.resident().birthDate()).isEqualTo(LocalDate.of(1985, 7, 5));
    assertThat(intake.complaint().needs()).containsExactly(Need.FOOD, Need.HEALTH);
    assertThat(intake.complaint().channel()).isEqualTo(Channel.WALK_IN);
    assertThat(intake.complaint().urgent()).isTrue();
  }

  @Test
  void phoneIsOptionalAndUrgentDefaultsToNo() {
    IntakeRequest r = valid();
    ValidIntake intake = validator.validate(new IntakeRequest(r.nik(), r.kkNumber(), r.fullName(), r.birthDate(),
        r.sex(), r.address(), r.rt(), r.rw(), r.kelurahan(), null, r.channel(), r.needs(), r.description(), null));

    assertThat(intake.resident().phone()).isNull();
    assertThat(intake.complaint().urgent()).isFalse();
  }

  @Test
  void reportsEveryBrokenFieldInBahasaIndonesia() {
    IntakeRequest bad = new IntakeRequest("3273-0145", "", "Siti 2", "2027-01-01", "L", "x".repeat(201), "12a",
        null, "Lebak\u0007Siliwangi", "555", "FAX", List.of(), " ", false);

    List<FieldError> errors = catchThrowableOfType(InvalidInputException.class, () -> validator.validate(bad))
        .errors();

    assertThat(errors).extracting(FieldError::field).containsExactly("nik", "kkNumber", "fullName", "birthDate",
        "sex", "address", "rt", "rw", "kelurahan", "phone", "channel", "needs", "description");
    assertThat(errors).extracting(FieldError::message).contains("NIK harus 16 digit angka",
        "Nomor KK wajib diisi", "Tanggal lahir (01/01/2027) tidak boleh di masa depan; hari ini 27/11/2026",
        "Jenis kelamin tidak dikenal; pilihan: M, F", "Alamat paling banyak 200 karakter",
        "Kelurahan berisi karakter kontrol yang tidak diizinkan", "Pilih minimal satu kebutuhan");
  }

  @Test
  void nikMustAgreeWithTheBirthDateAndSexGivenBesideIt() {
    IntakeRequest r = valid();
    IntakeRequest man = new IntakeRequest(r.nik(), r.kkNumber(), r.fullName(), "1985-07-06", "M", r.address(),
        r.rt(), r.rw(), r.kelurahan(), r.phone(), r.channel(), r.needs(), r.description(), false);

    assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(man)).errors())
        .extracting(FieldError::message).containsExactly(
            "Tanggal lahir pada NIK tidak cocok dengan tanggal lahir yang diisi",
            "Jenis kelamin pada NIK tidak cocok dengan jenis kelamin yang diisi");
  }

  @Test
  void unknownKecamatanIsAWarningNotARefusal() {
    IntakeRequest r = valid();
    ValidIntake intake = validator.validate(new IntakeRequest("3273994507850001", r.kkNumber(), r.fullName(),
        r.birthDate(), r.sex(), r.address(), r.rt(), r.rw(), r.kelurahan(), r.phone(), r.channel(), r.needs(),
        r.description(), false));

    assertThat(intake.warnings()).extracting(FieldError::message)
        .containsExactly("Kode kecamatan pada NIK (327399) tidak dikenal");
  }

  @Test
  void messageNamesEveryProblemSoTasklistShowsThemAll() {
    IntakeRequest r = valid();
    IntakeRequest bad = new IntakeRequest("1", r.kkNumber(), r.fullName(), "05-07-1985", r.sex(), r.address(),
        r.rt(), r.rw(), r.kelurahan(), r.phone(), r.channel(), r.needs(), r.description(), false);

    assertThat(catchThrowableOfType(InvalidInputException.class, () -> validator.validate(bad)).getMessage())
        .isEqualTo("Data tidak valid: NIK harus 16 digit angka; "
            + "Tanggal lahir harus berformat TTTT-BB-HH, misalnya 1985-07-21");
  }
}
