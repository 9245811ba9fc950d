package id.puskesos.rujukan.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import id.puskesos.rujukan.catalogue.BudgetPeriod;

/**
 * Writes realistic synthetic DTKS/DTSEN extracts of any size, for tests, demos and the import benchmark: households
 * of Kota Bandung (kecamatan codes, KK numbers, a head, a spouse, children, sometimes a grandparent), correctly
 * encoded NIKs (birth date, day + 40 for women, unique serials), a desil distribution weighted to the poor, a
 * share of deliberately bad rows (each kind of mistake the registry must catch) and a share of probable
 * duplicates (the same person again under another NIK), and national program membership (the optional columns of
 * {@link DtksExtract}) at plausible rates for desil 1-4 households: about 20% PKH (every PKH household also BPNT),
 * 35% BPNT, 60% PBI-JK, PIP for 15% of the children aged 6-21 (one per household), marked on the head's row (PIP on
 * the child's), with a KKS number for PKH and BPNT households and the current quarter as the period. Deterministic
 * for a given seed.
 */
public final class DtksExtractGenerator {

  /** What was written on purpose: the bad rows (row number to the mistake) and the planted duplicates. */
  public record Expected(long rows, Map<Long, String> badRows, long duplicates) {
  }

  private static final String[] MALE = {"Asep", "Ujang", "Dedi", "Agus", "Budi", "Cecep", "Dadang", "Eko", "Hendra",
      "Iwan", "Jajang", "Kurnia", "Lukman", "Maman", "Nana", "Oman", "Rudi", "Sutisna", "Tatang", "Wawan", "Yayat",
      "Muhammad", "Ahmad", "Rizki", "Fajar", "Dimas", "Rangga", "Yusuf", "Hasan", "Ilham"};
  private static final String[] FEMALE = {"Siti", "Euis", "Neneng", "Ai", "Dewi", "Rina", "Yuyun", "Tati", "Cucu",
      "Enok", "Imas", "Lilis", "Nining", "Popon", "Sri", "Titin", "Wati", "Yanti", "Nurul", "Fitri", "Putri", "Ayu",
      "Dian", "Intan", "Lestari", "Rahmawati", "Sari", "Kartika", "Anisa", "Nadia"};
  private static final String[] FAMILY = {"Suryana", "Hidayat", "Permana", "Saputra", "Nugraha", "Kusnadi",
      "Sumarna", "Rohmat", "Setiawan", "Gunawan", "Ruhiyat", "Sopandi", "Mulyana", "Hermawan", "Kurniawan",
      "Supriatna", "Rahman", "Hakim", "Aminah", "Wulandari", "Maulana", "Firmansyah", "Pratama", "Ramdani"};
  private static final String[] KELURAHAN = {"Lebak Siliwangi", "Lebak Gede", "Dago", "Sekeloa", "Sadang Serang",
      "Cipaganti"};
  private static final String[] STREETS = {"Jl. Tamansari", "Jl. Pelesiran", "Jl. Cisitu", "Jl. Dago", "Jl. Sekeloa",
      "Jl. Plesiran", "Gg. Sukaasih", "Gg. Bapak Eni", "Jl. Cihampelas", "Jl. Sangkuriang"};
  /** Desil 1-10, weighted to the poor as the registry is. */
  private static final int[] DESIL_WEIGHTS = {18, 16, 14, 12, 10, 9, 7, 6, 5, 3};
  private static final String[] BAD_KINDS = {"NIK_15_DIGITS", "NIK_LETTERS", "NIK_BIRTH_DATE", "NIK_SEX",
      "NIK_SERIAL_0000", "NIK_PROVINCE", "DESIL_11", "NAME_MISSING", "BIRTH_DATE_FUTURE", "BIRTH_DATE_FORMAT",
      "RT_LETTERS", "NIK_REPEATED"};

  /** As the DTKS/DTSEN export writes it: comma separated, quoted where needed, one line per record. */
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final Random random;
  private final double badShare;
  private final double duplicateShare;
  private final Map<String, Integer> serials = new HashMap<>();
  private final LocalDate today;
  private final int serialBase;
  private long kkSerial;

  public DtksExtractGenerator(long seed, double badShare, double duplicateShare, LocalDate today) {
    this(seed, badShare, duplicateShare, today, 0);
  }

  /** With NIK serials starting after {@code serialBase}, so that extracts of different bases share no NIK. */
  public DtksExtractGenerator(long seed, double badShare, double duplicateShare, LocalDate today, int serialBase) {
    this.random = new Random(seed);
    this.badShare = badShare;
    this.duplicateShare = duplicateShare;
    this.today = today;
    this.serialBase = serialBase;
    this.kkSerial = serialBase;
  }

  /** Writes {@code rows} data rows (and the header) to the file. */
  public Expected write(Path file, long rows) {
    Map<Long, String> bad = new LinkedHashMap<>();
    long duplicates = 0;
    List<String[]> recent = new ArrayList<>();
    try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT)) {
      out.printRecord(header());
      long written = 0;
      while (written < rows) {
        for (String[] person : household()) {
          if (written == rows) {
            break;
          }
          long rowNumber = written + 2;
          if (random.nextDouble() < badShare && !recent.isEmpty()) {
            String kind = BAD_KINDS[random.nextInt(BAD_KINDS.length)];
            out.printRecord((Object[]) spoil(person.clone(), kind, recent));
            bad.put(rowNumber, kind);
          } else {
            out.printRecord((Object[]) person);
            remember(recent, person);
            if (random.nextDouble() < duplicateShare && written + 1 < rows) {
              out.printRecord((Object[]) sameResidentUnderAnotherNik(person));
              written++;
              duplicates++;
            }
          }
          written++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Expected(rows, bad, duplicates);
  }

  /** The required columns, then the membership columns. */
  static List<String> header() {
    List<String> header = new ArrayList<>(DtksExtract.COLUMNS);
    header.addAll(DtksExtract.MEMBERSHIP_COLUMNS.keySet());
    header.add(DtksExtract.KKS_COLUMN);
    header.add(DtksExtract.PERIOD_COLUMN);
    return header;
  }

  /** One household: same KK, address, RT/RW, kelurahan, desil and update date. */
  private List<String[]> household() {
    List<String[]> members = members();
    int desil = Integer.parseInt(members.get(0)[10]);
    boolean poor = desil <= 4;
    boolean pkh = poor && random.nextInt(100) < 20;
    boolean bpnt = pkh || poor && random.nextInt(100) < 19;
    boolean pbi = poor && random.nextInt(100) < 60;
    String kks = pkh || bpnt ? "%016d".formatted(6013_0100_0000_0000L + ++kkSerial) : "";
    String period = BudgetPeriod.QUARTER.of(today);
    List<String[]> rows = new ArrayList<>();
    boolean pipGiven = false;
    for (int i = 0; i < members.size(); i++) {
      String[] m = members.get(i);
      boolean head = i == 0;
      int age = LocalDate.parse(m[3]).until(today).getYears();
      boolean pip = poor && !pipGiven && "ANAK".equals(m[5]) && age >= 6 && age <= 21 && random.nextInt(100) < 15;
      pipGiven |= pip;
      String[] row = java.util.Arrays.copyOf(m, m.length + 6);
      row[m.length] = yn(head && pkh);
      row[m.length + 1] = yn(head && bpnt);
      row[m.length + 2] = yn(pbi);
      row[m.length + 3] = yn(pip);
      row[m.length + 4] = head ? kks : "";
      row[m.length + 5] = head && (pkh || bpnt || pbi) || pip ? period : "";
      rows.add(row);
    }
    return rows;
  }

  private static String yn(boolean yes) {
    return yes ? "Y" : "T";
  }

  /** The members of one household, the required columns only. */
  private List<String[]> members() {
    String kecamatan = random.nextInt(10) < 7 ? "327302" : "3273%02d".formatted(1 + random.nextInt(30));
    String kk = kecamatan + date6(LocalDate.of(2005 + random.nextInt(20), 1 + random.nextInt(12),
        1 + random.nextInt(28))) + "%04d".formatted(1 + (int) (++kkSerial % 9999));
    String address = STREETS[random.nextInt(STREETS.length)] + " No. " + (1 + random.nextInt(200));
    String rt = String.valueOf(1 + random.nextInt(12));
    String rw = String.valueOf(1 + random.nextInt(15));
    String kelurahan = KELURAHAN[random.nextInt(KELURAHAN.length)];
    String desil = String.valueOf(desil());
    String updatedOn = today.minusDays(random.nextInt(3 * 365)).toString();
    String family = FAMILY[random.nextInt(FAMILY.length)];
    List<String[]> members = new ArrayList<>();
    boolean femaleHead = random.nextInt(5) == 0;
    LocalDate headBorn = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
    members.add(person(kecamatan, kk, name(femaleHead, family), headBorn, femaleHead, "KEPALA_KELUARGA", address, rt,
        rw, kelurahan, desil, updatedOn));
    if (!femaleHead && random.nextInt(10) < 8) {
      members.add(person(kecamatan, kk, name(true, family), headBorn.plusDays(random.nextInt(2500)), true, "ISTRI",
          address, rt, rw, kelurahan, desil, updatedOn));
    }
    int children = random.nextInt(5);
    for (int i = 0; i < children; i++) {
      boolean girl = random.nextBoolean();
      LocalDate born = headBorn.plusYears(20 + random.nextInt(20)).plusDays(random.nextInt(365));
      if (born.isAfter(today)) {
        born = today.minusDays(1 + random.nextInt(3650));
      }
      members.add(person(kecamatan, kk, name(girl, family), born, girl, "ANAK", address, rt, rw, kelurahan, desil,
          updatedOn));
    }
    if (random.nextInt(8) == 0) {
      boolean grandmother = random.nextBoolean();
      members.add(person(kecamatan, kk, name(grandmother, FAMILY[random.nextInt(FAMILY.length)]),
          headBorn.minusYears(20 + random.nextInt(10)), grandmother, "ORANG_TUA", address, rt, rw, kelurahan, desil,
          updatedOn));
    }
    return members;
  }

  private String[] person(String kecamatan, String kk, String name, LocalDate born, boolean female,
      String relationship, String address, String rt, String rw, String kelurahan, String desil, String updatedOn) {
    return new String[] {nik(kecamatan, born, female), kk, name, born.toString(), female ? "P" : "L", relationship,
        address, rt, rw, kelurahan, desil, random.nextInt(20) == 0 ? "TIDAK_AKTIF" : "AKTIF", updatedOn,
        random.nextInt(200) == 0 ? "Y" : "T"};
  }

  /** A NIK with the person's birth date (day + 40 for women) and the next free serial for that region and date. */
  private String nik(String kecamatan, LocalDate born, boolean female) {
    String date = "%02d%02d%02d".formatted(born.getDayOfMonth() + (female ? 40 : 0), born.getMonthValue(),
        born.getYear() % 100);
    int serial = serials.merge(kecamatan + date, 1, Integer::sum);
    return kecamatan + date + "%04d".formatted(1 + (serialBase + serial - 1) % 9999);
  }

  /** The same person again under a NIK from another kecamatan (e.g. registered twice): same name, date, RT/RW. */
  private String[] sameResidentUnderAnotherNik(String[] person) {
    String[] copy = person.clone();
    LocalDate born = LocalDate.parse(copy[3]);
    String other = "3273%02d".formatted(31 - Integer.parseInt(copy[0].substring(4, 6)));
    copy[0] = nik(other, born, "P".equals(copy[4]));
    return copy;
  }

  private String[] spoil(String[] row, String kind, List<String[]> recent) {
    switch (kind) {
      case "NIK_15_DIGITS" -> row[0] = row[0].substring(0, 15);
      case "NIK_LETTERS" -> row[0] = row[0].substring(0, 10) + "AB" + row[0].substring(12);
      case "NIK_BIRTH_DATE" -> row[3] = LocalDate.parse(row[3]).plusDays(1 + random.nextInt(27)).toString();
      case "NIK_SEX" -> row[4] = "P".equals(row[4]) ? "L" : "P";
      case "NIK_SERIAL_0000" -> row[0] = row[0].substring(0, 12) + "0000";
      case "NIK_PROVINCE" -> row[0] = "99" + row[0].substring(2);
      case "DESIL_11" -> row[10] = "11";
      case "NAME_MISSING" -> row[2] = "";
      case "BIRTH_DATE_FUTURE" -> row[3] = today.plusYears(1).toString();
      case "BIRTH_DATE_FORMAT" -> {
        LocalDate born = LocalDate.parse(row[3]);
        row[3] = "%02d/%02d/%d".formatted(born.getDayOfMonth(), born.getMonthValue(), born.getYear());
      }
      case "RT_LETTERS" -> row[7] = row[7] + "a";
      case "NIK_REPEATED" -> {
        return recent.get(random.nextInt(recent.size())).clone();
      }
      default -> throw new IllegalArgumentException(kind);
    }
    return row;
  }

  /** Keeps a sample of rows written as valid, for the repeated-NIK mistake. */
  private void remember(List<String[]> recent, String[] row) {
    if (recent.size() < 1000) {
      recent.add(row);
    } else {
      recent.set(random.nextInt(recent.size()), row);
    }
  }

  private String name(boolean female, String family) {
    String[] first = female ? FEMALE : MALE;
    return first[random.nextInt(first.length)] + " " + family;
  }

  private int desil() {
    int pick = random.nextInt(100);
    for (int i = 0; i < DESIL_WEIGHTS.length; i++) {
      pick -= DESIL_WEIGHTS[i];
      if (pick < 0) {
        return i + 1;
      }
    }
    return 10;
  }

  private static String date6(LocalDate date) {
    return "%02d%02d%02d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
  }
}
