package id.puskesos.rujukan.board;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.referral.Stages;
import id.puskesos.rujukan.sla.CurrentCalendar;

/**
 * One Puskesos's open tasks by how near their due date is, per stage and per partner: late, due today, at risk (due after today but
 * within one working day from now, on the office calendar that sets due dates) and on time. Each task counts once, in
 * its most urgent state. Two grouped queries over the open tasks (the engine's {@code ACT_RU_TASK}, open work only):
 * one by task definition, whose stage the model gives ({@link Stages}), one by partner group through the candidate
 * links; only the counts reach Java. Each reads the Puskesos's tasks by their tenant ({@code ACT_IDX_TASK_TENANT_ID});
 * the city's view counts every Puskesos's in one query grouped by tenant ({@link #byPuskesos}).
 */
@Component
class DueStates {

  /** A task's state; the label and the definition are what the page's legend prints. */
  enum State {
    LATE("Terlambat", "batas waktunya sudah lewat."),
    DUE_TODAY("Jatuh tempo hari ini", "batas waktunya hari ini (sebelum pukul 24.00 WIB) dan belum lewat."),
    AT_RISK("Berisiko", "batas waktunya sesudah hari ini, tetapi kurang dari satu hari kerja lagi (kalender kerja "
        + "kantor: Senin-Jumat 08.00-16.00 WIB, tanpa hari libur nasional dan cuti bersama)."),
    ON_TIME("Tepat waktu", "batas waktunya lebih dari satu hari kerja lagi, atau tugas tanpa batas waktu.");

    private final String label;
    private final String definition;

    State(String label, String definition) {
      this.label = label;
      this.definition = definition;
    }
  }

  /** One row of the table: open tasks per state. */
  public record Row(String key, String label, long late, long dueToday, long atRisk, long onTime) {
  }

  public record Definition(String key, String label, String definition) {
  }

  /** When the states were judged, and where "due today" and "at risk" end. */
  public record Window(OffsetDateTime at, OffsetDateTime dueTodayUntil, OffsetDateTime atRiskUntil) {
  }

  public record Figures(Window window, List<Row> byStage, List<Row> byPartner, List<Definition> states) {
  }

  static final String PUSKESOS = "Puskesos";
  static final String OTHER_WORK = "REGISTRY";

  private static final String STATE = """
      CASE WHEN T.DUE_DATE_ IS NULL THEN 'ON_TIME' WHEN T.DUE_DATE_ < ? THEN 'LATE'
           WHEN T.DUE_DATE_ < ? THEN 'DUE_TODAY' WHEN T.DUE_DATE_ <= ? THEN 'AT_RISK' ELSE 'ON_TIME' END""";

  private final JdbcClient jdbc;
  private final Stages stages;
  private final ProgramCatalogue catalogue;
  private final CurrentCalendar calendar;

  DueStates(JdbcClient jdbc, Stages stages, ProgramCatalogue catalogue, CurrentCalendar calendar) {
    this.jdbc = jdbc;
    this.stages = stages;
    this.catalogue = catalogue;
    this.calendar = calendar;
  }

  /** One Puskesos's open tasks' states at {@code now} (the engine's clock), by the task's tenant (indexed). */
  Figures figures(Date now, String tenantId) {
    Window window = window(now);
    List<Object> bounds = bounds(now, window);
    List<Definition> states = new ArrayList<>();
    for (State state : State.values()) {
      states.add(new Definition(state.name(), state.label, state.definition));
    }
    return new Figures(window, byStage(bounds, tenantId), byPartner(bounds, tenantId), states);
  }

  /** One Puskesos's open tasks per state (the city's view); the city's own work (no tenant) under the key "". */
  record Counts(long late, long dueToday, long atRisk, long onTime) {
  }

  /** Every Puskesos's open tasks per state at {@code now}, in one query grouped by the tasks' tenant. */
  Map<String, Counts> byPuskesos(Date now) {
    Map<String, Map<State, Long>> byTenant = new HashMap<>();
    jdbc.sql("SELECT COALESCE(S.TENANT_ID_, '') AS TENANT, S.STATE, COUNT(*) AS N FROM (SELECT T.TENANT_ID_, " + STATE
        + " AS STATE FROM ACT_RU_TASK T) S GROUP BY COALESCE(S.TENANT_ID_, ''), S.STATE")
        .params(bounds(now, window(now))).query(rs -> {
          byTenant.computeIfAbsent(rs.getString("TENANT"), t -> new EnumMap<>(State.class))
              .merge(State.valueOf(rs.getString("STATE")), rs.getLong("N"), Long::sum);
        });
    Map<String, Counts> counts = new HashMap<>();
    byTenant.forEach((tenant, row) -> counts.put(tenant, new Counts(row.getOrDefault(State.LATE, 0L),
        row.getOrDefault(State.DUE_TODAY, 0L), row.getOrDefault(State.AT_RISK, 0L), row.getOrDefault(State.ON_TIME,
            0L))));
    return counts;
  }

  private static List<Object> bounds(Date now, Window window) {
    return List.of(new Timestamp(now.getTime()), Timestamp.from(window.dueTodayUntil().toInstant()),
        Timestamp.from(window.atRiskUntil().toInstant()));
  }

  /** Due today: until midnight in Bandung; at risk: until one working day from now on the office calendar. */
  Window window(Date now) {
    ZonedDateTime at = now.toInstant().atZone(Dates.BANDUNG);
    ZonedDateTime todayEnds = at.toLocalDate().plusDays(1).atStartOfDay(Dates.BANDUNG);
    ZonedDateTime oneWorkingDay = calendar.get().plusWorkingDays(at, 1);
    ZonedDateTime riskEnds = oneWorkingDay.isBefore(todayEnds) ? todayEnds : oneWorkingDay;
    return new Window(at.toOffsetDateTime(), todayEnds.toOffsetDateTime(), riskEnds.toOffsetDateTime());
  }

  private List<Row> byStage(List<Object> bounds, String tenantId) {
    List<Object> params = new ArrayList<>(bounds);
    params.add(tenantId);
    Map<Stage, Map<State, Long>> counts = new EnumMap<>(Stage.class);
    Map<State, Long> otherWork = new EnumMap<>(State.class);
    jdbc.sql("SELECT S.PROC_DEF_ID_, S.TASK_DEF_KEY_, S.STATE, COUNT(*) AS N FROM (SELECT T.PROC_DEF_ID_, "
        + "T.TASK_DEF_KEY_, " + STATE + " AS STATE FROM ACT_RU_TASK T WHERE T.TENANT_ID_ = ?) S "
        + "GROUP BY S.PROC_DEF_ID_, S.TASK_DEF_KEY_, S.STATE").params(params).query(rs -> {
          Stage stage = stages.ofTask(rs.getString("PROC_DEF_ID_"), rs.getString("TASK_DEF_KEY_"));
          Map<State, Long> row = stage == null ? otherWork : counts.computeIfAbsent(stage, s -> new EnumMap<>(State.class));
          row.merge(State.valueOf(rs.getString("STATE")), rs.getLong("N"), Long::sum);
        });
    List<Row> rows = new ArrayList<>();
    counts.forEach((stage, row) -> rows.add(row(stage.name(), stage.label(), row)));
    if (!otherWork.isEmpty()) {
      rows.add(row(OTHER_WORK, BoardFigures.REGISTRY, otherWork));
    }
    return rows;
  }

  /**
   * Per partner, the tasks one of whose candidate groups is the partner's (a task offered to two partners counts for
   * both); "Puskesos" the tasks offered to no partner.
   */
  private List<Row> byPartner(List<Object> bounds, String tenantId) {
    Map<String, List<String>> partnersOfGroup = new HashMap<>();
    for (Partner partner : catalogue.partners()) {
      partnersOfGroup.computeIfAbsent(partner.group(), g -> new ArrayList<>()).add(partner.name());
    }
    List<Object> params = new ArrayList<>(bounds);
    params.add(tenantId);
    StringBuilder in = new StringBuilder("''");
    partnersOfGroup.keySet().forEach(group -> {
      in.append(", ?");
      params.add(group);
    });
    Map<String, Map<State, Long>> byGroup = new HashMap<>();
    jdbc.sql("SELECT COALESCE(L.GROUP_ID_, '') AS PARTNER_GROUP, S.STATE, COUNT(DISTINCT S.ID_) AS N FROM (SELECT "
        + "T.ID_, " + STATE + " AS STATE FROM ACT_RU_TASK T WHERE T.TENANT_ID_ = ?) S LEFT JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = S.ID_ "
        + "AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN (" + in + ") GROUP BY COALESCE(L.GROUP_ID_, ''), S.STATE")
        .params(params).query(rs -> {
          byGroup.computeIfAbsent(rs.getString("PARTNER_GROUP"), g -> new EnumMap<>(State.class))
              .merge(State.valueOf(rs.getString("STATE")), rs.getLong("N"), Long::sum);
        });
    Map<String, Map<State, Long>> byName = new TreeMap<>();
    byGroup.forEach((group, row) -> {
      for (String name : partnersOfGroup.getOrDefault(group, List.of(PUSKESOS))) {
        byName.merge(name, row, DueStates::sum);
      }
    });
    List<Row> rows = new ArrayList<>();
    byName.forEach((name, row) -> rows.add(row(name, name, row)));
    return rows;
  }

  /** Late tasks per stage label and per partner, as {@link BoardFigures.Count}s (the board's older figures). */
  static List<BoardFigures.Count> late(List<Row> rows) {
    Map<String, Long> late = new LinkedHashMap<>();
    rows.stream().filter(row -> row.late() > 0).forEach(row -> late.merge(row.label(), row.late(), Long::sum));
    List<BoardFigures.Count> counts = new ArrayList<>();
    late.forEach((label, n) -> counts.add(new BoardFigures.Count(label, label, n)));
    return counts;
  }

  private static Map<State, Long> sum(Map<State, Long> one, Map<State, Long> other) {
    Map<State, Long> both = new EnumMap<>(one);
    other.forEach((state, n) -> both.merge(state, n, Long::sum));
    return both;
  }

  private static Row row(String key, String label, Map<State, Long> counts) {
    return new Row(key, label, counts.getOrDefault(State.LATE, 0L), counts.getOrDefault(State.DUE_TODAY, 0L),
        counts.getOrDefault(State.AT_RISK, 0L), counts.getOrDefault(State.ON_TIME, 0L));
  }
}
