package id.puskesos.rujukan.report;

import java.util.Map;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.DocumentRenderer;

/**
 * Renders a {@link Report} as one standalone HTML page from {@code templates/reports/report.html}: inline CSS only, no
 * scripts, no external resources, so it can be saved, mailed or printed as is.
 */
@Component
public class HtmlReport {

  private final DocumentRenderer documents;

  public HtmlReport(DocumentRenderer documents) {
    this.documents = documents;
  }

  /** {@code csvLinks}: table id to the address of its CSV file; tables without one get no download link. */
  public String render(Report report, Map<String, String> csvLinks) {
    return documents.html("reports/report", ReportView.model(report, csvLinks, false));
  }
}
