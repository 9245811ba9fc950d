package id.puskesos.rujukan.board;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.referral.Stage;

/**
 * Time per stage ({@link StageTimes} defines it) computed where the entries are: the database orders each case's
 * stage entries, ends each stage at the next entry (or the case's end), and ranks the durations per stage; only the
 * few ranks the median and the 90th percentile need come back, and {@link StageTimes#figure} turns them into hours
 * with the same arithmetic. One Puskesos's cases for its board, or every Puskesos's ranked apart for the city's view. A year of a city's cases is over a million entries, too many to carry into Java per call.
 */
@Component
class StageTimesQuery {

  /** The figures and the count of stages that end before they begin ({@link StageTimes#outOfOrder}). */
  record Result(List<StageTimes.Figure> figures, int outOfOrder) {
  }

  private static final String OUT_OF_ORDER = "-";

  private final JdbcClient jdbc;

  StageTimesQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One Puskesos's stages ({@code tenantId}) of the cases received from {@code start} (inclusive) to {@code end}; an
   * open case ends {@code now}. Reads the period's cases by {@code (tenant_id, received_at)}.
   */
  Result compute(String tenantId, OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
    return query(tenantId, start, end, now).getOrDefault(tenantId, new Result(List.of(), 0));
  }

  /** Every Puskesos's stages side by side, in one query ranked per Puskesos and stage (the city's view). */
  Map<String, Result> byPuskesos(OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
    return query(null, start, end, now);
  }

  private Map<String, Result> query(String tenantId, OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
    List<Object> params = new ArrayList<>();
    StringBuilder stageOf = new StringBuilder("CASE WHEN e.detail LIKE 'Pengaduan diterima%' THEN 'INTAKE'");
    for (Stage stage : Stage.values()) {
      // an entry names its stage by the label ("Tahap: Verifikasi dan validasi"), as the case timeline writes it
      stageOf.append(" WHEN e.detail = ? THEN '").append(stage.name()).append('\'');
      params.add("Tahap: " + stage.label());
    }
    stageOf.append(" END");
    params.add(now);
    if (tenantId != null) {
      params.add(tenantId);
    }
    params.add(start);
    params.add(end);
    Map<String, Map<Stage, Integer>> counts = new HashMap<>();
    Map<String, Map<Stage, Map<Long, Long>>> minutesAt = new HashMap<>();
    Map<String, Integer> outOfOrder = new HashMap<>();
    String sql = SQL.replace("%stage%", stageOf).replace("%tenant%", tenantId == null ? "" : "r.tenant_id = ? AND");
    jdbc.sql(sql).params(params).query(rs -> {
      String tenant = rs.getString("tenant_id");
      String stage = rs.getString("stage");
      if (OUT_OF_ORDER.equals(stage)) {
        outOfOrder.put(tenant, rs.getInt("n"));
        return;
      }
      Stage s = Stage.valueOf(stage);
      counts.computeIfAbsent(tenant, t -> new EnumMap<>(Stage.class)).put(s, rs.getInt("n"));
      minutesAt.computeIfAbsent(tenant, t -> new EnumMap<>(Stage.class)).computeIfAbsent(s, x -> new HashMap<>())
          .put(rs.getLong("rn") - 1, rs.getLong("minutes"));
    });
    Map<String, Result> results = new HashMap<>();
    counts.forEach((tenant, stages) -> {
      List<StageTimes.Figure> figures = new ArrayList<>();
      stages.forEach((stage, n) -> figures.add(StageTimes.figure(stage, n,
          rank -> minutesAt.get(tenant).get(stage).get((long) rank) / 60.0)));
      results.put(tenant, new Result(figures, outOfOrder.getOrDefault(tenant, 0)));
    });
    outOfOrder.forEach((tenant, n) -> results.putIfAbsent(tenant, new Result(List.of(), n)));
    return results;
  }

  // Duration.toMinutes() of a non-negative duration is the whole minutes, as FLOOR of the seconds / 60 is; the ranks
  // kept (around n / 2 and 0.9 n) hold every rank StageTimes.figure asks for
  private static final String SQL = """
      WITH entry AS (
        SELECT r.tenant_id, e.referral_number, e.id, e.occurred_at, %stage% AS stage,
               COALESCE(r.closed_at, CAST(? AS TIMESTAMP WITH TIME ZONE)) AS case_end
        FROM referral_event e JOIN referral r ON r.referral_number = e.referral_number
        WHERE %tenant% r.received_at >= ? AND r.received_at < ?
          AND e.event_type IN ('INTAKE_RECEIVED', 'STAGE_ENTERED')
      ), spell AS (
        SELECT tenant_id, stage, occurred_at AS started,
               COALESCE(LEAD(occurred_at) OVER (PARTITION BY referral_number ORDER BY id), case_end) AS ended
        FROM entry WHERE stage IS NOT NULL
      ), timed AS (
        SELECT tenant_id, stage, FLOOR((EXTRACT(EPOCH FROM ended) - EXTRACT(EPOCH FROM started)) / 60) AS minutes
        FROM spell WHERE stage <> 'CLOSED' AND ended >= started
      ), ranked AS (
        SELECT tenant_id, stage, minutes, ROW_NUMBER() OVER (PARTITION BY tenant_id, stage ORDER BY minutes) AS rn,
               COUNT(*) OVER (PARTITION BY tenant_id, stage) AS n
        FROM timed
      )
      SELECT tenant_id, stage, n, rn, minutes FROM ranked
      WHERE rn BETWEEN n / 2 AND n / 2 + 1 OR rn BETWEEN FLOOR(0.9 * n) - 1 AND FLOOR(0.9 * n) + 2
      UNION ALL
      SELECT tenant_id, '-', COUNT(*), 0, 0 FROM spell WHERE stage <> 'CLOSED' AND ended < started
      GROUP BY tenant_id""";
}
