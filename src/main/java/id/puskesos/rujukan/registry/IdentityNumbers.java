package id.puskesos.rujukan.registry;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Checks;

/**
 * The rules of NIK and KK numbers, one validator for the API, the forms and the registry import.
 * A NIK is 16 digits: region (province, kabupaten/kota, kecamatan: 2 + 2 + 2), birth date DDMMYY with 40 added
 * to the day for women, and a serial that is not 0000. A KK number is 16 digits starting with a region code.
 * An unknown province is an error; an unknown kabupaten/kota or kecamatan only a warning, since this
 * installation ships the codes of Jawa Barat and Kota Bandung only ({@code registry/regions.csv}).
 */
@Component
public class IdentityNumbers {

  private final Map<String, String> regions;
  /** Codes whose children are shipped: below them an unknown code is worth a warning. */
  private final Set<String> parents;

  public IdentityNumbers() {
    this.regions = loadRegions();
    this.parents = regions.keySet().stream().filter(code -> code.length() > 2)
        .map(code -> code.substring(0, code.length() - 2)).collect(Collectors.toUnmodifiableSet());
  }

  public Optional<String> regionName(String code) {
    return Optional.ofNullable(regions.get(code));
  }

  /** Checks a NIK on its own: digits, region, a real birth date, serial. Returns true when it is well formed. */
  public boolean checkNik(Checks checks, String field, String nik) {
    if (nik == null || !isSixteenDigits(nik)) {
      checks.add(field, "NIK harus 16 digit angka");
      return false;
    }
    boolean ok = checkRegion(checks, field, nik, "NIK");
    if (!isDate(nikDay(nik), nikMonth(nik), nikYear(nik))) {
      checks.add(field, "Tanggal lahir pada NIK tidak valid");
      ok = false;
    }
    if (nik.endsWith("0000")) {
      checks.add(field, "Nomor urut pada NIK tidak boleh 0000");
      ok = false;
    }
    return ok;
  }

  /** Checks a well-formed NIK against the birth date and sex given beside it (either may be null). */
  public boolean checkNikAgainst(Checks checks, String field, String nik, LocalDate birthDate, Sex sex) {
    boolean ok = true;
    if (birthDate != null && (birthDate.getDayOfMonth() != nikDay(nik) || birthDate.getMonthValue() != nikMonth(nik)
        || birthDate.getYear() % 100 != nikYear(nik))) {
      checks.add(field, "Tanggal lahir pada NIK tidak cocok dengan tanggal lahir yang diisi");
      ok = false;
    }
    if (sex != null && (sex == Sex.F) != isFemale(nik)) {
      checks.add(field, "Jenis kelamin pada NIK tidak cocok dengan jenis kelamin yang diisi");
      ok = false;
    }
    return ok;
  }

  private static boolean isFemale(String nik) {
    return Integer.parseInt(nik.substring(6, 8)) > 40;
  }

  private static int nikDay(String nik) {
    int day = Integer.parseInt(nik.substring(6, 8));
    return day > 40 ? day - 40 : day;
  }

  private static int nikMonth(String nik) {
    return Integer.parseInt(nik.substring(8, 10));
  }

  private static int nikYear(String nik) {
    return Integer.parseInt(nik.substring(10, 12));
  }

  /** Checks a KK number: 16 digits with a valid region prefix. */
  public boolean checkKk(Checks checks, String field, String kk) {
    if (kk == null || !isSixteenDigits(kk)) {
      checks.add(field, "Nomor KK harus 16 digit angka");
      return false;
    }
    return checkRegion(checks, field, kk, "nomor KK");
  }

  private boolean checkRegion(Checks checks, String field, String number, String what) {
    String province = number.substring(0, 2);
    if (!regions.containsKey(province)) {
      checks.add(field, "Kode provinsi pada %s (%s) tidak valid".formatted(what, province));
      return false;
    }
    String city = number.substring(0, 4);
    String district = number.substring(0, 6);
    if (!regions.containsKey(city)) {
      if (parents.contains(province)) {
        checks.warn(field, "Kode kabupaten/kota pada %s (%s) tidak dikenal".formatted(what, city));
      }
    } else if (!regions.containsKey(district) && parents.contains(city)) {
      checks.warn(field, "Kode kecamatan pada %s (%s) tidak dikenal".formatted(what, district));
    }
    return true;
  }

  private static boolean isSixteenDigits(String value) {
    if (value.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** DDMMYY names a real date in one of the two centuries it can stand for. */
  private static boolean isDate(int day, int month, int yy) {
    for (int century : new int[] {1900, 2000}) {
      try {
        LocalDate.of(century + yy, month, day);
        return true;
      } catch (DateTimeException e) {
        // try the other century (29 February)
      }
    }
    return false;
  }

  /** {@code registry/regions.csv}: a header row (code, name), comment lines starting with '#'. */
  private static Map<String, String> loadRegions() {
    Map<String, String> codes = new HashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = new InputStreamReader(IdentityNumbers.class.getResourceAsStream("/registry/regions.csv"),
        StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
      for (CSVRecord record : parser) {
        codes.put(record.get("code"), record.get("name"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(codes);
  }
}
