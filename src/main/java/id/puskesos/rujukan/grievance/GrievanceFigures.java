package id.puskesos.rujukan.grievance;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grievances of a period for the evaluation pack, each by its own time: received in the period, resolved by the
 * koordinator in the period (the koordinator's response ends the Puskesos's handling; a forward counts as resolved
 * then). Counts and labels only, no resident's words: every participant reads the pack.
 */
@Component
@Transactional(readOnly = true)
public class GrievanceFigures {

  /**
   * @param received grievances received in the period
   * @param byKind received, per kind (every kind listed)
   * @param byOrganisation received, per organisation complained about (its name), most first
   * @param resolved responded to in the period; {@code justified} of them found justified (DITERIMA), {@code rejected}
   *     not, {@code forwarded} to the partner
   * @param medianHoursToResolve median hours from receipt to response of those resolved (null when none)
   * @param openAtEnd received by the period's end and not yet responded to by then
   * @param dataErrors responses recorded before their receipt, left out of the median
   */
  public record Figures(long received, Map<GrievanceKind, Long> byKind, Map<String, Long> byOrganisation,
      long resolved, long justified, long rejected, long forwarded, Double medianHoursToResolve, long openAtEnd,
      long dataErrors) {
  }

  private record Row(GrievanceKind kind, String about, OffsetDateTime receivedAt, OffsetDateTime resolvedAt,
      GrievanceOutcome outcome) {
  }

  private final JdbcClient jdbc;
  private final GrievanceQueries queries;

  public GrievanceFigures(JdbcClient jdbc, GrievanceQueries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
  }

  /** The figures of the period from {@code start} (inclusive) to {@code end} (exclusive). */
  public Figures of(OffsetDateTime start, OffsetDateTime end) {
    return of(start, end, null);
  }

  /**
   * The figures of one Puskesos (its tenant id; null: the whole city): the grievances about its cases. A grievance
   * about no case of the city's records counts for the city only.
   */
  public Figures of(OffsetDateTime start, OffsetDateTime end, String tenantId) {
    List<Object> params = new java.util.ArrayList<>(List.of(end, start, start));
    if (tenantId != null) {
      params.add(tenantId);
    }
    List<Row> rows = jdbc.sql("""
        SELECT kind, about_code, received_at, resolved_at, outcome FROM grievance
        WHERE received_at < ? AND (resolved_at IS NULL OR resolved_at >= ? OR received_at >= ?)"""
        + (tenantId == null ? "" : " AND referral_number IN (SELECT referral_number FROM referral WHERE tenant_id = ?)"))
        .params(params)
        .query((rs, n) -> new Row(GrievanceKind.valueOf(rs.getString("kind")), rs.getString("about_code"),
            rs.getObject("received_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class),
            rs.getString("outcome") == null ? null : GrievanceOutcome.valueOf(rs.getString("outcome"))))
        .list();
    return compute(rows.stream().map(r -> new Entry(r.kind(), queries.organisationName(r.about()), r.receivedAt(),
        r.resolvedAt(), r.outcome())).toList(), start, end);
  }

  /** One grievance as the figures need it (the organisation by its name). */
  record Entry(GrievanceKind kind, String organisation, OffsetDateTime receivedAt, OffsetDateTime resolvedAt,
      GrievanceOutcome outcome) {
  }

  static Figures compute(List<Entry> entries, OffsetDateTime start, OffsetDateTime end) {
    Map<GrievanceKind, Long> byKind = new EnumMap<>(GrievanceKind.class);
    for (GrievanceKind kind : GrievanceKind.values()) {
      byKind.put(kind, 0L);
    }
    Map<String, Long> byOrganisation = new LinkedHashMap<>();
    long received = 0;
    long resolved = 0;
    long justified = 0;
    long rejected = 0;
    long forwarded = 0;
    long open = 0;
    long errors = 0;
    List<Double> hours = new ArrayList<>();
    for (Entry e : entries) {
      if (within(e.receivedAt(), start, end)) {
        received++;
        byKind.merge(e.kind(), 1L, Long::sum);
        byOrganisation.merge(e.organisation(), 1L, Long::sum);
      }
      if (e.receivedAt().isBefore(end) && (e.resolvedAt() == null || !e.resolvedAt().isBefore(end))) {
        open++;
      }
      if (e.resolvedAt() != null && within(e.resolvedAt(), start, end)) {
        resolved++;
        justified += e.outcome() == GrievanceOutcome.DITERIMA ? 1 : 0;
        rejected += e.outcome() == GrievanceOutcome.DITOLAK ? 1 : 0;
        forwarded += e.outcome() == GrievanceOutcome.DITERUSKAN ? 1 : 0;
        if (e.resolvedAt().isBefore(e.receivedAt())) {
          errors++;
        } else {
          hours.add(Duration.between(e.receivedAt(), e.resolvedAt()).toMinutes() / 60.0);
        }
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    byOrganisation.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(x -> sorted.put(x.getKey(), x.getValue()));
    return new Figures(received, byKind, sorted, resolved, justified, rejected, forwarded, median(hours), open,
        errors);
  }

  private static boolean within(OffsetDateTime at, OffsetDateTime start, OffsetDateTime end) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  private static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }
}
