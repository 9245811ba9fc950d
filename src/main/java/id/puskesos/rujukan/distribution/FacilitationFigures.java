package id.puskesos.rujukan.distribution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.referral.ProgramStatus;

/**
 * The facilitation rate (cases with aid handed over from at least one program / cases referred to a partner) per
 * month of intake, partner and program, and the days from intake to the first aid, from the recorded outcomes. The
 * study found 3 to 5 of 10 proposals facilitated; this is the figure that shows whether that changes.
 */
@Service
@Transactional(readOnly = true)
public class FacilitationFigures {

  /** One program a case was sent to: when the case came in, and the first day aid from the program was handed over. */
  public record Row(String referralNumber, OffsetDateTime receivedAt, String programCode, String partnerCode,
      LocalDate firstAid) {
  }

  /** Referred and facilitated cases in a group, and their rate (0 to 1, null with nothing referred). */
  public record Rate(String key, String month, int referred, int facilitated, Double rate) {
  }

  /** Days from intake to the first aid over the cases that received aid. */
  public record DaysToFirstAid(String month, int cases, Double median, Double average, Integer p90) {
  }

  public record Figures(String from, String to, Rate overall, List<Rate> byMonth, List<Rate> byPartner,
      List<Rate> byProgram, List<DaysToFirstAid> daysToFirstAid) {
  }

  private static final Comparator<List<String>> BY_KEY_THEN_MONTH =
      Comparator.comparing((List<String> group) -> group.get(0)).thenComparing(group -> group.get(1));

  private final JdbcClient jdbc;

  public FacilitationFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The figures for cases received from the first day of {@code from} to the last day of {@code to} (YYYY-MM). */
  public Figures figures(String from, String to) {
    Checks checks = new Checks();
    YearMonth first = month(checks, "from", from);
    YearMonth last = month(checks, "to", to);
    checks.check(first == null || last == null || !last.isBefore(first), "to", "Bulan akhir sebelum bulan awal");
    checks.check(first == null || last == null || first.plusMonths(36).isAfter(last), "to",
        "Rentang paling lama 36 bulan");
    checks.throwIfAny();
    OffsetDateTime start = first.atDay(1).atStartOfDay(RujukanApplication.ZONE).toOffsetDateTime();
    OffsetDateTime end = last.plusMonths(1).atDay(1).atStartOfDay(RujukanApplication.ZONE).toOffsetDateTime();
    List<Row> rows = jdbc.sql("""
        SELECT r.referral_number, r.received_at, p.program_code, p.partner_code,
               (SELECT MIN(d.distributed_on) FROM program_distribution d
                WHERE d.referral_number = p.referral_number AND d.program_code = p.program_code) AS first_aid
        FROM referral r JOIN program_referral p ON p.referral_number = r.referral_number
        WHERE r.received_at >= ? AND r.received_at < ? AND p.status <> ?""")
        .params(start, end, ProgramStatus.NOT_SENT.name())
        .query((rs, n) -> new Row(rs.getString("referral_number"), rs.getObject("received_at", OffsetDateTime.class),
            rs.getString("program_code"), rs.getString("partner_code"), rs.getObject("first_aid", LocalDate.class)))
        .list();
    return compute(first.toString(), last.toString(), rows);
  }

  /** The figures of a set of rows: public for the tests that check every figure against a fixture. */
  public static Figures compute(String from, String to, Collection<Row> rows) {
    List<Rate> overall = rates(rows, r -> "", false);
    return new Figures(from, to, overall.isEmpty() ? new Rate("", null, 0, 0, null) : overall.get(0),
        rates(rows, r -> "", true), rates(rows, Row::partnerCode, true), rates(rows, Row::programCode, true),
        days(rows));
  }

  /** Cases per group (and month): referred when any row of the case is in the group, facilitated when any had aid. */
  private static List<Rate> rates(Collection<Row> rows, Function<Row, String> key, boolean byMonth) {
    Map<List<String>, Set<String>> referred = new TreeMap<>(BY_KEY_THEN_MONTH);
    Map<List<String>, Set<String>> facilitated = new HashMap<>();
    for (Row row : rows) {
      List<String> group = List.of(key.apply(row), byMonth ? month(row) : "");
      referred.computeIfAbsent(group, g -> new HashSet<>()).add(row.referralNumber());
      if (row.firstAid() != null) {
        facilitated.computeIfAbsent(group, g -> new HashSet<>()).add(row.referralNumber());
      }
    }
    List<Rate> rates = new ArrayList<>();
    referred.forEach((group, cases) -> {
      int done = facilitated.getOrDefault(group, Set.of()).size();
      rates.add(new Rate(group.get(0), byMonth ? group.get(1) : null, cases.size(), done,
          (double) done / cases.size()));
    });
    return rates;
  }

  /** Days from intake (the day in Bandung) to the first aid of the case, any program, per month of intake. */
  private static List<DaysToFirstAid> days(Collection<Row> rows) {
    Map<String, LocalDate> firstAid = new HashMap<>();
    Map<String, Row> anyRow = new HashMap<>();
    for (Row row : rows) {
      anyRow.putIfAbsent(row.referralNumber(), row);
      if (row.firstAid() != null) {
        firstAid.merge(row.referralNumber(), row.firstAid(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<String, List<Long>> byMonth = new TreeMap<>();
    firstAid.forEach((number, aid) -> {
      Row row = anyRow.get(number);
      LocalDate received = row.receivedAt().atZoneSameInstant(RujukanApplication.ZONE).toLocalDate();
      byMonth.computeIfAbsent(month(row), m -> new ArrayList<>()).add(ChronoUnit.DAYS.between(received, aid));
    });
    List<DaysToFirstAid> result = new ArrayList<>();
    byMonth.forEach((month, days) -> {
      List<Long> sorted = days.stream().sorted().toList();
      int n = sorted.size();
      double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
      double average = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
      int p90 = sorted.get((int) Math.ceil(0.9 * n) - 1).intValue();
      result.add(new DaysToFirstAid(month, n, median, Math.round(average * 10) / 10.0, p90));
    });
    return result;
  }

  private static YearMonth month(Checks checks, String field, String value) {
    try {
      return YearMonth.parse(value);
    } catch (RuntimeException e) {
      checks.add(field, "Bulan harus ditulis TTTT-BB, misalnya 2026-11");
      return null;
    }
  }

  private static String month(Row row) {
    return YearMonth.from(row.receivedAt().atZoneSameInstant(RujukanApplication.ZONE)).toString();
  }

}
