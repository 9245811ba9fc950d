package id.puskesos.rujukan.registry;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import id.puskesos.rujukan.budget.ImportedHoldings;
import id.puskesos.rujukan.catalogue.BudgetPeriod;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.PersonalData;

/**
 * National program membership from the DTKS/DTSEN extract (docs/registry.md, "National program membership"): a
 * household is a member of a program when any of its rows says Y. Each import batch appends to the history only what
 * is new (a first membership, another period, a KKS number), feeds the household ledger for the programs the
 * catalogue has, and at the end of the import ends the memberships of the households the extract no longer lists.
 */
@Service
public class NationalMemberships {

  /** A household's membership of a program as the history has it; the KKS number masked. */
  public record Membership(String programCode, String programName, String period, boolean member,
      String kksMasked, long importId, OffsetDateTime recordedAt) {
  }

  /** What one import has said so far: its members and their periods, the kelurahan it covers. */
  public static final class Seen {
    private final List<String> programs;
    private final Map<String, String> members = new HashMap<>();
    private final Map<String, String> periods = new HashMap<>();
    private final Set<String> kelurahan = new HashSet<>();

    public Seen(List<String> programs) {
      this.programs = programs;
    }
  }

  private final JdbcTemplate jdbc;
  private final ProgramCatalogue catalogue;
  private final ImportedHoldings holdings;
  private final Clock clock;

  public NationalMemberships(JdbcTemplate jdbc, ProgramCatalogue catalogue, ImportedHoldings holdings, Clock clock) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.holdings = holdings;
    this.clock = clock;
  }

  /**
   * Records a batch's memberships (in the batch's transaction): new facts go to the history, the programs the
   * catalogue has go to the household ledger. Rows without membership write nothing.
   */
  public void record(long importId, List<DtksExtract.Row> rows, Seen seen, Timestamp at) {
    Map<String, Optional<Program>> programs = programs(seen.programs);
    Map<String, String[]> batch = new LinkedHashMap<>();
    for (DtksExtract.Row row : rows) {
      seen.kelurahan.add(row.kelurahan());
      for (String code : row.nationalPrograms()) {
        String period = row.aidPeriod() != null ? row.aidPeriod() : currentPeriod(programs.get(code));
        String key = row.kkNumber() + "|" + code;
        String earlier = seen.members.get(key);
        if (earlier == null || start(period).isAfter(start(earlier))) {
          seen.members.put(key, period);
        }
        seen.periods.merge(code, period, (a, b) -> start(b).isAfter(start(a)) ? b : a);
        String[] known = batch.get(key);
        if (known == null || start(period).isAfter(start(known[2]))) {
          batch.put(key, new String[] {row.kkNumber(), code, period, row.kksNumber()});
        } else if (known[3] == null) {
          known[3] = row.kksNumber();
        }
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    Map<String, String[]> latest = latest(batch.values().stream().map(m -> m[0]).distinct().toArray(String[]::new));
    List<Object[]> inserts = new ArrayList<>();
    List<ImportedHoldings.Imported> ledger = new ArrayList<>();
    for (Map.Entry<String, String[]> entry : batch.entrySet()) {
      String[] m = entry.getValue();
      String period = seen.members.get(entry.getKey());
      if (!period.equals(m[2])) {
        continue;
      }
      String[] last = latest.get(entry.getKey());
      boolean same = last != null && "true".equals(last[1]) && last[0].equals(period)
          && (m[3] == null || m[3].equals(last[2]));
      if (!same) {
        inserts.add(new Object[] {m[0], m[1], period, true, m[3] != null ? m[3] : last == null ? null : last[2],
            importId, at});
      }
      programs.get(m[1]).ifPresent(p -> periodsOf(p, period)
          .forEach(programPeriod -> ledger.add(new ImportedHoldings.Imported(m[0], p, programPeriod))));
    }
    insert(inserts);
    holdings.imported(ledger);
  }

  /**
   * Ends the memberships the import no longer lists: current members of a program whose column the file has, in a
   * kelurahan the file covers, that no row of the file named. Their imported ledger holdings from the file's period
   * on are given back. Returns how many ended.
   */
  public int endMissing(long importId, Seen seen, String reason, Timestamp at) {
    if (seen.programs.isEmpty() || seen.kelurahan.isEmpty()) {
      return 0;
    }
    Map<String, Optional<Program>> programs = programs(seen.programs);
    List<Object> params = new ArrayList<>(seen.programs);
    params.addAll(seen.kelurahan);
    List<String[]> current = jdbc.query("""
        SELECT m.household_kk, m.program_code, m.kks_number FROM national_membership m
        WHERE m.member = TRUE
          AND m.id = (SELECT MAX(x.id) FROM national_membership x
                      WHERE x.household_kk = m.household_kk AND x.program_code = m.program_code)
          AND m.program_code IN (%s)
          AND EXISTS (SELECT 1 FROM resident r WHERE r.kk_number = m.household_kk AND r.kelurahan IN (%s))
        ORDER BY m.id"""
        .formatted(marks(seen.programs.size()), marks(seen.kelurahan.size())),
        (rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, params.toArray());
    List<Object[]> ended = new ArrayList<>();
    for (String[] m : current) {
      if (seen.members.containsKey(m[0] + "|" + m[1])) {
        continue;
      }
      String period = seen.periods.getOrDefault(m[1], currentPeriod(programs.get(m[1])));
      ended.add(new Object[] {m[0], m[1], period, false, m[2], importId, at});
      programs.get(m[1]).ifPresent(p -> holdings.ended(m[0], p, start(period).toString(),
          "Tidak lagi terdaftar sebagai penerima menurut " + reason));
    }
    insert(ended);
    return ended.size();
  }

  /** The programs the household is a member of now (latest row a membership), by program. */
  public List<Membership> current(String householdKk) {
    Map<String, Membership> latest = new LinkedHashMap<>();
    history(householdKk).forEach(m -> latest.put(m.programCode(), m));
    return latest.values().stream().filter(Membership::member).toList();
  }

  /** The household's membership history, oldest first. */
  public List<Membership> history(String householdKk) {
    if (householdKk == null) {
      return List.of();
    }
    return jdbc.query("""
        SELECT m.program_code, p.name, m.period, m.member, m.kks_number, m.import_id, m.recorded_at
        FROM national_membership m LEFT JOIN program p ON p.code = m.program_code
        WHERE m.household_kk = ? ORDER BY m.id""", (rs, row) -> new Membership(rs.getString(1),
            rs.getString(2) == null ? rs.getString(1) : rs.getString(2), rs.getString(3), rs.getBoolean(4),
            rs.getString(5) == null ? null : PersonalData.maskNik(rs.getString(5)), rs.getLong(6),
            rs.getObject(7, OffsetDateTime.class)), householdKk);
  }

  /** The periods of the program the membership's period covers: 2026-Q4 is three BPNT months, one PKH quarter. */
  static List<String> periodsOf(Program program, String period) {
    BudgetPeriod kind = BudgetPeriod.QUARTER.names(period) ? BudgetPeriod.QUARTER
        : BudgetPeriod.YEAR.names(period) ? BudgetPeriod.YEAR : BudgetPeriod.MONTH;
    return kind.months(period).stream().map(m -> program.budgetPeriod().of(YearMonth.parse(m).atDay(1)))
        .distinct().toList();
  }

  /** The first month of a period ({@code 2026-Q4}: 2026-10). */
  static YearMonth start(String period) {
    BudgetPeriod kind = BudgetPeriod.QUARTER.names(period) ? BudgetPeriod.QUARTER
        : BudgetPeriod.YEAR.names(period) ? BudgetPeriod.YEAR : BudgetPeriod.MONTH;
    return YearMonth.parse(kind.months(period).get(0));
  }

  /** The import's current period for the program: the program's kind of period, a month for one not in the catalogue. */
  private String currentPeriod(Optional<Program> program) {
    LocalDate today = LocalDate.now(clock);
    return program.map(p -> p.budgetPeriod().of(today)).orElseGet(() -> BudgetPeriod.MONTH.of(today));
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private Map<String, Optional<Program>> programs(List<String> codes) {
    Map<String, Optional<Program>> programs = new HashMap<>();
    codes.forEach(code -> programs.put(code, catalogue.findProgram(code).filter(Program::active)));
    return programs;
  }

  /** The latest history row of each program of the households: key KK|program, value period, member, KKS. */
  private Map<String, String[]> latest(String[] kks) {
    Map<String, String[]> latest = new HashMap<>();
    jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement("""
          SELECT m.household_kk, m.program_code, m.period, m.member, m.kks_number FROM UNNEST(?) AS batch(kk)
          JOIN national_membership m ON m.household_kk = batch.kk ORDER BY m.id""");
      statement.setArray(1, connection.createArrayOf("VARCHAR", kks));
      return statement;
    }, rs -> {
      latest.put(rs.getString(1) + "|" + rs.getString(2),
          new String[] {rs.getString(3), Boolean.toString(rs.getBoolean(4)), rs.getString(5)});
    });
    return latest;
  }

  private void insert(List<Object[]> rows) {
    jdbc.batchUpdate("""
        INSERT INTO national_membership (household_kk, program_code, period, member, kks_number, import_id,
                                         recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
  }
}
