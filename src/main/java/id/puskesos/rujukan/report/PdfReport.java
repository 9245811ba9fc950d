package id.puskesos.rujukan.report;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.DocumentRenderer;

/**
 * Renders a {@link Report} as an A4 PDF from the same template as the page ({@code templates/reports/report.html}):
 * tables repeat their header row on every page, and the footer says "Halaman N dari M".
 */
@Component
public class PdfReport {

  private final DocumentRenderer documents;

  public PdfReport(DocumentRenderer documents) {
    this.documents = documents;
  }

  public byte[] render(Report report) {
    return documents.pdf("reports/report", ReportView.model(report, null, true),
        new DocumentRenderer.PdfInfo(ReportFormat.text(report.title()), author(report), report.subtitle()));
  }

  /** Who issued it: the organisation its subtitle names after the period ("... · Puskesos Kelurahan Dago"). */
  static String author(Report report) {
    String subtitle = report.subtitle() == null ? "" : report.subtitle();
    int at = subtitle.lastIndexOf(" \u00B7 ");
    return at < 0 ? "Puskesos" : subtitle.substring(at + 3).split(",")[0].trim();
  }
}
