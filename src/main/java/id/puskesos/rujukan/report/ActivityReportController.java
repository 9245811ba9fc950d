package id.puskesos.rujukan.report;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Documents;

/** The monthly activity reports as a page, a PDF and CSV per table, for the Puskesos, the partners and the manager. */
@RestController
public class ActivityReportController {

  private final ActivityReports reports;
  private final Documents documents;
  private final ReportPages pages;
  private final Actors actors;

  public ActivityReportController(ActivityReports reports, Documents documents, ReportPages pages, Actors actors) {
    this.reports = reports;
    this.documents = documents;
    this.pages = pages;
    this.actors = actors;
  }

  public record ReportItem(long id, String period, int version, String status, String url, String pdfUrl) {
  }

  @GetMapping("/api/reports/activity")
  public List<ReportItem> activityReports() {
    pages.requireReader();
    return reports.list().stream().map(r -> new ReportItem(r.id(), r.period(), r.version(), r.status().name(),
        "/api/reports/activity/" + r.id(), "/api/reports/activity/" + r.id() + ".pdf")).toList();
  }

  @GetMapping("/api/reports/activity/{id:\\d+}")
  public ResponseEntity<String> activityReport(@PathVariable long id) {
    pages.requireReader();
    return pages.page(reports.report(id), "/api/reports/activity/" + id + "/tables/");
  }

  /** The archived PDF of an approved report as it was sent; a draft is rendered as it stands. */
  @GetMapping("/api/reports/activity/{id:\\d+}.pdf")
  public ResponseEntity<byte[]> activityReportPdf(@PathVariable long id) {
    pages.requireReader();
    ActivityReports.Stored stored = reports.get(id);
    if (stored.documentId() != null) {
      Documents.Document document = documents.get(stored.documentId());
      return ReportPages.pdf(document.fileName(), document.content());
    }
    return pages.pdf("laporan-kegiatan-" + stored.period() + "-draf.pdf", reports.report(id));
  }

  @GetMapping("/api/reports/activity/{id:\\d+}/tables/{table:[a-z0-9-]+}.csv")
  public ResponseEntity<byte[]> activityReportTable(@PathVariable long id, @PathVariable String table) {
    pages.requireReader();
    return pages.table(reports.report(id), table);
  }

  /**
   * Any past month's report drawn up again from the records (not stored): the same figures as when it was sent, drawn
   * up at the reader's request.
   */
  @GetMapping("/api/reports/activity/months/{month}")
  public ResponseEntity<String> monthReport(@PathVariable String month) {
    pages.requireReader();
    return pages.page(reports.compute(reports.month(month), null, actors.current()), null);
  }
}
