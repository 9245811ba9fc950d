package id.puskesos.rujukan.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * The evaluation packs and activity reports as a page, a PDF and CSV per table, and the appreciation letters. The
 * pack and the report hold figures only, no resident's data: every participant of the joint evaluation (the Puskesos,
 * each partner, the manager) reads them; a partner reads only its own letter.
 */
@RestController
public class EvaluationController {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Evaluations evaluations;
  private final ActivityReports reports;
  private final PeriodData periodData;
  private final HtmlReport html;
  private final PdfReport pdf;
  private final CsvReport csv;
  private final Documents documents;
  private final Roles roles;

  public EvaluationController(Evaluations evaluations, ActivityReports reports, PeriodData periodData,
      HtmlReport html, PdfReport pdf, CsvReport csv, Documents documents, Roles roles) {
    this.evaluations = evaluations;
    this.reports = reports;
    this.periodData = periodData;
    this.html = html;
    this.pdf = pdf;
    this.csv = csv;
    this.documents = documents;
    this.roles = roles;
  }

  public record EvaluationItem(long id, String label, String from, String to, String status, String packUrl) {
  }

  @GetMapping("/api/evaluations")
  public List<EvaluationItem> evaluations() {
    requireParticipant();
    return evaluations.list().stream().map(e -> new EvaluationItem(e.id(), e.label(), e.period().from().toString(),
        e.period().to().toString(), e.status(), "/api/evaluations/" + e.id() + "/pack")).toList();
  }

  @GetMapping("/api/evaluations/{id}/pack")
  public ResponseEntity<String> pack(@PathVariable long id) {
    requireParticipant();
    Report report = evaluations.pack(id);
    return ResponseEntity.ok().contentType(HTML).body(html.render(report, links(report, "/api/evaluations/" + id
        + "/pack/tables/")));
  }

  @GetMapping("/api/evaluations/{id}/pack.pdf")
  public ResponseEntity<byte[]> packPdf(@PathVariable long id) {
    requireParticipant();
    Report report = evaluations.pack(id);
    return pdf("bahan-evaluasi-" + evaluations.get(id).period().key() + ".pdf", this.pdf.render(report));
  }

  @GetMapping("/api/evaluations/{id}/pack/tables/{table:[a-z0-9-]+}.csv")
  public ResponseEntity<byte[]> packTable(@PathVariable long id, @PathVariable String table) {
    requireParticipant();
    return table(evaluations.pack(id), table);
  }

  /** A partner's letter of appreciation as issued: the Puskesos, the manager and that partner read it. */
  @GetMapping("/api/evaluations/{id}/appreciation/{partnerCode}")
  public ResponseEntity<byte[]> appreciation(@PathVariable long id, @PathVariable String partnerCode) {
    Partner partner = periodData.partners().stream().filter(p -> p.code().equals(partnerCode)).findFirst()
        .orElseThrow(() -> new NotFoundException("Mitra " + partnerCode + " tidak dikenal"));
    List<String> readers = new ArrayList<>(Evaluations.PUSKESOS_GROUPS);
    readers.add(Groups.MANAJER);
    readers.add(partner.group());
    roles.require("Puskesos, manajer dan mitra yang bersangkutan", readers.toArray(String[]::new));
    Documents.Document letter = evaluations.appreciationLetter(id, partnerCode);
    return pdf(letter.fileName(), letter.content());
  }

  public record ReportItem(long id, String period, int version, String status, String url, String pdfUrl) {
  }

  @GetMapping("/api/reports/activity")
  public List<ReportItem> activityReports() {
    requireParticipant();
    return reports.list().stream().map(r -> new ReportItem(r.id(), r.period(), r.version(), r.status().name(),
        "/api/reports/activity/" + r.id(), "/api/reports/activity/" + r.id() + ".pdf")).toList();
  }

  @GetMapping("/api/reports/activity/{id:\\d+}")
  public ResponseEntity<String> activityReport(@PathVariable long id) {
    requireParticipant();
    Report report = reports.report(id);
    return ResponseEntity.ok().contentType(HTML)
        .body(html.render(report, links(report, "/api/reports/activity/" + id + "/tables/")));
  }

  /** The archived PDF of an approved report as it was sent; a draft is rendered as it stands. */
  @GetMapping("/api/reports/activity/{id:\\d+}.pdf")
  public ResponseEntity<byte[]> activityReportPdf(@PathVariable long id) {
    requireParticipant();
    ActivityReports.Stored stored = reports.get(id);
    if (stored.documentId() != null) {
      Documents.Document document = documents.get(stored.documentId());
      return pdf(document.fileName(), document.content());
    }
    return pdf("laporan-kegiatan-" + stored.period() + "-draf.pdf", pdf.render(reports.report(id)));
  }

  @GetMapping("/api/reports/activity/{id:\\d+}/tables/{table:[a-z0-9-]+}.csv")
  public ResponseEntity<byte[]> activityReportTable(@PathVariable long id, @PathVariable String table) {
    requireParticipant();
    return table(reports.report(id), table);
  }

  /** Any past month's report drawn up again from the records (not stored): the same figures as when it was sent. */
  @GetMapping("/api/reports/activity/months/{month}")
  public ResponseEntity<String> monthReport(@PathVariable String month) {
    requireParticipant();
    Report report = reports.compute(reports.month(month), null, Actors.SYSTEM);
    return ResponseEntity.ok().contentType(HTML).body(html.render(report, Map.of()));
  }

  private ResponseEntity<byte[]> table(Report report, String id) {
    Report.Table table = report.sections().stream().flatMap(s -> s.tables().stream())
        .filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("Tabel " + id + " tidak ada dalam laporan ini"));
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(csv.fileName(table))
            .build().toString())
        .body(csv.render(table));
  }

  private static Map<String, String> links(Report report, String prefix) {
    Map<String, String> links = new LinkedHashMap<>();
    report.sections().forEach(s -> s.tables().forEach(t -> links.put(t.id(), prefix + t.id() + ".csv")));
    return links;
  }

  private static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(content);
  }

  private void requireParticipant() {
    List<String> readers = new ArrayList<>(Evaluations.PUSKESOS_GROUPS);
    readers.add(Groups.MANAJER);
    periodData.partners().forEach(p -> readers.add(p.group()));
    roles.require("Puskesos, mitra dan manajer", readers.toArray(String[]::new));
  }
}
