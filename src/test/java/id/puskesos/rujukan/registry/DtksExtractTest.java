package id.puskesos.rujukan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.InvalidInputException;

class DtksExtractTest {

  private static final String HEADER = String.join(",", DtksExtract.COLUMNS);
  private final DtksExtract extract = new DtksExtract(new IdentityNumbers(),
      Clock.fixed(LocalDate.of(2026, 11, 27).atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant(),
          ZoneId.of("Asia/Jakarta")));

  private DtksExtract.Parsed parse(String line) throws Exception {
    DtksExtract.Records in = DtksExtract.records(new StringReader(HEADER + "\n" + line + "\n"));
    Map<String, Integer> positions = extract.header(in);
    return extract.parse(2, in.next(), positions);
  }

  @Test
  void validRowBecomesARegistryRecord() throws Exception {
    DtksExtract.Parsed parsed = parse("3273026107900004,3273022208130002,Dewi Lestari,1990-07-21,P,ISTRI,"
        + "\"Jl. Pelesiran No. 4, belakang masjid\",2,5,Lebak Siliwangi,3,AKTIF,2026-01-10,T");

    assertThat(parsed.rejection()).isNull();
    DtksExtract.Row row = parsed.row();
    assertThat(row.address()).isEqualTo("Jl. Pelesiran No. 4, belakang masjid");
    assertThat(row.rt()).isEqualTo("002");
    assertThat(row.sex()).isEqualTo(Sex.F);
    assertThat(row.status()).isEqualTo(DtksStatus.LISTED);
    assertThat(row.desil()).isEqualTo(3);
    assertThat(row.deceased()).isFalse();
  }

  @Test
  void badRowNamesEveryProblemInBahasaIndonesia() throws Exception {
    DtksExtract.Parsed parsed = parse("3273022107900004,3273022208130002,,1990-07-21,P,TETANGGA,Jl. X,2a,5,"
        + "Lebak Siliwangi,11,AKTIF,2027-01-01,X");

    assertThat(parsed.row()).isNull();
    assertThat(parsed.rejection()).isEqualTo("Nama wajib diisi; Hubungan keluarga tidak dikenal; "
        + "RT harus 1 sampai 3 digit angka; Desil harus angka 1 sampai 10; "
        + "Tanggal pemutakhiran tidak boleh di masa depan; Kolom meninggal harus Y atau T; "
        + "Jenis kelamin pada NIK tidak cocok dengan jenis kelamin yang diisi");
  }

  @Test
  void columnsMayComeInAnyOrderButMustAllBeThere() throws Exception {
    DtksExtract.Records in = DtksExtract.records(new StringReader("nama,nik\n"));
    assertThatThrownBy(() -> extract.header(in)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Kolom tidak ada di baris judul: no_kk, tanggal_lahir");
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws Exception {
    DtksExtract.Records in = DtksExtract.records(new StringReader("a,\"b, \"\"c\"\"\",\"d\ne\"\nf,g\n"));

    assertThat(in.next()).containsExactly("a", "b, \"c\"", "d\ne");
    assertThat(in.next()).containsExactly("f", "g");
    assertThat(in.next()).isNull();
  }

  @Test
  void copyDataForPostgresqlQuotesEveryValueAndLeavesNullsBare() throws Exception {
    DtksExtract.Row row = parse("3273026107900004,3273022208130002,\"Dewi \"\"Ṣaleh\"\"\",1990-07-21,P,ISTRI,"
        + "\"Jl. Pelesiran No. 4,\nbelakang masjid\",2,5,Lebak Siliwangi,3,AKTIF,2026-01-10,T").row();
    java.time.Instant at = java.time.Instant.parse("2026-11-27T01:00:00Z");

    String copy = DtksImporter.copyData(List.of(row), 42, at);

    try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.POSTGRESQL_CSV
        .parse(new StringReader(copy))) {
      List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).toList()).containsExactly("3273026107900004", "3273022208130002",
          "Dewi \"Ṣaleh\"", NameKey.of("Dewi \"Ṣaleh\""), "1990-07-21", "F", "ISTRI",
          "Jl. Pelesiran No. 4,\nbelakang masjid", "002", "005", "Lebak Siliwangi", "LISTED", "3", "2026-01-10",
          "false", "42", "2026-11-27T01:00:00Z", "2026-11-27T01:00:00Z");
    }
    assertThat(copy).startsWith("\"3273026107900004\",").endsWith("\"2026-11-27T01:00:00Z\"\n");
  }

  @Test
  void nikRowsRememberTheFirstRowOfEachNik() {
    NikRows rows = new NikRows();
    for (int i = 0; i < 200_000; i++) {
      assertThat(rows.putIfAbsent(String.valueOf(3273020000000000L + i * 7919L), i + 2)).isEqualTo(-1);
    }
    assertThat(rows.putIfAbsent(String.valueOf(3273020000000000L + 5 * 7919L), 999_999)).isEqualTo(7);
  }

  @Test
  void generatedExtractPassesTheChecksWhereMeantToAndFailsWhereSpoiled() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("dtks", ".csv");
    DtksExtractGenerator.Expected expected = new DtksExtractGenerator(7, 0.05, 0.01, LocalDate.of(2026, 11, 27))
        .write(file, 20_000);

    java.util.Map<Long, String> rejected = new java.util.TreeMap<>();
    try (DtksExtract.Records in = DtksExtract.records(java.nio.file.Files.newBufferedReader(file))) {
      Map<String, Integer> positions = extract.header(in);
      NikRows seen = new NikRows();
      long number = 1;
      List<String> fields;
      while ((fields = in.next()) != null) {
        number++;
        DtksExtract.Parsed parsed = extract.parse(number, fields, positions);
        if (parsed.row() == null) {
          rejected.put(number, parsed.rejection());
        } else if (seen.putIfAbsent(parsed.row().nik(), (int) number) >= 0) {
          rejected.put(number, "repeated");
        }
      }
    }
    java.nio.file.Files.delete(file);

    assertThat(expected.rows()).isEqualTo(20_000);
    assertThat(expected.badRows()).hasSizeGreaterThan(500);
    assertThat(expected.duplicates()).isPositive();
    assertThat(rejected.keySet()).isEqualTo(expected.badRows().keySet());
    assertThat(expected.badRows().values()).contains("NIK_15_DIGITS", "NIK_BIRTH_DATE", "NIK_SEX", "NIK_REPEATED",
        "DESIL_11", "BIRTH_DATE_FORMAT");
  }

  private static final String ROW = "3273026107900004,3273022208130002,Dewi Lestari,1990-07-21,P,ISTRI,Jl. X,2,5,"
      + "Lebak Siliwangi,3,AKTIF,2026-01-10,T";

  private DtksExtract.Parsed parseWithMembership(String membership) throws Exception {
    String header = HEADER + ",pkh,bpnt,pbi_jk,pip,no_kks,periode_bansos";
    DtksExtract.Records in = DtksExtract.records(new StringReader(header + "\n" + ROW + "," + membership + "\n"));
    Map<String, Integer> positions = extract.header(in);
    return extract.parse(2, in.next(), positions);
  }

  @Test
  void membershipColumnsNameTheProgramsTheCardAndThePeriod() throws Exception {
    DtksExtract.Row row = parseWithMembership("Y,Y,T,,6013010012345678,2026-Q4").row();

    assertThat(row.nationalPrograms()).containsExactly("PKH", "BPNT");
    assertThat(row.kksNumber()).isEqualTo("6013010012345678");
    assertThat(row.aidPeriod()).isEqualTo("2026-Q4");
    assertThat(parseWithMembership("T,T,Y,Y,,2026-11").row()).satisfies(r -> {
      assertThat(r.nationalPrograms()).containsExactly("PBI_JK", "PIP");
      assertThat(r.kksNumber()).isNull();
      assertThat(r.aidPeriod()).isEqualTo("2026-11");
    });
  }

  @Test
  void badMembershipValuesRefuseTheRowWithTheReason() throws Exception {
    DtksExtract.Parsed parsed = parseWithMembership("YA,T,1,T,60130100123,2026-13");

    assertThat(parsed.row()).isNull();
    assertThat(parsed.rejection()).isEqualTo("Kolom pkh harus Y atau T; Kolom pbi_jk harus Y atau T; "
        + "Nomor KKS harus 16 digit angka; "
        + "Periode bansos harus TTTT-BB atau TTTT-Qn (misalnya 2026-11 atau 2026-Q4)");
    assertThat(parseWithMembership("T,T,T,T,,2026-Q5").rejection()).startsWith("Periode bansos harus");
  }

  @Test
  void anExtractWithoutMembershipColumnsCarriesNoMembership() throws Exception {
    DtksExtract.Records in = DtksExtract.records(new StringReader(HEADER + "\n" + ROW + "\n"));
    Map<String, Integer> positions = extract.header(in);

    DtksExtract.Row row = extract.parse(2, in.next(), positions).row();

    assertThat(DtksExtract.membershipPrograms(positions)).isEmpty();
    assertThat(row.nationalPrograms()).isEmpty();
    assertThat(row.kksNumber()).isNull();
    assertThat(row.aidPeriod()).isNull();
    assertThat(DtksExtract.membershipPrograms(extract.header(DtksExtract.records(new StringReader(
        HEADER + ",pkh,pip\n"))))).containsExactly("PKH", "PIP");
  }

  @Test
  void generatedExtractMarksAboutAFifthOfThePoorHouseholdsAsPkh() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("dtks", ".csv");
    new DtksExtractGenerator(8, 0, 0, LocalDate.of(2026, 11, 27)).write(file, 20_000);
    java.util.Set<String> poor = new java.util.HashSet<>();
    java.util.Set<String> pkh = new java.util.HashSet<>();
    java.util.Set<String> bpnt = new java.util.HashSet<>();
    try (DtksExtract.Records in = DtksExtract.records(java.nio.file.Files.newBufferedReader(file))) {
      Map<String, Integer> positions = extract.header(in);
      List<String> fields;
      long number = 1;
      while ((fields = in.next()) != null) {
        DtksExtract.Row row = extract.parse(++number, fields, positions).row();
        if (row.desil() <= 4) {
          poor.add(row.kkNumber());
        }
        if (row.nationalPrograms().contains("PKH")) {
          pkh.add(row.kkNumber());
          assertThat(row.kksNumber()).hasSize(16);
          assertThat(row.aidPeriod()).isEqualTo("2026-Q4");
        }
        if (row.nationalPrograms().contains("BPNT")) {
          bpnt.add(row.kkNumber());
        }
      }
    }
    java.nio.file.Files.delete(file);

    assertThat(poor).containsAll(pkh);
    assertThat(bpnt).containsAll(pkh);
    assertThat((double) pkh.size() / poor.size()).isBetween(0.15, 0.25);
  }
}
