package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.report.Labels.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.puskesos.rujukan.grievance.GrievanceFigures;
import id.puskesos.rujukan.grievance.GrievanceKind;
import id.puskesos.rujukan.report.Period;
import id.puskesos.rujukan.report.PeriodFigures.Figures;
import id.puskesos.rujukan.report.PeriodFigures;
import id.puskesos.rujukan.report.Report.Chart;
import id.puskesos.rujukan.report.Report.Section;
import id.puskesos.rujukan.report.Report.Table;
import id.puskesos.rujukan.report.Report;
import id.puskesos.rujukan.report.Sections;

/**
 * The evaluation pack: the period's figures for the joint evaluation, the four aspects as the participants scored
 * them last time, what became of the last evaluations' action items, and what each partner did well. After the
 * feedback and the meeting, the results are added as further sections.
 */
public final class EvaluationPack {

  /**
   * What the pack shows besides the period's figures: {@code organisation} names whose evaluation it is ("Puskesos
   * Kelurahan Dago"); {@code comparison} (the city's evaluation only) sets the Puskesos side by side.
   */
  public record Inputs(Figures figures, Figures previous, String lastRoundLabel, List<Feedback> lastRound,
      List<ActionItem> earlierActions, Map<String, List<String>> appreciation, Function<String, String> groupName,
      String organisation, Section comparison) {

    /** A Puskesos's pack without its name. */
    public Inputs(Figures figures, Figures previous, String lastRoundLabel, List<Feedback> lastRound,
        List<ActionItem> earlierActions, Map<String, List<String>> appreciation, Function<String, String> groupName) {
      this(figures, previous, lastRoundLabel, lastRound, earlierActions, appreciation, groupName, "Puskesos", null);
    }
  }

  private EvaluationPack() {
  }

  public static Report build(Inputs in, String generatedAt) {
    return build(in, null, generatedAt);
  }

  /** The pack with the period's grievances about the service after the residents' satisfaction (if given). */
  public static Report build(Inputs in, GrievanceFigures.Figures grievances, String generatedAt) {
    Figures f = in.figures();
    List<Section> sections = new ArrayList<>();
    sections.add(summary(in));
    if (in.comparison() != null) {
      sections.add(in.comparison());
    }
    sections.add(Sections.received(f));
    sections.add(Sections.verification(f));
    sections.add(Sections.decisions(f));
    sections.add(Sections.facilitation(f, in.previous().facilitation().overall(), in.previous().period()));
    sections.add(Sections.serviceLevels(f));
    sections.add(Sections.escalations(f));
    sections.add(Sections.budgets(f));
    sections.add(Sections.satisfaction(f));
    if (grievances != null) {
      sections.add(grievances(grievances));
    }
    sections.add(Sections.aid(f));
    sections.add(aspects("Skor empat aspek kerja sama (evaluasi sebelumnya)", "skor-aspek-sebelumnya",
        in.lastRoundLabel() == null ? List.of("Belum ada evaluasi sebelumnya yang dinilai peserta.")
            : List.of("Penilaian peserta pada evaluasi " + in.lastRoundLabel() + " (1 = sangat kurang, 5 = sangat baik)."),
        in.lastRound()));
    sections.add(actions("Tindak lanjut evaluasi sebelumnya", "tindak-lanjut-sebelumnya", in.earlierActions(),
        in.groupName()));
    sections.add(appreciation(f, in.appreciation()));
    return new Report("Bahan evaluasi partisipatif", f.period().label() + " · " + in.organisation(), generatedAt,
        sections);
  }

  private static Section summary(Inputs in) {
    Figures f = in.figures();
    long done = in.earlierActions().stream().filter(a -> a.status() == ActionItem.Status.DONE).count();
    return new Section("Ringkasan", List.of(
        "Periode %s (%s s.d. %s).".formatted(f.period().label(), Period.day(f.period().from()),
            Period.day(f.period().to())),
        Sections.rates(f.facilitation().overall()),
        f.facilitation().definitions().studyRate(),
        "%s tugas selesai tepat waktu (%s); %s eskalasi; kepuasan warga rata-rata %s dari 5."
            .formatted(number(f.onTimeOverall().onTime()), percent(f.onTimeOverall().rate()),
                number(f.escalations().escalations() + f.escalations().slrt()),
                decimal(f.satisfaction().averageScore())),
        "Tindak lanjut evaluasi sebelumnya: %s dari %s sudah dilaksanakan.".formatted(number(done),
            number(in.earlierActions().size()))), List.of());
  }

  /** Scores per participant and the average per aspect (with a chart). */
  static Section aspects(String title, String id, List<String> paragraphs, List<Feedback> answers) {
    List<String> columns = new ArrayList<>(List.of("Peserta"));
    for (Aspect aspect : Aspect.values()) {
      columns.add(aspect.label());
    }
    List<List<String>> rows = new ArrayList<>();
    for (Feedback answer : answers) {
      List<String> row = new ArrayList<>(List.of(answer.participantName()));
      for (Aspect aspect : Aspect.values()) {
        row.add(String.valueOf(answer.scores().get(aspect)));
      }
      rows.add(row);
    }
    List<List<String>> averages = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Aspect aspect : Aspect.values()) {
      Double average = average(answers, aspect);
      averages.add(List.of(aspect.label(), decimal(average), number(answers.size())));
      values.add(average);
    }
    return new Section(title, paragraphs, List.of(
        new Table(id + "-rata-rata", "Rata-rata per aspek", List.of("Aspek", "Rata-rata", "Penilai"), averages,
            new Chart(0, values, "dari 5", 5.0)),
        new Table(id, "Skor per peserta", columns, rows, null)));
  }

  static Double average(List<Feedback> answers, Aspect aspect) {
    return answers.isEmpty() ? null
        : PeriodFigures.round1(answers.stream().mapToInt(a -> a.scores().get(aspect)).average().orElse(0));
  }

  static Section actions(String title, String id, List<ActionItem> actions, Function<String, String> groupName) {
    List<List<String>> rows = new ArrayList<>();
    for (ActionItem a : actions) {
      rows.add(List.of(a.evaluationLabel(), a.description(), groupName.apply(a.ownerGroup()), Period.day(a.dueOn()),
          a.status().label(), orDash(a.result())));
    }
    long done = actions.stream().filter(a -> a.status() == ActionItem.Status.DONE).count();
    return new Section(title, List.of("%s dari %s tindak lanjut sudah dilaksanakan.".formatted(number(done),
        number(actions.size()))), List.of(new Table(id, "Rencana tindak lanjut dan hasilnya",
            List.of("Evaluasi", "Uraian", "Penanggung jawab", "Batas waktu", "Status", "Hasil"), rows, null)));
  }

  /** Keluhan atas layanan: how many, of which kind, about whom, how fast handled, how many justified. */
  static Section grievances(GrievanceFigures.Figures g) {
    List<List<String>> kinds = new ArrayList<>();
    List<Double> kindValues = new ArrayList<>();
    for (GrievanceKind kind : GrievanceKind.values()) {
      long n = g.byKind().getOrDefault(kind, 0L);
      kinds.add(List.of(kind.label(), number(n)));
      kindValues.add((double) n);
    }
    List<List<String>> organisations = new ArrayList<>();
    List<Double> organisationValues = new ArrayList<>();
    g.byOrganisation().forEach((name, n) -> {
      organisations.add(List.of(name, number(n)));
      organisationValues.add((double) n);
    });
    List<String> paragraphs = new ArrayList<>(List.of(
        "%s keluhan warga atas layanan diterima pada periode ini; %s ditangani koordinator pada periode ini, %s di "
            .formatted(number(g.received()), number(g.resolved()), number(g.justified()))
            + "antaranya beralasan dan diperbaiki, %s tidak beralasan, %s diteruskan ke mitra."
                .formatted(number(g.rejected()), number(g.forwarded())),
        "Waktu penanganan (median, dari keluhan diterima sampai ditangani koordinator): %s jam. Belum ditangani pada "
            .formatted(decimal(g.medianHoursToResolve())) + "akhir periode: %s.".formatted(number(g.openAtEnd()))));
    if (g.dataErrors() > 0) {
      paragraphs.add("Kesalahan data: %s penanganan tercatat sebelum keluhannya diterima, tidak dihitung dalam median."
          .formatted(number(g.dataErrors())));
    }
    return new Section("Keluhan atas layanan", paragraphs, List.of(
        new Table("keluhan-per-jenis", "Keluhan per jenis", List.of("Jenis keluhan", "Jumlah"), kinds,
            new Chart(0, kindValues, "keluhan", null)),
        new Table("keluhan-per-lembaga", "Keluhan per lembaga yang dikeluhkan", List.of("Lembaga", "Jumlah"),
            organisations, new Chart(0, organisationValues, "keluhan", null))));
  }

  private static Section appreciation(Figures f, Map<String, List<String>> reasons) {
    List<List<String>> rows = new ArrayList<>();
    reasons.forEach((code, list) -> rows.add(List.of(f.partnerName(code), String.join("; ", list))));
    return new Section("Apresiasi mitra", List.of("Yang patut diapresiasi dari setiap mitra menurut catatan periode "
        + "ini; surat apresiasi dikirim setelah rapat evaluasi bersama."),
        List.of(new Table("apresiasi-mitra", "Apresiasi per mitra", List.of("Mitra", "Yang patut diapresiasi"), rows,
            null)));
  }

  /** The results after the round: who answered, the scores, what worked, obstacles and ideas. */
  public static List<Section> results(List<String> participantNames, List<Feedback> answers, String meeting,
      List<ActionItem> actions, Function<String, String> groupName) {
    List<Section> sections = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (String name : participantNames) {
      Feedback answer = answers.stream().filter(a -> a.participantName().equals(name)).findFirst().orElse(null);
      rows.add(answer == null ? List.of(name, "Tidak mengisi", "-", "-", "-")
          : List.of(name, "Mengisi", answer.worked(), answer.obstacles(), answer.ideas()));
    }
    sections.add(new Section("Hasil evaluasi: umpan balik peserta", List.of(),
        List.of(new Table("umpan-balik", "Umpan balik per peserta",
            List.of("Peserta", "Status", "Yang berjalan baik", "Hambatan", "Ide untuk periode berikutnya"), rows,
            null))));
    sections.add(aspects("Hasil evaluasi: skor empat aspek periode ini", "skor-aspek", List.of(), answers));
    if (meeting != null) {
      sections.add(new Section("Hasil rapat evaluasi bersama", List.of(meeting.split("\n")), List.of()));
      sections.add(actions("Rencana tindak lanjut yang disepakati", "tindak-lanjut", actions, groupName));
    }
    return sections;
  }
}
