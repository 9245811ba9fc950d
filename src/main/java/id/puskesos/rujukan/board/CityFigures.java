package id.puskesos.rujukan.board;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * The city SLRT's view: every Puskesos side by side (open cases, late tasks, due today, complaints received this
 * month, the facilitation rates, the median time per stage), and the best Puskesos per figure ("terbaik"), so that
 * good practice can be named and asked about. A few grouped queries ({@code GROUP BY tenant_id}) over the whole city,
 * never one board per Puskesos: open cases by {@code (status, tenant_id)}, this month's by {@code received_at}, open
 * tasks by their tenant, the rates and the stage times over the period as the boards define them.
 */
@Service
@Transactional(readOnly = true)
public class CityFigures {

  /** A rate or a time is named best only over at least this many cases: one case of one is no practice to copy. */
  static final int MIN_CASES = 5;

  /** A column of the table: what the page prints over it, what it means, and which way is better (null: neither). */
  public record Column(String key, String label, String definition, Boolean higherIsBetter) {
  }

  /** One Puskesos's figures; {@code medianHours} per stage (its key), only the stages with cases in the period. */
  public record Row(String tenantId, String name, String kecamatan, long openCases, long lateTasks, long dueToday,
      long openTasks, long receivedThisMonth, int received, int referred, int facilitated, Double facilitationRate,
      Double referredRate, Map<String, Double> medianHours, Map<String, Integer> stageCases) {
  }

  /** The best Puskesos for a figure (several when tied), with the best value; none when no Puskesos qualifies. */
  public record Best(String key, String label, List<String> tenantIds, List<String> names, Double value) {
  }

  /** Open tasks of no Puskesos: the city's own work (registry, model changes), shown apart. */
  public record CityWork(long lateTasks, long dueToday) {
  }

  public record City(String from, String to, String month, OffsetDateTime at, List<Column> columns, List<Row> puskesos,
      List<Best> best, CityWork cityWork) {
  }

  private final JdbcClient jdbc;
  private final PuskesosDirectory directory;
  private final DueStates dueStates;
  private final FacilitationFigures facilitation;
  private final StageTimesQuery stageTimes;

  CityFigures(JdbcClient jdbc, PuskesosDirectory directory, DueStates dueStates, FacilitationFigures facilitation,
      StageTimesQuery stageTimes) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.dueStates = dueStates;
    this.facilitation = facilitation;
    this.stageTimes = stageTimes;
  }

  /** The city's view for cases received from {@code from} to {@code to} (YYYY-MM); open work as it stands now. */
  public City city(String from, String to) {
    YearMonth[] period = FacilitationFigures.period(from, to);
    OffsetDateTime start = period[0].atDay(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
    OffsetDateTime end = period[1].plusMonths(1).atDay(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
    OffsetDateTime now = OffsetDateTime.now(Dates.BANDUNG);
    YearMonth month = YearMonth.from(now);
    Map<String, Long> open = counts("SELECT tenant_id, COUNT(*) AS n FROM referral WHERE status = 'OPEN' "
        + "GROUP BY tenant_id");
    Map<String, Long> thisMonth = counts("SELECT tenant_id, COUNT(*) AS n FROM referral WHERE received_at >= ? "
        + "AND received_at < ? GROUP BY tenant_id", month.atDay(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime(),
        month.plusMonths(1).atDay(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime());
    Map<String, DueStates.Counts> tasks = dueStates.byPuskesos(ClockUtil.getCurrentTime());
    Map<String, FacilitationFigures.PuskesosRate> rates = facilitation.byPuskesos(period[0].atDay(1),
        period[1].atEndOfMonth());
    Map<String, StageTimesQuery.Result> times = stageTimes.byPuskesos(start, end, now);
    DueStates.Counts none = new DueStates.Counts(0, 0, 0, 0);
    List<Row> rows = new ArrayList<>();
    for (Puskesos puskesos : directory.all()) {
      String id = puskesos.tenantId();
      DueStates.Counts work = tasks.getOrDefault(id, none);
      FacilitationFigures.PuskesosRate rate = rates.get(id);
      Map<String, Double> medians = new LinkedHashMap<>();
      Map<String, Integer> stageCases = new LinkedHashMap<>();
      StageTimesQuery.Result result = times.get(id);
      if (result != null) {
        result.figures().stream().sorted(Comparator.comparing(StageTimes.Figure::stage)).forEach(f -> {
          medians.put(f.stage().name(), f.medianHours());
          stageCases.put(f.stage().name(), f.cases());
        });
      }
      rows.add(new Row(id, puskesos.name(), puskesos.kecamatan(), open.getOrDefault(id, 0L), work.late(),
          work.dueToday(), work.late() + work.dueToday() + work.atRisk() + work.onTime(),
          thisMonth.getOrDefault(id, 0L), rate == null ? 0 : rate.received(), rate == null ? 0 : rate.referred(),
          rate == null ? 0 : rate.facilitated(), rate == null ? null : rate.rate(),
          rate == null ? null : rate.referredRate(), medians, stageCases));
    }
    DueStates.Counts city = tasks.getOrDefault("", none);
    return new City(period[0].toString(), period[1].toString(), month.toString(), now, columns(), rows, best(rows),
        new CityWork(city.late(), city.dueToday()));
  }

  /** The table's columns, in the page's order. */
  static List<Column> columns() {
    List<Column> columns = new ArrayList<>(List.of(
        new Column("openCases", "Kasus terbuka", "kasus yang belum selesai saat ini.", null),
        new Column("lateTasks", "Tugas terlambat", "tugas terbuka yang batas waktunya sudah lewat.", false),
        new Column("dueToday", "Jatuh tempo hari ini", "tugas terbuka yang batas waktunya hari ini.", null),
        new Column("receivedThisMonth", "Pengaduan bulan ini", "kasus yang diterima sejak tanggal 1 bulan ini.",
            null),
        new Column("facilitationRate", "Tingkat fasilitasi", "kasus terfasilitasi dibagi semua pengaduan yang "
            + "diterima dalam periode (ukuran studi, sama dengan papan layanan).", true),
        new Column("referredRate", "Tingkat fasilitasi kasus dirujuk", "kasus terfasilitasi dibagi kasus yang "
            + "dirujuk ke mitra dalam periode.", true)));
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED) {
        columns.add(new Column("median:" + stage.name(), "Median " + stage.label() + " (jam)",
            "median lama tahap " + stage.label() + " untuk kasus yang diterima dalam periode.", false));
      }
    }
    return columns;
  }

  /**
   * The best Puskesos per figure: fewest late tasks (of those with open tasks), highest rates and shortest median
   * stage times (of those with at least {@link #MIN_CASES} cases behind the figure). Ties are all named.
   */
  static List<Best> best(List<Row> rows) {
    Map<String, String> labels = new HashMap<>();
    columns().forEach(c -> labels.put(c.key(), c.label()));
    List<Best> best = new ArrayList<>();
    best.add(best("lateTasks", labels, rows, r -> r.openTasks() > 0 ? (double) r.lateTasks() : null, false));
    best.add(best("facilitationRate", labels, rows, r -> r.received() >= MIN_CASES ? r.facilitationRate() : null,
        true));
    best.add(best("referredRate", labels, rows, r -> r.referred() >= MIN_CASES ? r.referredRate() : null, true));
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED) {
        String key = stage.name();
        best.add(best("median:" + key, labels, rows, r -> r.stageCases().getOrDefault(key, 0) >= MIN_CASES
            ? r.medianHours().get(key) : null, false));
      }
    }
    return best;
  }

  private static Best best(String key, Map<String, String> labels, List<Row> rows, Function<Row, Double> value,
      boolean higherIsBetter) {
    Double top = null;
    List<Row> winners = new ArrayList<>();
    for (Row row : rows) {
      Double v = value.apply(row);
      if (v == null) {
        continue;
      }
      int against = top == null ? 1 : higherIsBetter ? Double.compare(v, top) : Double.compare(top, v);
      if (against > 0) {
        top = v;
        winners.clear();
      }
      if (against >= 0) {
        winners.add(row);
      }
    }
    return new Best(key, labels.get(key), winners.stream().map(Row::tenantId).toList(),
        winners.stream().map(Row::name).toList(), top);
  }

  private Map<String, Long> counts(String sql, Object... params) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(sql).params(params).query(rs -> {
      counts.put(rs.getString("tenant_id"), rs.getLong("n"));
    });
    return counts;
  }
}
