package id.puskesos.rujukan.proposal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.process.PartnerReferralProcess;

/**
 * The SIKS-NG side of the national proposals. The operator exports the proposals not yet sent as one batch file
 * ({@link #EXPORT_COLUMNS}, docs/partners.md: the fields the SIKS-NG proposal form asks for), enters or uploads them
 * in SIKS-NG, and later imports the period's decision list ({@link #DECISION_COLUMNS}): each row moves the waiting
 * case of that household and program (enrolled, rejected with the reason, or not decided and carried into the next
 * period's batch). A proposal is in one batch only and decided once: the database's conditional updates hold it when
 * two operators act at the same time.
 */
@Service
@Transactional
public class ProposalBatches {

  public static final List<String> EXPORT_COLUMNS = List.of("ID_USULAN", "PERIODE", "PROGRAM", "NIK", "NO_KK",
      "NAMA", "TEMPAT_LAHIR", "TANGGAL_LAHIR", "JENIS_KELAMIN", "NAMA_IBU_KANDUNG", "ALAMAT", "RT", "RW",
      "KODE_WILAYAH", "KELURAHAN", "KECAMATAN", "KABUPATEN_KOTA", "PROVINSI", "STATUS_DTKS", "DESIL", "DASAR_USULAN",
      "NO_RUJUKAN");
  public static final List<String> DECISION_COLUMNS = List.of("ID_USULAN", "NO_KK", "PROGRAM", "PERIODE", "STATUS",
      "ALASAN");
  /** The decision list's columns that must be there; {@code ID_USULAN}, {@code PERIODE}, {@code ALASAN} may not be. */
  static final List<String> REQUIRED_DECISION_COLUMNS = List.of("NO_KK", "PROGRAM", "STATUS");

  /** The decision list's status column. */
  public enum ListedStatus {
    DITETAPKAN, DITOLAK, BELUM_DITETAPKAN
  }

  /** A new batch: its number and how many proposals it holds (0: nothing waited, no batch was made). */
  public record Batch(Long id, int rows) {
  }

  /**
   * What an imported decision list did; {@code unmatched}: rows that moved no case, with the reason; {@code batchId}:
   * the engine batch that moves the cases when the list is long ({@code rujukan.proposal.background-from} rows or
   * more; Cockpit's batch view follows it), null when they moved before the answer.
   */
  public record Imported(int enrolled, int rejected, int carriedOver, List<String> unmatched, String batchId) {
  }

  private final JdbcClient jdbc;
  private final ProgramCatalogue catalogue;
  private final DecisionList decisionList;
  private final RuntimeService runtimeService;
  private final CaseAccess caseAccess;
  private final CommandAuthority authority;
  private final ProposalSettings settings;
  private final Clock clock;

  public ProposalBatches(JdbcClient jdbc, ProgramCatalogue catalogue, DecisionList decisionList,
      RuntimeService runtimeService, CaseAccess caseAccess, CommandAuthority authority, ProposalSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.decisionList = decisionList;
    this.runtimeService = runtimeService;
    this.caseAccess = caseAccess;
    this.authority = authority;
    this.settings = settings;
    this.clock = clock;
  }

  /** Puts every proposal of an open case not yet in a batch into a new batch. */
  public Batch createBatch(String actor) {
    requireOperator("Batch usulan SIKS-NG");
    int waiting = jdbc.sql(WAITING_FOR_BATCH.replace("%s", "COUNT(*)")).query(Integer.class).single();
    if (waiting == 0) {
      return new Batch(null, 0);
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO proposal_batch (created_at, created_by, row_count) VALUES (?, ?, 0)")
        .params(OffsetDateTime.now(clock), actor).update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    int rows = jdbc.sql("UPDATE proposal SET batch_id = ? WHERE id IN (" + WAITING_FOR_BATCH.replace("%s", "p.id")
        + ") AND batch_id IS NULL").param(id).update();
    jdbc.sql("UPDATE proposal_batch SET row_count = ? WHERE id = ?").params(rows, id).update();
    return new Batch(id, rows);
  }

  private static final String WAITING_FOR_BATCH = """
      SELECT %s FROM proposal p JOIN referral r ON r.referral_number = p.referral_number
      WHERE p.status = 'PROPOSED' AND p.batch_id IS NULL AND r.closed_at IS NULL""";

  /** The batch as the CSV file for the SIKS-NG operator (UTF-8, comma-separated, header row). */
  @Transactional(readOnly = true)
  public String csv(long batchId) {
    requireOperator("Batch usulan SIKS-NG");
    if (jdbc.sql("SELECT COUNT(*) FROM proposal_batch WHERE id = ?").param(batchId).query(Integer.class).single()
        == 0) {
      throw new NotFoundException("Batch usulan " + batchId);
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
        .setHeader(EXPORT_COLUMNS.toArray(String[]::new)).get())) {
      jdbc.sql("""
          SELECT p.id, p.period, p.program_code, s.nik, s.kk_number, s.full_name, s.birth_date, s.sex, s.address, s.rt,
                 s.rw, s.kelurahan, s.dtks_status, s.desil, pr.proposal_basis, p.referral_number
          FROM proposal p JOIN resident s ON s.id = p.resident_id
          LEFT JOIN program_referral pr ON pr.referral_number = p.referral_number AND pr.program_code = p.program_code
          WHERE p.batch_id = ? ORDER BY p.id""").param(batchId).query(rs -> {
            try {
              // TEMPAT_LAHIR and NAMA_IBU_KANDUNG: SIKS-NG asks for them, this system does not keep them (the
              // least personal data); the operator completes them from the family's documents
              printer.printRecord(rs.getLong("id"), rs.getString("period"), rs.getString("program_code"),
                  rs.getString("nik"), rs.getString("kk_number"), rs.getString("full_name"), "",
                  rs.getObject("birth_date", java.time.LocalDate.class), "F".equals(rs.getString("sex")) ? "P" : "L",
                  "", rs.getString("address"), rs.getString("rt"), rs.getString("rw"), settings.regionCode(),
                  rs.getString("kelurahan"), settings.kecamatan(), settings.kabupatenKota(), settings.provinsi(),
                  "LISTED".equals(rs.getString("dtks_status")) ? "TERDAFTAR" : "BELUM_TERDAFTAR",
                  rs.getObject("desil") == null ? "" : rs.getInt("desil"), rs.getString("proposal_basis"),
                  rs.getString("referral_number"));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Imports a decision list; a file with an invalid row is refused whole, with every row's error. */
  public Imported importDecisions(Reader file, String actor) {
    requireOperator("Impor daftar penetapan");
    List<CSVRecord> rows = read(file);
    Checks checks = new Checks();
    Set<String> proposalPrograms = catalogue.programs().stream().filter(Program::proposal).map(Program::code)
        .collect(Collectors.toSet());
    for (CSVRecord row : rows) {
      String where = "Baris " + (row.getRecordNumber() + 1) + ": ";
      checks.check(value(row, "NO_KK") != null && value(row, "NO_KK").matches("\\d{16}"), "NO_KK",
          where + "NO_KK harus 16 angka");
      checks.check(proposalPrograms.contains(value(row, "PROGRAM")), "PROGRAM",
          where + "PROGRAM " + value(row, "PROGRAM") + " bukan program usulan nasional");
      ListedStatus status = checks.oneOf(ListedStatus.class, "STATUS", value(row, "STATUS"), where + "STATUS");
      checks.check(status != ListedStatus.DITOLAK || value(row, "ALASAN") != null, "ALASAN",
          where + "ALASAN wajib diisi untuk usulan yang ditolak");
      checks.check(value(row, "ID_USULAN") == null || value(row, "ID_USULAN").matches("\\d{1,18}"), "ID_USULAN",
          where + "ID_USULAN harus angka");
    }
    checks.throwIfAny();
    // a city's list (100,000 rows) is not moved case by case in this one transaction: the proposals are decided here,
    // and the engine's batch jobs move the cases, each job in its own transaction, in parallel on the job executor
    boolean background = rows.size() >= settings.backgroundFrom();
    Map<String, List<DecisionList.Waiting>> waiting = decisionList.waiting(
        rows.stream().map(row -> value(row, "NO_KK")).distinct().toList());
    String[] unmatched = new String[rows.size()];
    List<DecisionList.Decision> decisions = new ArrayList<>();
    List<Integer> decidedRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      String id = value(row, "ID_USULAN");
      String period = value(row, "PERIODE");
      // the household's oldest proposal of the program still waiting (of the list's id and period, when it names them)
      DecisionList.Waiting p = waiting.getOrDefault(value(row, "NO_KK") + "|" + value(row, "PROGRAM"), List.of())
          .stream().filter(w -> !w.decided).filter(w -> id == null || Long.toString(w.id).equals(id))
          .filter(w -> period == null || w.period.equals(period)).findFirst().orElse(null);
      if (p == null || p.partnerInstance == null || !p.waits) {
        unmatched[i] = "Baris %d: tidak ada usulan %s yang menunggu penetapan untuk KK ini%s".formatted(
            row.getRecordNumber() + 1, value(row, "PROGRAM"), period == null ? "" : " pada periode " + period);
        continue;
      }
      ListedStatus status = ListedStatus.valueOf(value(row, "STATUS"));
      String before = p.period;
      if (status == ListedStatus.BELUM_DITETAPKAN) {
        p.period = nextPeriod(p.programCode, before);
      } else {
        p.decided = true;
      }
      decisions.add(new DecisionList.Decision(p, status, value(row, "ALASAN"), before, p.period));
      decidedRows.add(i);
    }
    boolean[] took = decisionList.write(decisions, actor, OffsetDateTime.now(clock));
    int enrolled = 0;
    int rejected = 0;
    int carried = 0;
    Set<String> toMove = new LinkedHashSet<>();
    for (int d = 0; d < decisions.size(); d++) {
      if (!took[d]) {
        unmatched[decidedRows.get(d)] = "Baris %d: usulan sudah diputuskan oleh impor lain"
            .formatted(rows.get(decidedRows.get(d)).getRecordNumber() + 1);
        continue;
      }
      String partnerInstance = decisions.get(d).proposal().partnerInstance;
      if (background) {
        toMove.add(partnerInstance);
      } else {
        caseAccess.withoutAuthorization(() -> runtimeService
            .createMessageCorrelation(PartnerReferralProcess.MSG_PROPOSAL_DECIDED).processInstanceId(partnerInstance)
            .correlateWithResult());
      }
      switch (decisions.get(d).status()) {
        case DITETAPKAN -> enrolled++;
        case DITOLAK -> rejected++;
        default -> carried++;
      }
    }
    String batch = toMove.isEmpty() ? null : caseAccess.withoutAuthorization(() -> runtimeService
        .createMessageCorrelationAsync(PartnerReferralProcess.MSG_PROPOSAL_DECIDED)
        .processInstanceIds(new ArrayList<>(toMove)).correlateAllAsync()).getId();
    return new Imported(enrolled, rejected, carried,
        Arrays.stream(unmatched).filter(Objects::nonNull).toList(), batch);
  }

  /** The budget period after {@code period}: a proposal not decided is carried into it. */
  private String nextPeriod(String programCode, String period) {
    Program program = catalogue.program(programCode);
    List<String> months = program.budgetPeriod().months(period);
    return program.budgetPeriod().of(java.time.YearMonth.parse(months.get(months.size() - 1)).plusMonths(1)
        .atDay(1));
  }

  private static List<CSVRecord> read(Reader file) {
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get().parse(file)) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> missing = REQUIRED_DECISION_COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidInputException("file", "Kolom wajib tidak ada: " + String.join(", ", missing));
      }
      return parser.getRecords();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("file", "Berkas daftar penetapan tidak dapat dibaca sebagai CSV");
    }
  }

  private static String value(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String v = row.get(column).trim();
    return v.isEmpty() ? null : v;
  }

  private void requireOperator(String command) {
    List<String> groups = new ArrayList<>(List.of(Groups.BACK_OFFICE, Groups.KOORDINATOR));
    catalogue.programs().stream().filter(Program::proposal).map(p -> catalogue.partnerOf(p).group()).distinct()
        .forEach(groups::add);
    authority.require(command, "operator SIKS-NG (back office Puskesos atau Dinas Sosial)",
        groups.toArray(String[]::new));
  }
}
