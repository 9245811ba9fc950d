package id.puskesos.rujukan.distribution;
// Size: the facilitation rate is defined once (see below); its queries and printed definitions stay together.

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramStatus;

/**
 * The facilitation rate, defined once. The API ({@code GET /api/figures/facilitation}), the manager's board, the
 * evaluation pack and the monthly activity report all take their rates from here, with the definitions they print
 * ({@link #DEFINITIONS}).
 *
 * <ul>
 * <li>Cases received in a period: {@code referral} rows received in it (Bandung time). A complaint merged into an open
 * case is not a case of its own (it has no row).</li>
 * <li>Referred: at least one program was sent to its partner ({@link ProgramStatus#wasReferred()}).</li>
 * <li>Facilitated: closed as facilitated or partly facilitated; or still open, with aid from at least one program
 * delivered, and the resident did not say at the follow-up that no aid arrived.</li>
 * <li>The study's rate: facilitated / received (the study saw 3 to 5 of 10 proposals facilitated). Beside it the
 * rate of the referred cases: facilitated / referred. Per partner and program: of the cases referred to it, those
 * facilitated with aid from its own programs. Per need: of the cases received with that need.</li>
 * </ul>
 *
 * Every figure follows the cases received in the period to where they stand when it is drawn up: a case received in
 * a month and facilitated later raises that month's rate.
 */
@Service
@Transactional(readOnly = true)
public class FacilitationFigures {

  /** The definitions, as printed beside every rate (the board, the pack, the monthly report, the API). */
  public record Definitions(String studyRate, String referredRate, String facilitated, String perPartner,
      String perNeed, String followUps, String daysToFirstAid) {
  }

  public static final Definitions DEFINITIONS = new Definitions(
      "Tingkat fasilitasi (ukuran studi): kasus terfasilitasi dibagi semua pengaduan yang diterima pada periode "
          + "(pengaduan yang digabung ke kasus yang masih terbuka bukan kasus baru).",
      "Tingkat fasilitasi dari kasus yang dirujuk: kasus terfasilitasi dibagi kasus yang dirujuk ke mitra (program "
          + "yang tidak dikirim atau hanya disimpan sebagai alternatif tidak dihitung).",
      "Kasus terfasilitasi: kasus yang ditutup terfasilitasi atau terfasilitasi sebagian, atau kasus yang masih "
          + "berjalan yang sudah menerima bantuan dari sedikitnya satu program, kecuali warga menyatakan bantuan "
          + "tidak diterima. Kasus yang bantuannya tidak sampai atau warganya tidak dapat dihubungi tidak terfasilitasi.",
      "Per mitra dan per program: penyebutnya kasus yang dirujuk ke mitra atau program itu; mitra hanya dihitung "
          + "memfasilitasi kasus dengan bantuan dari programnya sendiri.",
      "Per kebutuhan: kasus yang diterima dengan kebutuhan itu, dan yang terfasilitasi di antaranya.",
      "Tindak lanjut: jawaban warga pada kunjungan tindak lanjut kasus-kasus itu (per mitra: kasus yang menerima "
          + "penyerahan dari mitra itu); bantuan membantu, membantu sebagian atau tidak membantu, dan kepuasan 1-5.",
      "Hari sampai bantuan pertama: dari hari pengaduan diterima sampai penyerahan pertama, untuk kasus "
          + "terfasilitasi. Penyerahan yang tercatat sebelum hari pengaduan tidak dihitung dan dilaporkan sebagai "
          + "kesalahan data.");

  // ---- what the figures read -------------------------------------------------------------------------------------

  /** A program the case was routed to: its status, and the day of its first handover (if any). */
  public record Program(String programCode, String partnerCode, ProgramStatus status, LocalDate firstAid) {
  }

  /** A case received, as it stands now: closed with its outcome or open; the follow-up's answers; needs; programs. */
  public record Case(String referralNumber, OffsetDateTime receivedAt, boolean closed, Outcome outcome,
      String aidReceived, String aidHelped, Integer satisfaction, Set<Need> needs, List<Program> programs) {

    /** Sent to at least one partner. */
    public boolean referred() {
      return referredTo(p -> true);
    }

    /** The one definition of a facilitated case. */
    public boolean facilitated() {
      if (closed) {
        return outcome == Outcome.FACILITATED || outcome == Outcome.PARTLY_FACILITATED;
      }
      return !NO.equals(aidReceived) && programs.stream().anyMatch(p -> p.status().delivered());
    }

    boolean referredTo(Predicate<Program> which) {
      return programs.stream().filter(which).anyMatch(p -> p.status().wasReferred());
    }

    /** Facilitated, with aid delivered from one of these programs (a partner is credited only with its own). */
    boolean facilitatedBy(Predicate<Program> which) {
      return facilitated() && programs.stream().filter(which).anyMatch(p -> p.status().delivered());
    }

    boolean handedOverBy(Predicate<Program> which) {
      return programs.stream().filter(which).anyMatch(p -> p.firstAid() != null);
    }

    /** The resident answered the follow-up (any of its questions). */
    boolean answered() {
      return aidReceived != null || aidHelped != null || satisfaction != null;
    }

    LocalDate receivedOn() {
      return receivedAt.atZoneSameInstant(Dates.BANDUNG).toLocalDate();
    }

    String month() {
      return YearMonth.from(receivedOn()).toString();
    }

    /** The first handover of a program that delivered. */
    LocalDate firstAid() {
      return programs.stream().filter(p -> p.status().delivered() && p.firstAid() != null).map(Program::firstAid)
          .min(LocalDate::compareTo).orElse(null);
    }
  }

  // ---- the figures ---------------------------------------------------------------------------------------------

  /** The follow-up answers of a group of cases; shares 0 to 1, null without answers. */
  public record FollowUps(int answered, int helped, int helpedPartly, int notHelped, int receivedButNotHelped,
      Double helpedShare, Double averageSatisfaction) {
  }

  /**
   * A group of cases received (all, a month, a need): received, referred, facilitated, the study's rate (facilitated /
   * received) and the rate of the referred (facilitated among the referred / referred); null with nothing to divide.
   */
  public record Rate(String key, String label, String month, int received, int referred, int facilitated,
      int facilitatedReferred, Double rate, Double referredRate, FollowUps followUps) {
  }

  /** A partner or program: cases referred to it, those facilitated with its own aid, and the rate. */
  public record PartnerRate(String key, String label, String month, int referred, int facilitated, Double rate,
      FollowUps followUps) {
  }

  /**
   * Days from intake to the first aid of the facilitated cases (month null: the whole period). {@code dateErrors}: cases
   * left out because their first handover is dated before the intake (a data error, never a negative duration).
   */
  public record Days(String month, int cases, Double median, Double average, Integer p90, int dateErrors) {
  }

  public record Figures(String from, String to, Definitions definitions, Rate overall, List<Rate> byMonth,
      List<Rate> byNeed, List<PartnerRate> byPartner, List<PartnerRate> byProgram,
      List<PartnerRate> byPartnerAndMonth, List<PartnerRate> byProgramAndMonth, Days daysToFirstAidOverall,
      List<Days> daysToFirstAid) {
  }

  static final String NO = "NO";

  private final JdbcClient jdbc;
  private final ProgramCatalogue catalogue;

  public FacilitationFigures(JdbcClient jdbc, ProgramCatalogue catalogue) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
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
    return figures(first.atDay(1), last.atEndOfMonth());
  }

  /** The figures for cases received from {@code from} to {@code to} (whole days in Bandung, inclusive). */
  public Figures figures(LocalDate from, LocalDate to) {
    return compute(from, to, cases(from, to), partnerNames(), programNames());
  }

  /** The cases received from {@code from} to {@code to} (whole days in Bandung), as they stand now. */
  public List<Case> cases(LocalDate from, LocalDate to) {
    return cases(from, to, null);
  }

  /** The same, of one Puskesos (its tenant id); null: of the whole city. */
  public List<Case> cases(LocalDate from, LocalDate to, String tenantId) {
    String ofTenant = tenantId == null ? "" : " AND r.tenant_id = ?";
    OffsetDateTime start = from.atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(Dates.BANDUNG).toOffsetDateTime();
    Map<String, List<Program>> programs = new HashMap<>();
    jdbc.sql("""
        SELECT p.referral_number, p.program_code, p.partner_code, p.status, d.first_aid
        FROM program_referral p JOIN referral r ON r.referral_number = p.referral_number
        LEFT JOIN (SELECT d.referral_number, d.program_code, MIN(d.distributed_on) AS first_aid
                   FROM program_distribution d JOIN referral dr ON dr.referral_number = d.referral_number
                   WHERE dr.received_at >= ? AND dr.received_at < ? AND d.voided_reason IS NULL
                   GROUP BY d.referral_number, d.program_code) d
          ON d.referral_number = p.referral_number AND d.program_code = p.program_code
        WHERE r.received_at >= ? AND r.received_at < ?""" + ofTenant
        + " ORDER BY p.referral_number, p.program_code")
        // the period's handovers grouped once, not one lookup per program (400,000 lookups for a city's year)
        .params(withTenant(tenantId, start, end, start, end)).query(rs -> {
          programs.computeIfAbsent(rs.getString("referral_number"), n -> new ArrayList<>()).add(new Program(
              rs.getString("program_code"), rs.getString("partner_code"), ProgramStatus.valueOf(rs.getString("status")),
              rs.getObject("first_aid", LocalDate.class)));
        });
    Map<String, Set<Need>> needs = new HashMap<>();
    jdbc.sql("""
        SELECT n.referral_number, n.need FROM referral_need n JOIN referral r ON r.referral_number = n.referral_number
        WHERE r.received_at >= ? AND r.received_at < ?""" + ofTenant)
        .params(withTenant(tenantId, start, end)).query(rs -> {
          needs.computeIfAbsent(rs.getString("referral_number"), n -> EnumSet.noneOf(Need.class))
              .add(Need.valueOf(rs.getString("need")));
        });
    return jdbc.sql("""
        SELECT r.referral_number, r.received_at, r.status, r.outcome, r.aid_received, r.aid_helped, r.satisfaction
        FROM referral r WHERE r.received_at >= ? AND r.received_at < ?""" + ofTenant
        + " ORDER BY r.received_at, r.referral_number")
        .params(withTenant(tenantId, start, end))
        .query((rs, n) -> {
          String number = rs.getString("referral_number");
          return new Case(number, rs.getObject("received_at", OffsetDateTime.class),
              "CLOSED".equals(rs.getString("status")), outcome(rs.getString("outcome")), rs.getString("aid_received"),
              rs.getString("aid_helped"), (Integer) rs.getObject("satisfaction", Integer.class),
              needs.getOrDefault(number, Set.of()), programs.getOrDefault(number, List.of()));
        })
        .list();
  }

  private static List<Object> withTenant(String tenantId, Object... params) {
    List<Object> all = new ArrayList<>(List.of(params));
    if (tenantId != null) {
      all.add(tenantId);
    }
    return all;
  }

  public Map<String, String> partnerNames() {
    Map<String, String> names = new LinkedHashMap<>();
    catalogue.partners().forEach(p -> names.put(p.code(), p.name()));
    return names;
  }

  public Map<String, String> programNames() {
    Map<String, String> names = new LinkedHashMap<>();
    catalogue.programs().forEach(p -> names.put(p.code(), p.name()));
    return names;
  }

  // ---- counting (public for the tests that check every figure against a hand-built quarter) ------------------

  /** The figures of the cases received from {@code from} to {@code to} (days in Bandung, inclusive). */
  public static Figures compute(LocalDate from, LocalDate to, Collection<Case> all, Map<String, String> partnerNames,
      Map<String, String> programNames) {
    List<Case> cases = all.stream().filter(c -> !c.receivedOn().isBefore(from) && !c.receivedOn().isAfter(to))
        .toList();
    List<Rate> byMonth = new ArrayList<>();
    List<Days> days = new ArrayList<>();
    Map<String, List<Case>> byReceivedMonth = new HashMap<>();
    cases.forEach(c -> byReceivedMonth.computeIfAbsent(c.month(), m -> new ArrayList<>()).add(c));
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      String month = m.toString();
      List<Case> inMonth = byReceivedMonth.getOrDefault(month, List.of());
      byMonth.add(rate(month, null, month, inMonth));
      days.add(days(month, inMonth));
    }
    List<Rate> byNeed = new ArrayList<>();
    for (Need need : Need.values()) {
      List<Case> withNeed = cases.stream().filter(c -> c.needs().contains(need)).toList();
      if (!withNeed.isEmpty()) {
        byNeed.add(rate(need.name(), need.label(), null, withNeed));
      }
    }
    return new Figures(from.toString(), to.toString(), DEFINITIONS, rate("", "Semua kasus", null, cases), byMonth,
        byNeed, partnerRates(cases, Program::partnerCode, partnerNames, false),
        partnerRates(cases, Program::programCode, programNames, false),
        partnerRates(cases, Program::partnerCode, partnerNames, true),
        partnerRates(cases, Program::programCode, programNames, true), days(null, cases), days);
  }

  private static Rate rate(String key, String label, String month, List<Case> cases) {
    int received = cases.size();
    int referred = count(cases, Case::referred);
    int facilitated = count(cases, Case::facilitated);
    int facilitatedReferred = count(cases, c -> c.referred() && c.facilitated());
    return new Rate(key, label, month, received, referred, facilitated, facilitatedReferred,
        share(facilitated, received), share(facilitatedReferred, referred), followUps(cases));
  }

  /** Per partner or program (and month): the cases referred to it, and those it facilitated with its own aid. */
  private static List<PartnerRate> partnerRates(List<Case> cases, Function<Program, String> keyOf,
      Map<String, String> names, boolean byMonth) {
    // one pass: each case joins the groups of the programs it was referred to (a city's year is 200,000 cases; a
    // pass over all of them per partner and month took seconds)
    Map<List<String>, List<Case>> groups = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
        ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
    for (Case c : cases) {
      String month = byMonth ? c.month() : "";
      c.programs().stream().filter(p -> p.status().wasReferred()).map(keyOf).distinct()
          .forEach(key -> groups.computeIfAbsent(List.of(key, month), g -> new ArrayList<>()).add(c));
    }
    List<PartnerRate> rates = new ArrayList<>();
    groups.forEach((group, referred) -> {
      Predicate<Program> own = p -> keyOf.apply(p).equals(group.get(0));
      int facilitated = count(referred, c -> c.facilitatedBy(own));
      rates.add(new PartnerRate(group.get(0), names.getOrDefault(group.get(0), group.get(0)),
          byMonth ? group.get(1) : null, referred.size(), facilitated, share(facilitated, referred.size()),
          followUps(referred.stream().filter(c -> c.handedOverBy(own)).toList())));
    });
    return rates;
  }

  private static FollowUps followUps(List<Case> cases) {
    List<Case> answered = cases.stream().filter(Case::answered).toList();
    int helped = count(answered, c -> "YES".equals(c.aidHelped()));
    int partly = count(answered, c -> "PARTLY".equals(c.aidHelped()));
    int not = count(answered, c -> NO.equals(c.aidHelped()));
    int receivedButNot = count(answered, c -> ("YES".equals(c.aidReceived()) || "PARTLY".equals(c.aidReceived()))
        && NO.equals(c.aidHelped()));
    List<Integer> scores = answered.stream().map(Case::satisfaction).filter(s -> s != null && s >= 1 && s <= 5)
        .toList();
    Double average = scores.isEmpty() ? null
        : Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0;
    return new FollowUps(answered.size(), helped, partly, not, receivedButNot, share(helped + partly,
        helped + partly + not), average);
  }

  /** Days from intake to first aid of the facilitated cases; a handover dated before the intake is a data error. */
  private static Days days(String month, List<Case> cases) {
    List<Long> days = new ArrayList<>();
    int errors = 0;
    for (Case c : cases) {
      LocalDate aid = c.facilitated() ? c.firstAid() : null;
      if (aid == null) {
        continue;
      }
      long d = ChronoUnit.DAYS.between(c.receivedOn(), aid);
      if (d < 0) {
        errors++;
      } else {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      return new Days(month, 0, null, null, null, errors);
    }
    List<Long> sorted = days.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    double average = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
    int p90 = sorted.get((int) Math.ceil(0.9 * n) - 1).intValue();
    return new Days(month, n, median, Math.round(average * 10) / 10.0, p90, errors);
  }

  private static int count(Collection<Case> cases, Predicate<Case> test) {
    return (int) cases.stream().filter(test).count();
  }

  /** A share rounded to three decimals (0,385 prints as 38,5%); null with nothing to divide by. */
  private static Double share(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }

  private static Outcome outcome(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Outcome.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null; // an outcome of earlier versions: not a facilitated one
    }
  }

  private static YearMonth month(Checks checks, String field, String value) {
    try {
      return YearMonth.parse(value);
    } catch (RuntimeException e) {
      checks.add(field, "Bulan harus ditulis TTTT-BB, misalnya 2026-11");
      return null;
    }
  }
}
