package id.puskesos.rujukan.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * A report over HTTP, as the activity reports and the evaluation packs are served: a page linking a CSV per table,
 * the PDF, one table as CSV, and who may read them. They hold figures only, no resident's data: the Puskesos, each
 * partner and the manager read them.
 */
@Component
public class ReportPages {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final PeriodData periodData;
  private final HtmlReport html;
  private final PdfReport pdf;
  private final CsvReport csv;
  private final Roles roles;

  public ReportPages(PeriodData periodData, HtmlReport html, PdfReport pdf, CsvReport csv, Roles roles) {
    this.periodData = periodData;
    this.html = html;
    this.pdf = pdf;
    this.csv = csv;
    this.roles = roles;
  }

  /** Passes the Puskesos, every partner, the manager and the city SLRT. */
  public void requireReader() {
    List<String> readers = new ArrayList<>(Groups.PUSKESOS_STAFF);
    readers.add(Groups.MANAJER);
    readers.add(Groups.SLRT);
    periodData.partners().forEach(p -> readers.add(p.group()));
    roles.require("Puskesos, mitra, manajer dan SLRT kota", readers.toArray(String[]::new));
  }

  /** The report as a page; with a prefix, each table links to its CSV under it. */
  public ResponseEntity<String> page(Report report, String tablePrefix) {
    Map<String, String> links = new LinkedHashMap<>();
    if (tablePrefix != null) {
      report.sections().forEach(s -> s.tables().forEach(t -> links.put(t.id(), tablePrefix + t.id() + ".csv")));
    }
    return ResponseEntity.ok().contentType(HTML).body(html.render(report, links));
  }

  public ResponseEntity<byte[]> pdf(String fileName, Report report) {
    return pdf(fileName, pdf.render(report));
  }

  public static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
        .body(content);
  }

  /** One table of the report as CSV; 404 when the report has no such table. */
  public ResponseEntity<byte[]> table(Report report, String id) {
    Report.Table table = report.sections().stream().flatMap(s -> s.tables().stream())
        .filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("Tabel " + id + " tidak ada dalam laporan ini"));
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(csv.fileName(table))
            .build().toString())
        .body(csv.render(table));
  }
}
