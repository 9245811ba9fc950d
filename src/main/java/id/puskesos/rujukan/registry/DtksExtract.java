package id.puskesos.rujukan.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * The CSV extract of DTKS/DTSEN the Puskesos imports (UTF-8, comma-separated, header row, fields with commas in
 * double quotes; read by Commons CSV). One row per person; the columns, in any order:
 *
 * <pre>
 * nik, no_kk, nama, tanggal_lahir (TTTT-BB-HH), jenis_kelamin (L/P), hubungan_keluarga, alamat, rt, rw, kelurahan,
 * desil (1-10), status_dtks (AKTIF/TIDAK_AKTIF), tanggal_pemutakhiran (TTTT-BB-HH), meninggal (Y/T)
 * </pre>
 *
 * and, optional (an extract without them imports as before), the national program membership the extract can carry:
 * {@code pkh}, {@code bpnt}, {@code pbi_jk}, {@code pip} (Y/T; blank is T), {@code no_kks} (16 digits; blank: not
 * given) and {@code periode_bansos} ({@code 2026-11} or {@code 2026-Q4}; blank: the import's current period).
 *
 * {@code hubungan_keluarga}: KEPALA_KELUARGA, SUAMI, ISTRI, ANAK, MENANTU, CUCU, ORANG_TUA, MERTUA, FAMILI_LAIN,
 * LAINNYA. Each row is checked with the same rules as an intake (NIK against birth date and sex, KK, RT/RW).
 */
@Component
public class DtksExtract {

  public static final List<String> COLUMNS = List.of("nik", "no_kk", "nama", "tanggal_lahir", "jenis_kelamin",
      "hubungan_keluarga", "alamat", "rt", "rw", "kelurahan", "desil", "status_dtks", "tanggal_pemutakhiran",
      "meninggal");
  /** The optional membership columns, each with the program code it names. */
  public static final Map<String, String> MEMBERSHIP_COLUMNS = membershipColumns();
  public static final String KKS_COLUMN = "no_kks";
  public static final String PERIOD_COLUMN = "periode_bansos";
  public static final Set<String> RELATIONSHIPS = Set.of("KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU",
      "CUCU", "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "LAINNYA");

  /** A row that passed the checks. */
  public record Row(long number, String nik, String kkNumber, String fullName, LocalDate birthDate, Sex sex,
      String relationship, String address, String rt, String rw, String kelurahan, int desil, DtksStatus status,
      LocalDate updatedOn, boolean deceased, boolean warned, List<String> nationalPrograms, String kksNumber,
      String aidPeriod) {
  }

  /** The outcome of one row: the row, or why it was refused. */
  public record Parsed(long number, Row row, String nik, String rejection) {
  }

  private final IdentityNumbers identity;
  private final Clock clock;

  public DtksExtract(IdentityNumbers identity, Clock clock) {
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * The records of a CSV file, read by Commons CSV one at a time (a quoted field may hold commas, quotes and line
   * breaks). Blank lines are records too, of one empty field, so that row numbers count the file's records.
   */
  public static final class Records implements Closeable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private Records(Reader in) throws IOException {
      this.parser = FORMAT.parse(in);
      this.records = parser.iterator();
    }

    /** The next record's fields, or null at the end. */
    public List<String> next() {
      try {
        return records.hasNext() ? records.next().toList() : null;
      } catch (UncheckedIOException | IllegalStateException e) {
        throw new InvalidInputException("file", "Berkas CSV tidak dapat dibaca setelah baris "
            + parser.getRecordNumber() + ": " + e.getMessage());
      }
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }
  }

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  /** Opens the file's records; {@link #header} reads the first. */
  public static Records records(Reader in) throws IOException {
    return new Records(in);
  }

  /** Reads the header; every column must be there. Returns each column's position. */
  public Map<String, Integer> header(Records in) {
    List<String> names = in.next();
    if (names == null) {
      throw new InvalidInputException("file", "Berkas kosong: baris judul kolom tidak ada");
    }
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = i == 0 && names.get(0).startsWith("\uFEFF") ? names.get(0).substring(1) : names.get(i);
      positions.put(name.trim().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = COLUMNS.stream().filter(c -> !positions.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException("file", "Kolom tidak ada di baris judul: " + String.join(", ", missing));
    }
    return positions;
  }

  /** Checks one row with the intake's rules; every problem of the row is named. */
  public Parsed parse(long number, List<String> fields, Map<String, Integer> positions) {
    Checks checks = new Checks();
    String nik = value(fields, positions, "nik");
    boolean nikOk = nik != null && identity.checkNik(checks, "nik", nik);
    if (nik == null) {
      checks.add("nik", "NIK wajib diisi");
    }
    String kk = value(fields, positions, "no_kk");
    if (kk == null) {
      checks.add("no_kk", "Nomor KK wajib diisi");
    } else {
      identity.checkKk(checks, "no_kk", kk);
    }
    String name = checks.required("nama", value(fields, positions, "nama"), "Nama");
    checks.check(name == null || name.length() <= 120, "nama", "Nama paling banyak 120 karakter");
    LocalDate birthDate = checks.date("tanggal_lahir", value(fields, positions, "tanggal_lahir"), "Tanggal lahir", true);
    checks.check(birthDate == null || !birthDate.isAfter(LocalDate.now(clock)), "tanggal_lahir",
        "Tanggal lahir tidak boleh di masa depan");
    String sexCode = value(fields, positions, "jenis_kelamin");
    Sex sex = "L".equals(sexCode) ? Sex.M : "P".equals(sexCode) ? Sex.F : null;
    checks.check(sex != null, "jenis_kelamin", "Jenis kelamin harus L atau P");
    String relationship = value(fields, positions, "hubungan_keluarga");
    checks.check(relationship != null && RELATIONSHIPS.contains(relationship), "hubungan_keluarga",
        "Hubungan keluarga tidak dikenal");
    String address = checks.required("alamat", value(fields, positions, "alamat"), "Alamat");
    checks.check(address == null || address.length() <= 200, "alamat", "Alamat paling banyak 200 karakter");
    String rt = ContactRules.rtRw(checks, "rt", value(fields, positions, "rt"), "RT");
    String rw = ContactRules.rtRw(checks, "rw", value(fields, positions, "rw"), "RW");
    String kelurahan = checks.required("kelurahan", value(fields, positions, "kelurahan"), "Kelurahan");
    Integer desil = desil(checks, value(fields, positions, "desil"));
    String statusCode = value(fields, positions, "status_dtks");
    DtksStatus status = "AKTIF".equals(statusCode) ? DtksStatus.LISTED
        : "TIDAK_AKTIF".equals(statusCode) ? DtksStatus.NOT_LISTED : null;
    checks.check(status != null, "status_dtks", "Status DTKS harus AKTIF atau TIDAK_AKTIF");
    LocalDate updatedOn = checks.date("tanggal_pemutakhiran", value(fields, positions, "tanggal_pemutakhiran"),
        "Tanggal pemutakhiran", true);
    checks.check(updatedOn == null || !updatedOn.isAfter(LocalDate.now(clock)), "tanggal_pemutakhiran",
        "Tanggal pemutakhiran tidak boleh di masa depan");
    String deceasedCode = value(fields, positions, "meninggal");
    checks.check("Y".equals(deceasedCode) || "T".equals(deceasedCode), "meninggal", "Kolom meninggal harus Y atau T");
    List<String> programs = new ArrayList<>();
    MEMBERSHIP_COLUMNS.forEach((column, program) -> {
      String code = value(fields, positions, column);
      checks.check(code == null || "Y".equals(code) || "T".equals(code), column,
          "Kolom %s harus Y atau T".formatted(column));
      if ("Y".equals(code)) {
        programs.add(program);
      }
    });
    String kks = value(fields, positions, KKS_COLUMN);
    checks.check(kks == null || kks.matches("\\d{16}"), KKS_COLUMN, "Nomor KKS harus 16 digit angka");
    String aidPeriod = value(fields, positions, PERIOD_COLUMN);
    checks.check(aidPeriod == null || BudgetPeriod.MONTH.names(aidPeriod) || BudgetPeriod.QUARTER.names(aidPeriod),
        PERIOD_COLUMN, "Periode bansos harus TTTT-BB atau TTTT-Qn (misalnya 2026-11 atau 2026-Q4)");
    if (nikOk && birthDate != null && sex != null) {
      identity.checkNikAgainst(checks, "nik", nik, birthDate, sex);
    }
    if (checks.hasErrors()) {
      return new Parsed(number, null, nik, String.join("; ", checks.errors().stream().map(FieldError::message)
          .toList()));
    }
    return new Parsed(number, new Row(number, nik, kk, name, birthDate, sex, relationship, address, rt, rw, kelurahan,
        desil, status, updatedOn, "Y".equals(deceasedCode), !checks.warnings().isEmpty(), List.copyOf(programs), kks,
        aidPeriod), nik, null);
  }

  private static Integer desil(Checks checks, String value) {
    try {
      int desil = Integer.parseInt(value == null ? "" : value);
      if (desil >= 1 && desil <= 10) {
        return desil;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    checks.add("desil", "Desil harus angka 1 sampai 10");
    return null;
  }

  /** The membership programs whose column the file has: only those can end for a household the file leaves out. */
  public static List<String> membershipPrograms(Map<String, Integer> positions) {
    return MEMBERSHIP_COLUMNS.entrySet().stream().filter(c -> positions.containsKey(c.getKey()))
        .map(Map.Entry::getValue).toList();
  }

  private static Map<String, String> membershipColumns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("pkh", "PKH");
    columns.put("bpnt", "BPNT");
    columns.put("pbi_jk", "PBI_JK");
    columns.put("pip", "PIP");
    return Collections.unmodifiableMap(columns);
  }

  private static String value(List<String> fields, Map<String, Integer> positions, String column) {
    Integer at = positions.get(column);
    if (at == null || at >= fields.size()) {
      return null;
    }
    String v = fields.get(at).trim();
    return v.isEmpty() ? null : v;
  }
}
