package id.puskesos.rujukan.report;

import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.CORRECTION_NOTE;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.NARRATIVE;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.REPORT_DECISION;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.REPORT_MONTH;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.REVIEW_NOTE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.notification.Channel;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.report.PeriodFigures.Figures;
import id.puskesos.rujukan.report.Report.Section;
import id.puskesos.rujukan.tenant.Puskesos;
import id.puskesos.rujukan.tenant.PuskesosDirectory;
import id.puskesos.rujukan.tenant.PuskesosStaff;

/**
 * The monthly activity report (duty f of the Puskesos decree) for the National Secretariat and the city partners:
 * complaints by category, referrals by partner and outcome, aid handed over in cash and goods, service-level
 * compliance and data updates. Drawn up from the records of the month, so drawing it up again for a past month gives
 * the same figures; the koordinator approves it (or sends it back), and the approved version is archived as a PDF
 * and sent. Each Puskesos (tenant) has its own reports, of its own cases, numbered in versions per month.
 */
@Service
@Transactional
public class ActivityReports {

  public enum Status {
    DRAFT, RETURNED, APPROVED, SENT
  }

  /** A version of a month's report. */
  public record Stored(long id, String tenantId, String period, int version, Status status, String narrative,
      String reviewNote, Long documentId, OffsetDateTime generatedAt) {
  }

  private final JdbcClient jdbc;
  private final PeriodData periodData;
  private final ReportStorage storage;
  private final PdfReport pdfReport;
  private final Documents documents;
  private final Notifications notifications;
  private final ReportSettings settings;
  private final PuskesosDirectory directory;
  private final PuskesosStaff staff;
  private final Clock clock;

  public ActivityReports(JdbcClient jdbc, PeriodData periodData, ReportStorage storage, PdfReport pdfReport,
      Documents documents, Notifications notifications, ReportSettings settings, PuskesosDirectory directory,
      PuskesosStaff staff, Clock clock) {
    this.directory = directory;
    this.staff = staff;
    this.jdbc = jdbc;
    this.periodData = periodData;
    this.storage = storage;
    this.pdfReport = pdfReport;
    this.documents = documents;
    this.notifications = notifications;
    this.settings = settings;
    this.clock = clock;
  }

  /** The month a report is for: the one given (YYYY-MM, a past or the current month) or the month before. */
  public YearMonth month(String given) {
    YearMonth now = YearMonth.now(clock);
    if (given == null || given.isBlank()) {
      return now.minusMonths(1);
    }
    Checks checks = new Checks();
    YearMonth month = null;
    try {
      month = YearMonth.parse(given.trim());
    } catch (RuntimeException e) {
      checks.add(REPORT_MONTH.name(), "Bulan harus ditulis TTTT-BB, misalnya 2026-10");
    }
    checks.check(month == null || !month.isAfter(now), REPORT_MONTH.name(),
        "Laporan hanya untuk bulan yang sudah berjalan");
    checks.throwIfAny();
    return month;
  }

  /** The report of a Puskesos's month from the records as they are now (not stored). */
  @Transactional(readOnly = true)
  public Report compute(YearMonth month, String tenantId, String narrative, String actor) {
    Puskesos puskesos = directory.of(tenantId);
    Figures f = PeriodFigures.compute(periodData.load(Period.month(month), tenantId));
    List<Section> sections = new ArrayList<>();
    if (narrative != null && !narrative.isBlank()) {
      sections.add(new Section("Narasi kegiatan", List.of(narrative.split("\\R")), List.of()));
    }
    sections.add(Sections.received(f));
    sections.add(Sections.decisions(f));
    sections.add(Sections.facilitation(f, null, null));
    sections.add(Sections.aid(f));
    sections.add(Sections.serviceLevels(f));
    sections.add(Sections.verification(f));
    return new Report("Laporan kegiatan bulanan Puskesos", f.period().label() + " · Puskesos Kelurahan "
        + puskesos.name() + ", Kecamatan " + puskesos.kecamatan() + ", Kota Bandung", storage.generated(actor),
        sections);
  }

  /**
   * Draws up the report of the month as a new version, or again for the version under review (after a correction,
   * with its narrative). Returns the version's id.
   */
  public long generate(YearMonth month, String tenantId, Long reportId, String actor) {
    if (reportId != null) {
      Stored stored = get(reportId);
      jdbc.sql("UPDATE activity_report SET figures = ?, status = 'DRAFT', generated_at = ?, generated_by = ? WHERE id = ?")
          .params(storage.write(compute(month, stored.tenantId(), stored.narrative(), actor)), now(), actor, reportId)
          .update();
      return reportId;
    }
    int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM activity_report WHERE tenant_id = ? AND period = ?")
        .params(tenantId, month.toString()).query(Integer.class).single();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO activity_report (tenant_id, period, version, status, figures, generated_at, generated_by)
        VALUES (?, ?, ?, 'DRAFT', ?, ?, ?)""")
        .params(tenantId, month.toString(), version, storage.write(compute(month, tenantId, null, actor)), now(), actor)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The koordinator approves, or sends the report back with a note (required then). */
  public Status review(long id, String decision, String note, String actor) {
    Checks checks = new Checks();
    String answer = checks.required(REPORT_DECISION.name(), decision, "Keputusan");
    checks.check(answer == null || answer.equals("APPROVE") || answer.equals("RETURN"), REPORT_DECISION.name(),
        "Keputusan tidak dikenal; pilihan: APPROVE, RETURN");
    checks.check(!"RETURN".equals(answer) || note != null && !note.isBlank(), REVIEW_NOTE.name(),
        "Catatan pemeriksaan wajib diisi bila laporan dikembalikan");
    checks.check(note == null || note.length() <= 1000, REVIEW_NOTE.name(), "Catatan paling banyak 1000 huruf");
    checks.throwIfAny();
    Status status = "APPROVE".equals(answer) ? Status.APPROVED : Status.RETURNED;
    jdbc.sql("UPDATE activity_report SET status = ?, review_note = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?")
        .params(status.name(), note == null || note.isBlank() ? null : note.trim(), now(), actor, id).update();
    return status;
  }

  /** The back office's correction: the narrative the next version carries (the records are corrected in place). */
  public void correct(long id, String narrative, String correctionNote) {
    Checks checks = new Checks();
    checks.required(CORRECTION_NOTE.name(), correctionNote, "Apa yang diperbaiki");
    checks.check(narrative == null || narrative.length() <= 4000, NARRATIVE.name(), "Narasi paling banyak 4000 huruf");
    checks.throwIfAny();
    jdbc.sql("UPDATE activity_report SET narrative = ? WHERE id = ?")
        .params(narrative == null || narrative.isBlank() ? null : narrative.trim(), id).update();
  }

  /** Archives the approved version as a PDF, exactly as approved. Idempotent. */
  public long archive(long id, String actor) {
    Stored stored = get(id);
    if (stored.documentId() != null) {
      return stored.documentId();
    }
    Report report = report(id);
    long document = documents.store("ACTIVITY_REPORT", report.title() + " " + label(stored),
        "laporan-kegiatan-" + stored.period() + "-v" + stored.version() + ".pdf", pdfReport.render(report), actor);
    jdbc.sql("UPDATE activity_report SET document_id = ? WHERE id = ?").params(document, id).update();
    return document;
  }

  /**
   * Sends the archived report to the configured outside recipients, the partners and the Puskesos's manager (not
   * another Puskesos's).
   */
  public int send(long id) {
    Stored stored = get(id);
    Puskesos puskesos = directory.of(stored.tenantId());
    String subject = "Laporan kegiatan " + puskesos.title() + " " + label(stored);
    String body = "Terlampir laporan kegiatan bulanan Puskesos Kelurahan " + puskesos.name() + " untuk "
        + label(stored) + ", disetujui koordinator Puskesos.";
    String key = "activity-report:" + id;
    int queued = 0;
    for (String address : settings.getRecipients().stream().filter(a -> a != null && !a.isBlank()).toList()) {
      if (notifications.enqueue(Channel.EMAIL, address, subject, body, key, null, stored.documentId())) {
        queued++;
      }
    }
    List<String> groups = new ArrayList<>(periodData.partners().stream().map(Partner::group).toList());
    groups.add(Groups.MANAJER);
    for (String address : staff.emails(stored.tenantId(), groups)) {
      if (notifications.enqueue(Channel.EMAIL, address, subject, body, key, null, stored.documentId())) {
        queued++;
      }
    }
    jdbc.sql("UPDATE activity_report SET status = 'SENT', sent_at = ? WHERE id = ?").params(now(), id).update();
    return queued;
  }

  @Transactional(readOnly = true)
  public Stored get(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional()
        .orElseThrow(() -> new NotFoundException("Laporan kegiatan " + id + " tidak ditemukan"));
  }

  @Transactional(readOnly = true)
  public List<Stored> list() {
    return jdbc.sql(SELECT + " ORDER BY period DESC, tenant_id, version DESC").query(this::map).list();
  }

  /** The latest approved (or sent) version of a Puskesos's month, if any. */
  @Transactional(readOnly = true)
  public Optional<Stored> approved(String tenantId, YearMonth month) {
    return jdbc.sql(SELECT + " WHERE tenant_id = ? AND period = ? AND status IN ('APPROVED', 'SENT') ORDER BY version DESC")
        .params(tenantId, month.toString()).query(this::map).list().stream().findFirst();
  }

  /** A stored version as it was drawn up. */
  @Transactional(readOnly = true)
  public Report report(long id) {
    return storage.read(jdbc.sql("SELECT figures FROM activity_report WHERE id = ?").param(id)
        .query(byte[].class).optional().orElseThrow(() -> new NotFoundException("Laporan kegiatan " + id
            + " tidak ditemukan")));
  }

  public String label(Stored stored) {
    return Period.month(YearMonth.parse(stored.period())).label() + " (versi " + stored.version() + ")";
  }

  /** The report's key figures as the review task shows them. */
  public String summary(long id) {
    Report report = report(id);
    StringBuilder text = new StringBuilder();
    for (Section section : report.sections()) {
      if (!section.paragraphs().isEmpty() && !section.title().equals("Narasi kegiatan")) {
        text.append("- **").append(section.title()).append(":** ").append(section.paragraphs().get(0)).append('\n');
      }
    }
    return text.toString();
  }

  private static final String SELECT = """
      SELECT id, tenant_id, period, version, status, narrative, review_note, document_id, generated_at FROM activity_report
      """;

  private Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Stored(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("period"), rs.getInt("version"),
        Status.valueOf(rs.getString("status")), rs.getString("narrative"), rs.getString("review_note"),
        (Long) rs.getObject("document_id", Long.class), rs.getObject("generated_at", OffsetDateTime.class));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
