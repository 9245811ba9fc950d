package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.report.Labels.decimal;
import static id.puskesos.rujukan.report.Labels.number;
import static id.puskesos.rujukan.report.Labels.percent;
import static id.puskesos.rujukan.report.Labels.percentValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.report.Period;
import id.puskesos.rujukan.report.PeriodFigures;
import id.puskesos.rujukan.report.Report.Chart;
import id.puskesos.rujukan.report.Report.Section;
import id.puskesos.rujukan.report.Report.Table;
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * The city's evaluation sets the Puskesos side by side: each one's headline figures of the period and, per figure,
 * the best practice (the Puskesos with the best value). Read in a few city-wide queries grouped by Puskesos, not one
 * pack per Puskesos (151 of them): the period's cases as the facilitation rate defines them (one definition,
 * {@link FacilitationFigures}) with each case's Puskesos, the partners' decisions of the period, and the letters of
 * appreciation the Puskesos's own evaluations of the same period issued.
 */
@Component
@Transactional(readOnly = true)
public class CityComparison {

  /** One Puskesos's headline figures; a share 0 to 1 or null with nothing to divide. */
  public record Headline(Puskesos puskesos, int cases, Double facilitationRate, Double hoursToDecision,
      Double followUpReached, Double satisfaction, long appreciations) {
  }

  /** A figure compared, how it reads, and whether more is better. */
  private record Figure(String label, Function<Headline, Double> value, Function<Headline, String> printed,
      boolean higherIsBetter) {
  }

  private static final List<Figure> FIGURES = List.of(
      new Figure("tingkat fasilitasi", Headline::facilitationRate, h -> percent(h.facilitationRate()), true),
      new Figure("waktu sampai keputusan mitra", Headline::hoursToDecision,
          h -> decimal(h.hoursToDecision()) + " jam", false),
      new Figure("tindak lanjut menjangkau warga", Headline::followUpReached, h -> percent(h.followUpReached()), true),
      new Figure("kepuasan warga", Headline::satisfaction, h -> decimal(h.satisfaction()) + " dari 5", true),
      new Figure("apresiasi mitra", h -> h.appreciations() == 0 ? null : (double) h.appreciations(),
          h -> number(h.appreciations()) + " surat", true));

  private final JdbcClient jdbc;
  private final FacilitationFigures facilitation;
  private final PuskesosDirectory directory;

  public CityComparison(JdbcClient jdbc, FacilitationFigures facilitation, PuskesosDirectory directory) {
    this.jdbc = jdbc;
    this.facilitation = facilitation;
    this.directory = directory;
  }

  /** Every Puskesos's headline figures of the period, in the directory's order (kecamatan, name). */
  public List<Headline> headlines(Period period) {
    Map<String, String> tenantOf = new HashMap<>();
    jdbc.sql("SELECT referral_number, tenant_id FROM referral WHERE received_at >= ? AND received_at < ?")
        .params(period.start(), period.end())
        .query(rs -> {
          tenantOf.put(rs.getString("referral_number"), rs.getString("tenant_id"));
        });
    Map<String, List<FacilitationFigures.Case>> cases = new HashMap<>();
    for (FacilitationFigures.Case c : facilitation.cases(period.from(), period.to())) {
      cases.computeIfAbsent(tenantOf.get(c.referralNumber()), t -> new ArrayList<>()).add(c);
    }
    Map<String, List<Double>> decisionHours = new HashMap<>();
    jdbc.sql("""
        SELECT r.tenant_id, p.referred_at, p.decided_at FROM program_referral p
        JOIN referral r ON r.referral_number = p.referral_number
        WHERE p.decided_at >= ? AND p.decided_at < ? AND p.referred_at IS NOT NULL""")
        .params(period.start(), period.end())
        .query(rs -> {
          OffsetDateTime referred = rs.getObject("referred_at", OffsetDateTime.class);
          OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
          if (!decided.isBefore(referred)) { // a decision before its referral is a data error, not a duration
            decisionHours.computeIfAbsent(rs.getString("tenant_id"), t -> new ArrayList<>())
                .add(Duration.between(referred, decided).toMinutes() / 60.0);
          }
        });
    Map<String, Long> appreciations = new HashMap<>();
    jdbc.sql("""
        SELECT e.scope, COUNT(*) AS letters FROM evaluation e JOIN evaluation_appreciation a ON a.evaluation_id = e.id
        WHERE e.period_from = ? AND e.period_to = ? GROUP BY e.scope""")
        .params(period.from(), period.to())
        .query(rs -> {
          appreciations.put(rs.getString("scope"), rs.getLong("letters"));
        });
    List<Headline> result = new ArrayList<>();
    for (Puskesos puskesos : directory.all()) {
      List<FacilitationFigures.Case> mine = cases.getOrDefault(puskesos.tenantId(), List.of());
      List<Double> hours = decisionHours.getOrDefault(puskesos.tenantId(), List.of());
      List<Integer> scores = mine.stream().map(FacilitationFigures.Case::satisfaction)
          .filter(s -> s != null && s >= 1 && s <= 5).toList();
      long reached = mine.stream().filter(c -> c.aidReceived() != null || c.aidHelped() != null
          || c.satisfaction() != null).count();
      result.add(new Headline(puskesos, mine.size(),
          share(mine.stream().filter(FacilitationFigures.Case::facilitated).count(), mine.size()),
          hours.isEmpty() ? null : PeriodFigures.round1(median(hours)), share(reached, mine.size()),
          scores.isEmpty() ? null : PeriodFigures.round1(scores.stream().mapToInt(Integer::intValue).average()
              .orElse(0)), appreciations.getOrDefault(puskesos.tenantId(), 0L)));
    }
    return result;
  }

  /**
   * Per figure, the Puskesos with the best value ("praktik terbaik: Puskesos Dago, 55,0%"); several when tied; none
   * when no Puskesos has the figure.
   */
  public static List<String> bestPractices(List<Headline> headlines) {
    List<String> lines = new ArrayList<>();
    for (Figure figure : FIGURES) {
      Comparator<Double> better = figure.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
      Double best = headlines.stream().map(figure.value()).filter(Objects::nonNull).min(better).orElse(null);
      if (best == null) {
        continue;
      }
      List<Headline> winners = headlines.stream().filter(h -> best.equals(figure.value().apply(h))).toList();
      lines.add("Praktik terbaik %s: %s, %s.".formatted(figure.label(),
          String.join(", ", winners.stream().map(h -> h.puskesos().title()).toList()),
          figure.printed().apply(winners.get(0))));
    }
    return lines;
  }

  /** The pack's section: the table side by side (a chart of the facilitation rates) and the best practices. */
  public static Section section(List<Headline> headlines) {
    List<List<String>> rows = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (Headline h : headlines) {
      rows.add(List.of(h.puskesos().title(), h.puskesos().kecamatan(), number(h.cases()), percent(h.facilitationRate()),
          decimal(h.hoursToDecision()), percent(h.followUpReached()), decimal(h.satisfaction()),
          number(h.appreciations())));
      rates.add(h.facilitationRate() == null ? 0.0 : percentValue(h.facilitationRate()));
    }
    List<String> paragraphs = new ArrayList<>(List.of(
        "Angka utama setiap Puskesos pada periode yang sama, dari catatan kasus masing-masing. Kasus: pengaduan yang "
            + "diterima; tingkat fasilitasi: kasus terfasilitasi dibagi kasus yang diterima; waktu sampai keputusan "
            + "mitra: median jam dari rujukan sampai keputusan mitra pada periode; tindak lanjut menjangkau warga: "
            + "kasus yang warganya menjawab kunjungan tindak lanjut dibagi kasus yang diterima; kepuasan warga: "
            + "rata-rata skor 1-5; apresiasi: surat apresiasi yang diterbitkan evaluasi Puskesos itu untuk periode ini."));
    List<String> best = bestPractices(headlines);
    paragraphs.addAll(best.isEmpty() ? List.of("Belum ada angka untuk menyebut praktik terbaik.") : best);
    return new Section("Perbandingan Puskesos dan praktik terbaik", paragraphs, List.of(new Table(
        "perbandingan-puskesos", "Angka utama per Puskesos",
        List.of("Puskesos", "Kecamatan", "Kasus", "Tingkat fasilitasi", "Jam sampai keputusan mitra (median)",
            "Tindak lanjut menjangkau warga", "Kepuasan warga (1-5)", "Surat apresiasi"),
        rows, new Chart(0, rates, "%", 100.0))));
  }

  private static Double share(long part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
