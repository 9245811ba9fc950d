package id.puskesos.rujukan.report;

import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * The monthly activity reports as a page, a PDF and CSV per table, for the Puskesos, the partners, the manager and
 * the city SLRT. Each report is one Puskesos's: another Puskesos's staff do not find it (404).
 */
@RestController
public class ActivityReportController {

  /** The query parameter that names the Puskesos of a month drawn up again. */
  static final String PUSKESOS = "puskesos";

  private final ActivityReports reports;
  private final Documents documents;
  private final ReportPages pages;
  private final Actors actors;
  private final CaseAccess caseAccess;
  private final PuskesosDirectory directory;

  public ActivityReportController(ActivityReports reports, Documents documents, ReportPages pages, Actors actors,
      CaseAccess caseAccess, PuskesosDirectory directory) {
    this.reports = reports;
    this.documents = documents;
    this.pages = pages;
    this.actors = actors;
    this.caseAccess = caseAccess;
    this.directory = directory;
  }

  public record ReportItem(long id, String puskesos, String period, int version, String status, String url,
      String pdfUrl) {
  }

  @GetMapping("/api/reports/activity")
  public List<ReportItem> activityReports() {
    pages.requireReader();
    return reports.list().stream().filter(r -> caseAccess.reaches(r.tenantId()))
        .map(r -> new ReportItem(r.id(), r.tenantId(), r.period(), r.version(), r.status().name(),
            "/api/reports/activity/" + r.id(), "/api/reports/activity/" + r.id() + ".pdf")).toList();
  }

  @GetMapping("/api/reports/activity/{id:\\d+}")
  public ResponseEntity<String> activityReport(@PathVariable long id) {
    pages.requireReader();
    readable(id);
    return pages.page(reports.report(id), "/api/reports/activity/" + id + "/tables/");
  }

  /** The archived PDF of an approved report as it was sent; a draft is rendered as it stands. */
  @GetMapping("/api/reports/activity/{id:\\d+}.pdf")
  public ResponseEntity<byte[]> activityReportPdf(@PathVariable long id) {
    pages.requireReader();
    ActivityReports.Stored stored = readable(id);
    if (stored.documentId() != null) {
      Documents.Document document = documents.get(stored.documentId());
      return ReportPages.pdf(document.fileName(), document.content());
    }
    return pages.pdf("laporan-kegiatan-" + stored.period() + "-draf.pdf", reports.report(id));
  }

  @GetMapping("/api/reports/activity/{id:\\d+}/tables/{table:[a-z0-9-]+}.csv")
  public ResponseEntity<byte[]> activityReportTable(@PathVariable long id, @PathVariable String table) {
    pages.requireReader();
    readable(id);
    return pages.table(reports.report(id), table);
  }

  /**
   * Any past month's report of a Puskesos drawn up again from the records (not stored): the same figures as when it
   * was sent, drawn up at the reader's request. {@code puskesos} (a kelurahan code) is needed by a reader who works
   * for several (a partner, the city SLRT).
   */
  @GetMapping("/api/reports/activity/months/{month}")
  public ResponseEntity<String> monthReport(@PathVariable String month,
      @RequestParam(name = PUSKESOS, required = false) String puskesos) {
    pages.requireReader();
    return pages.page(reports.compute(reports.month(month), tenant(puskesos), null, actors.current()), null);
  }

  private ActivityReports.Stored readable(long id) {
    ActivityReports.Stored stored = reports.get(id);
    if (!caseAccess.reaches(stored.tenantId())) {
      throw new NotFoundException("Laporan kegiatan " + id + " tidak ditemukan");
    }
    return stored;
  }

  private String tenant(String requested) {
    if (requested != null && !requested.isBlank()) {
      String code = requested.trim();
      if (directory.find(code).isEmpty() || !caseAccess.reaches(code)) {
        throw new NotFoundException("Puskesos " + code + " tidak ditemukan");
      }
      return code;
    }
    Set<String> mine = caseAccess.tenants().orElse(Set.of());
    if (mine.size() != 1) {
      throw new InvalidInputException(PUSKESOS, "Pilih Puskesos (kode kelurahan) yang laporannya dibuka");
    }
    return mine.iterator().next();
  }
}
