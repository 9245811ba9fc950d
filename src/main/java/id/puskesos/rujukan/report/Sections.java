package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.report.Labels.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.distribution.FacilitationFigures.Rate;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.report.PeriodFigures.*;
import id.puskesos.rujukan.report.Report.Chart;
import id.puskesos.rujukan.report.Report.Section;
import id.puskesos.rujukan.report.Report.Table;

/** The sections both reports share, each from one part of a period's figures. */
public final class Sections {

  private Sections() {
  }

  public static Section received(Figures f) {
    Received r = f.received();
    return new Section("Pengaduan dan usulan masuk", List.of(
        "%s kasus baru dan %s pengaduan yang digabung ke kasus yang masih terbuka (%s pengaduan seluruhnya)."
            .formatted(number(r.cases()), number(r.merged()), number(r.intakes()))),
        List.of(counts("pengaduan-per-saluran", "Pengaduan per saluran", "Saluran", r.byChannel(), "pengaduan"),
            counts("pengaduan-per-kebutuhan", "Pengaduan per kebutuhan (satu pengaduan dapat memuat beberapa)",
                "Kebutuhan", r.byNeed(), "pengaduan")));
  }

  public static Section verification(Figures f) {
    Verification v = f.verification();
    List<List<String>> rows = List.of(
        List.of("Pemeriksaan registri", number(v.registryChecks())),
        List.of("Data bersih dan mutakhir", number(v.clean())),
        List.of("Perlu verifikasi lapangan", number(v.fieldVerificationNeeded())),
        List.of("Kunjungan rumah (verifikasi lapangan)", number(v.fieldVisits())),
        List.of("Data valid setelah kunjungan", number(v.validAfterVisit())),
        List.of("Tidak memenuhi syarat setelah kunjungan", number(v.notEligibleAfterVisit())),
        List.of("Usulan masuk DTKS/DTSEN", number(v.dtksProposals())),
        List.of("Perubahan data warga", number(v.dataChanges())),
        List.of("Warga yang datanya diperbarui", number(v.residentsChanged())));
    return new Section("Verifikasi, validasi dan pemutakhiran data", List.of(
        "Data penerima yang tidak mutakhir adalah temuan pertama kajian; angka ini menunjukkan berapa yang diperiksa "
            + "dan diperbaiki dalam periode ini."),
        List.of(new Table("verifikasi", "Hasil verifikasi", List.of("Uraian", "Jumlah"), rows, null),
            counts("perubahan-data", "Perubahan data warga per sumber", "Sumber", v.changesBySource(), "perubahan")));
  }

  public static Section decisions(Figures f) {
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> reasons = new ArrayList<>();
    for (Decisions d : f.decisions()) {
      rows.add(List.of(f.partnerName(d.partnerCode()), f.programName(d.programCode()), number(d.referred()),
          number(d.accepted()), number(d.rejected()), decimal(d.medianResponseHours())));
      d.rejectionsByCode().forEach((code, n) -> reasons.add(List.of(f.partnerName(d.partnerCode()),
          f.programName(d.programCode()), rejection(code), number(n))));
    }
    return new Section("Rujukan dan keputusan mitra", List.of(
        "Dikirim: rujukan yang dikirim dalam periode. Diterima dan ditolak: keputusan mitra dalam periode. Waktu "
            + "tanggap: median jam dari rujukan dikirim sampai keputusan mitra."),
        List.of(new Table("rujukan-per-program", "Rujukan dan keputusan per mitra dan program",
                List.of("Mitra", "Program", "Dikirim", "Diterima", "Ditolak", "Waktu tanggap (jam)"), rows, null),
            new Table("alasan-penolakan", "Alasan penolakan", List.of("Mitra", "Program", "Alasan", "Jumlah"),
                reasons, null)));
  }

  /**
   * The facilitation rate as the study measures it (facilitated / every complaint received as a case) and, beside it,
   * the rate of the cases referred to a partner; both definitions printed; per month of receipt, partner, program and
   * need; the residents' follow-up answers; the days to the first aid. {@code previous} may be null (no trend).
   */
  public static Section facilitation(Figures f, FacilitationFigures.Rate previous, Period previousPeriod) {
    FacilitationFigures.Figures fac = f.facilitation();
    FacilitationFigures.Definitions d = fac.definitions();
    Rate now = fac.overall();
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(rates(now) + " Kajian mencatat 3 sampai 5 dari 10 usulan warga terfasilitasi.");
    if (previous != null) {
      String trend = now.rate() == null || previous.rate() == null ? "tidak dapat dibandingkan"
          : now.rate() > previous.rate() ? "naik " + decimal((now.rate() - previous.rate()) * 100) + " poin"
          : now.rate() < previous.rate() ? "turun " + decimal((previous.rate() - now.rate()) * 100) + " poin"
          : "tetap";
      paragraphs.add("Periode sebelumnya (%s): %s (%s dari %s pengaduan); tren: %s.".formatted(previousPeriod.label(),
          percent(previous.rate()), number(previous.facilitated()), number(previous.received()), trend));
    }
    paragraphs.add(followUps(now.followUps()));
    paragraphs.add(days(fac.daysToFirstAidOverall()));
    paragraphs.addAll(List.of(d.studyRate(), d.referredRate(), d.facilitated(), d.perPartner(), d.perNeed(),
        d.followUps(), d.daysToFirstAid()));

    List<List<String>> months = new ArrayList<>();
    List<Double> monthValues = new ArrayList<>();
    for (Rate m : fac.byMonth()) {
      months.add(List.of(month(m.month()), number(m.received()), number(m.referred()), number(m.facilitated()),
          percent(m.rate()), percent(m.referredRate()), percent(m.followUps().helpedShare()),
          decimal(m.followUps().averageSatisfaction())));
      monthValues.add(percentValue(m.rate()));
    }
    List<List<String>> partners = new ArrayList<>();
    List<Double> partnerValues = new ArrayList<>();
    for (FacilitationFigures.PartnerRate p : fac.byPartner()) {
      partners.add(List.of(p.label(), number(p.referred()), number(p.facilitated()), percent(p.rate()),
          percent(p.followUps().helpedShare()), decimal(p.followUps().averageSatisfaction())));
      partnerValues.add(percentValue(p.rate()));
    }
    List<List<String>> programs = new ArrayList<>();
    List<Double> programValues = new ArrayList<>();
    for (FacilitationFigures.PartnerRate p : fac.byProgram()) {
      programs.add(List.of(p.label(), number(p.referred()), number(p.facilitated()), percent(p.rate())));
      programValues.add(percentValue(p.rate()));
    }
    List<List<String>> needs = new ArrayList<>();
    List<Double> needValues = new ArrayList<>();
    for (Rate n : fac.byNeed()) {
      needs.add(List.of(n.label(), number(n.received()), number(n.referred()), number(n.facilitated()),
          percent(n.rate()), percent(n.referredRate())));
      needValues.add(percentValue(n.rate()));
    }
    List<List<String>> days = new ArrayList<>();
    for (FacilitationFigures.Days m : fac.daysToFirstAid()) {
      days.add(List.of(month(m.month()), number(m.cases()), decimal(m.median()), decimal(m.average()),
          m.p90() == null ? "-" : number(m.p90()), number(m.dateErrors())));
    }
    return new Section("Tingkat fasilitasi", paragraphs, List.of(
        new Table("fasilitasi-per-bulan", "Tingkat fasilitasi per bulan masuk",
            List.of("Bulan masuk", "Diterima", "Dirujuk", "Terfasilitasi", "Tingkat (ukuran studi)",
                "Tingkat dari yang dirujuk", "Bantuan membantu", "Kepuasan"), months,
            new Chart(0, monthValues, "%", 100.0)),
        new Table("fasilitasi-per-mitra", "Tingkat fasilitasi per mitra (dari kasus yang dirujuk ke mitra itu, "
            + "bantuan dari program mitra itu)", List.of("Mitra", "Dirujuk", "Terfasilitasi", "Tingkat",
                "Bantuan membantu", "Kepuasan"), partners, new Chart(0, partnerValues, "%", 100.0)),
        new Table("fasilitasi-per-program", "Tingkat fasilitasi per program (dari kasus yang dirujuk ke program itu)",
            List.of("Program", "Dirujuk", "Terfasilitasi", "Tingkat"), programs,
            new Chart(0, programValues, "%", 100.0)),
        new Table("fasilitasi-per-kebutuhan", "Tingkat fasilitasi per kebutuhan (dari kasus yang diterima dengan "
            + "kebutuhan itu)", List.of("Kebutuhan", "Diterima", "Dirujuk", "Terfasilitasi", "Tingkat (ukuran studi)",
                "Tingkat dari yang dirujuk"), needs, new Chart(0, needValues, "%", 100.0)),
        new Table("hari-sampai-bantuan", "Hari dari pengaduan sampai bantuan pertama (kasus terfasilitasi)",
            List.of("Bulan masuk", "Kasus", "Median", "Rata-rata", "Persentil 90", "Kesalahan data"), days, null)));
  }

  /** "13 pengaduan diterima; 5 terfasilitasi (38,5%); 5 dari 9 kasus yang dirujuk ke mitra terfasilitasi (55,6%)." */
  public static String rates(Rate r) {
    return "%s pengaduan diterima; %s terfasilitasi (%s); %s dari %s kasus yang dirujuk ke mitra terfasilitasi (%s)."
        .formatted(number(r.received()), number(r.facilitated()), percent(r.rate()), number(r.facilitatedReferred()),
            number(r.referred()), percent(r.referredRate()));
  }

  /** The residents' answers at the follow-up of the cases. */
  public static String followUps(FacilitationFigures.FollowUps u) {
    if (u.answered() == 0) {
      return "Belum ada jawaban tindak lanjut dari warga kasus-kasus ini.";
    }
    return ("Tindak lanjut: %s warga menjawab; bantuan membantu %s, membantu sebagian %s, tidak membantu %s "
        + "(membantu: %s); %s menerima bantuan tetapi tidak terbantu; kepuasan rata-rata %s dari 5.")
        .formatted(number(u.answered()), number(u.helped()), number(u.helpedPartly()), number(u.notHelped()),
            percent(u.helpedShare()), number(u.receivedButNotHelped()), decimal(u.averageSatisfaction()));
  }

  /** Days to the first aid, and the records left out as data errors (never a negative duration). */
  public static String days(FacilitationFigures.Days d) {
    String text = d.cases() == 0 ? "Belum ada kasus terfasilitasi dengan penyerahan tercatat."
        : "Hari dari pengaduan sampai bantuan pertama (%s kasus terfasilitasi): median %s, rata-rata %s, persentil 90 %s."
            .formatted(number(d.cases()), decimal(d.median()), decimal(d.average()), number(d.p90()));
    return d.dateErrors() == 0 ? text : text + " %s kasus tidak dihitung karena penyerahannya tercatat sebelum hari "
        .formatted(number(d.dateErrors())) + "pengaduan (kesalahan data).";
  }

  public static Section serviceLevels(Figures f) {
    List<List<String>> times = new ArrayList<>();
    List<Double> medians = new ArrayList<>();
    for (StageTime t : f.stageTimes()) {
      times.add(List.of(t.stage().label(), number(t.cases()), decimal(t.medianHours()), decimal(t.p90Hours())));
      medians.add(t.medianHours());
    }
    List<List<String>> onTime = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (OnTime o : f.onTime()) {
      onTime.add(List.of(o.label(), number(o.completed()), number(o.onTime()), percent(o.rate())));
      shares.add(percentValue(o.rate()));
    }
    OnTime all = f.onTimeOverall();
    return new Section("Waktu layanan dibanding standar (SLA)", List.of(
        "%s dari %s tugas yang selesai dalam periode ini selesai sebelum batas waktunya (%s)."
            .formatted(number(all.onTime()), number(all.completed()), percent(all.rate())),
        "Waktu per tahap dihitung dari kasus yang masuk dalam periode; tahap yang masih berjalan dihitung sampai "
            + "akhir periode.", errors(f.dataErrors())),
        List.of(new Table("tepat-waktu-per-tahap", "Tugas selesai tepat waktu per tahap",
                List.of("Tahap", "Selesai", "Tepat waktu", "Kepatuhan SLA"), onTime, new Chart(0, shares, "%", 100.0)),
            new Table("waktu-per-tahap", "Waktu per tahap (jam)", List.of("Tahap", "Kasus", "Median", "Persentil 90"),
                times, new Chart(0, medians, "jam", null))));
  }

  /** Records whose times run backwards are left out of every duration and counted, never shown as negative. */
  public static String errors(DataErrors e) {
    return ("Kesalahan data: %s catatan dengan urutan waktu terbalik tidak dihitung dalam angka waktu (penyerahan "
        + "sebelum pengaduan %s, keputusan mitra sebelum rujukan %s, tahap %s, anggaran dicadangkan sebelum diminta %s).")
        .formatted(number(e.total()), number(e.handoversBeforeIntake()), number(e.decisionsBeforeReferral()),
            number(e.stagesOutOfOrder()), number(e.reservedBeforeRequest()));
  }

  public static Section escalations(Figures f) {
    Escalations e = f.escalations();
    return new Section("Pengingat dan eskalasi", List.of(
        "%s pengingat, %s eskalasi ke koordinator atau penyelia mitra, %s eskalasi ke manajer SLRT Kota."
            .formatted(number(e.reminders()), number(e.escalations()), number(e.slrt()))),
        List.of(counts("eskalasi-per-tahap", "Eskalasi per tahap", "Tahap", e.escalationsByStage(), "eskalasi")));
  }

  public static Section budgets(Figures f) {
    List<List<String>> rows = new ArrayList<>();
    List<Double> use = new ArrayList<>();
    for (BudgetUse b : f.budgets()) {
      rows.add(List.of(f.programName(b.programCode()), number(b.allocated()), number(b.reserved()),
          number(b.disbursed()), percent(b.use()), number(b.waitedInPeriod()), number(b.stillWaiting()),
          decimal(b.medianDaysWaited())));
      use.add(percentValue(b.use()));
    }
    return new Section("Anggaran mitra dan daftar tunggu", List.of(
        "Anggaran periode-periode anggaran yang berada dalam periode ini (rupiah, atau satuan barang). Menunggu: "
            + "rujukan yang diterima mitra tetapi menunggu anggaran."),
        List.of(new Table("anggaran", "Penggunaan anggaran dan daftar tunggu", List.of("Program", "Pagu", "Dicadangkan",
            "Tersalurkan", "Terpakai", "Sempat menunggu", "Masih menunggu", "Median hari menunggu"), rows,
            new Chart(0, use, "%", 100.0))));
  }

  public static Section satisfaction(Figures f) {
    Satisfaction s = f.satisfaction();
    List<List<String>> scores = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    String[] words = {"", "Sangat tidak puas", "Tidak puas", "Cukup", "Puas", "Sangat puas"};
    for (Map.Entry<Integer, Long> e : s.scores().entrySet()) {
      scores.add(List.of(e.getKey() + " - " + words[e.getKey()], number(e.getValue())));
      values.add(e.getValue().doubleValue());
    }
    return new Section("Kepuasan warga (tindak lanjut fasilitator)", List.of(
        "%s kunjungan tindak lanjut; rata-rata kepuasan %s dari 5. Bantuan diterima seluruhnya %s, sebagian %s, belum %s; "
            .formatted(number(s.followUps()), decimal(s.averageScore()), number(s.aidReceived()),
                number(s.aidPartly()), number(s.aidNotReceived()))
            + "membantu %s, sebagian %s, tidak %s.".formatted(number(s.helped()), number(s.helpedPartly()),
                number(s.notHelped()))),
        List.of(new Table("kepuasan-warga", "Skor kepuasan warga", List.of("Skor", "Jumlah"), scores,
            new Chart(0, values, "warga", null))));
  }

  public static Section aid(Figures f) {
    List<List<String>> rows = new ArrayList<>();
    long cash = 0;
    for (AidGiven a : f.aid()) {
      rows.add(List.of(f.partnerName(a.partnerCode()), f.programName(a.programCode()), number(a.handovers()),
          number(a.cases()), a.cash() == 0 ? "-" : rupiah(a.cash()),
          a.goods() == 0 ? "-" : number(a.goods()) + " " + a.unit()));
      cash += a.cash();
    }
    return new Section("Bantuan yang disalurkan", List.of("Penyaluran tunai seluruhnya %s.".formatted(rupiah(cash))),
        List.of(new Table("bantuan-disalurkan", "Bantuan yang disalurkan per program",
            List.of("Mitra", "Program", "Penyerahan", "Kasus", "Tunai", "Barang"), rows, null)));
  }

  /** A table of counts with a bar chart. */
  public static Table counts(String id, String title, String label, List<Count> counts, String unit) {
    List<List<String>> rows = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Count c : counts) {
      rows.add(List.of(c.label(), number(c.count())));
      values.add((double) c.count());
    }
    return new Table(id, title, List.of(label, "Jumlah"), rows, new Chart(0, values, unit, null));
  }

  /** "2026-10" as "Oktober 2026". */
  public static String month(String key) {
    return Dates.written(java.time.YearMonth.parse(key));
  }
}
