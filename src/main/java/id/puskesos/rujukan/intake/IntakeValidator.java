package id.puskesos.rujukan.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.Channel;
import id.puskesos.rujukan.referral.IntakeRecord;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.registry.ContactRules;
import id.puskesos.rujukan.registry.IdentityNumbers;
import id.puskesos.rujukan.registry.ResidentDetails;
import id.puskesos.rujukan.registry.Sex;

/** The intake rules, one set for the API and Tasklist's start form. */
@Component
public class IntakeValidator {

  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .,'-]*");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private final Clock clock;
  private final IdentityNumbers identity;

  public IntakeValidator(Clock clock, IdentityNumbers identity) {
    this.clock = clock;
    this.identity = identity;
  }

  /** The validated intake, or an {@link id.puskesos.rujukan.common.InvalidInputException} listing every problem. */
  public ValidIntake validate(IntakeRequest in) {
    Checks checks = new Checks();
    String nik = checks.required(CaseVariables.NIK.name(), in.nik(), "NIK");
    boolean nikWellFormed = nik != null && identity.checkNik(checks, CaseVariables.NIK.name(), nik);
    String kk = checks.required(CaseVariables.KK_NUMBER.name(), in.kkNumber(), "Nomor KK");
    if (kk != null) {
      identity.checkKk(checks, CaseVariables.KK_NUMBER.name(), kk);
    }
    String name = text(checks, CaseVariables.FULL_NAME.name(), in.fullName(), "Nama lengkap", 120);
    if (name != null) {
      checks.check(NAME.matcher(name).matches(), CaseVariables.FULL_NAME.name(),
          "Nama lengkap hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung");
    }
    LocalDate birthDate = birthDate(checks, in.birthDate());
    Sex sex = checks.oneOf(Sex.class, CaseVariables.SEX.name(), in.sex(), "Jenis kelamin");
    String address = text(checks, CaseVariables.ADDRESS.name(), in.address(), "Alamat", 200);
    String rt = ContactRules.rtRw(checks, CaseVariables.RT.name(), in.rt(), "RT");
    String rw = ContactRules.rtRw(checks, CaseVariables.RW.name(), in.rw(), "RW");
    String kelurahan = text(checks, CaseVariables.KELURAHAN.name(), in.kelurahan(), "Kelurahan", 80);
    String phone = ContactRules.phone(checks, CaseVariables.PHONE.name(), in.phone());
    Channel channel = checks.oneOf(Channel.class, CaseVariables.CHANNEL.name(), in.channel(), "Saluran pengaduan");
    Set<Need> needs = needs(checks, in);
    String description = text(checks, CaseVariables.DESCRIPTION.name(), in.description(), "Uraian pengaduan", 2000);
    if (nikWellFormed) {
      identity.checkNikAgainst(checks, CaseVariables.NIK.name(), nik, birthDate, sex);
    }
    checks.throwIfAny();
    return new ValidIntake(
        new ResidentDetails(nik, kk, name, birthDate, sex, address, rt, rw, kelurahan, phone),
        new IntakeRecord(channel, needs, description, Boolean.TRUE.equals(in.urgent())), checks.warnings());
  }

  private static String text(Checks checks, String field, String value, String label, int max) {
    String v = checks.required(field, value, label);
    if (v == null) {
      return null;
    }
    if (v.length() > max) {
      checks.add(field, "%s paling banyak %d karakter".formatted(label, max));
    }
    if (CONTROL.matcher(v).find()) {
      checks.add(field, label + " berisi karakter kontrol yang tidak diizinkan");
    }
    return v;
  }

  private LocalDate birthDate(Checks checks, String value) {
    String v = checks.required(CaseVariables.BIRTH_DATE.name(), value, "Tanggal lahir");
    if (v == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
      DateRule.of(checks, CaseVariables.BIRTH_DATE.name(), "Tanggal lahir",
          date).notBefore(EARLIEST_BIRTH).notInFuture(clock);
      return date;
    } catch (DateTimeParseException e) {
      checks.add(CaseVariables.BIRTH_DATE.name(), "Tanggal lahir harus berformat TTTT-BB-HH, misalnya 1985-07-21");
      return null;
    }
  }

  private static Set<Need> needs(Checks checks, IntakeRequest in) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    if (in.needs() == null || in.needs().isEmpty()) {
      checks.add(CaseVariables.NEEDS.name(), "Pilih minimal satu kebutuhan");
      return needs;
    }
    for (String code : in.needs()) {
      Need need = checks.oneOf(Need.class, CaseVariables.NEEDS.name(), code, "Kebutuhan");
      if (need != null) {
        needs.add(need);
      }
    }
    return needs;
  }
}
