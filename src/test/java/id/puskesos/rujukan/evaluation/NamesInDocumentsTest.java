package id.puskesos.rujukan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.DocumentRenderer;
import id.puskesos.rujukan.partner.RecommendationLetter;
import id.puskesos.rujukan.report.PdfReport;
import id.puskesos.rujukan.report.Report;
import id.puskesos.rujukan.tenant.Letterhead;
import id.puskesos.rujukan.tenant.Puskesos;

/**
 * Names outside WinAnsi (the Standard 14 fonts' only encoding, where they printed as '?') come back from the PDF
 * exactly as written, in the letters, the evaluation pack and the activity report.
 */
class NamesInDocumentsTest {

  private static final String NUNEZ = "Nuñez";
  private static final String SALEH = "Dwi \u1E62aleh";
  private static final String TAUFIK = "\u1E6Caufik \u015Eahin";

  private static final DocumentRenderer RENDERER = new DocumentRenderer();
  private static final Letterhead LEBAK = Letterhead.of(new Puskesos("3273021006", "Lebak Siliwangi", "Coblong"));

  @Test
  void recommendationLetterPrintsTheNamesAsWritten() throws IOException {
    byte[] pdf = new RecommendationLetter(RENDERER).render(new RecommendationLetter.Content("045/REK/PKS-LS/XI/2026",
        "RJK-2026-00123", SALEH, "3273**********01", "Gg. " + TAUFIK + " No. 3", "Program Keluarga Harapan",
        "Dinas Sosial Kota Bandung", null, LocalDate.of(2026, 11, 27), NUNEZ, null, null, null), LEBAK);

    // a koordinator without a NIP signs with the name alone
    assertThat(text(pdf)).contains(SALEH, "Gg. " + TAUFIK + " No. 3", NUNEZ).doesNotContain("?")
        .doesNotContain("NIP").doesNotContain("Kode verifikasi");
  }

  @Test
  void appreciationLetterPrintsTheNamesAsWritten() throws IOException {
    byte[] pdf = new AppreciationLetter(RENDERER).render(new AppreciationLetter.Content("007/APR/PKS-LS/X/2026",
        "Yayasan " + TAUFIK, "Triwulan III 2026", List.of("Pendamping " + SALEH + " menjangkau 12 warga"),
        LocalDate.of(2026, 10, 5), NUNEZ), LEBAK);

    String text = text(pdf);
    assertThat(text).contains("Kepada Yth. Pimpinan Yayasan " + TAUFIK, "Pendamping " + SALEH + " menjangkau 12 warga",
        "Bandung, 5 Oktober 2026", NUNEZ).doesNotContain("?");
  }

  @Test
  void evaluationPackPrintsTheParticipantsAsWritten() throws IOException {
    Map<Aspect, Integer> scores = new EnumMap<>(Aspect.class);
    for (Aspect aspect : Aspect.values()) {
      scores.put(aspect, 4);
    }
    Feedback answer = new Feedback("dinsos", SALEH, "Rujukan cepat", "Data " + NUNEZ + " belum padan", "-", scores,
        Map.of(), OffsetDateTime.parse("2026-10-02T09:00:00+07:00"), "dinsos");
    ActionItem action = new ActionItem(1, 1, "Triwulan III 2026", 1, "Padankan data warga", "koordinator",
        LocalDate.of(2026, 11, 30), ActionItem.Status.OPEN, null, null);
    List<Report.Section> sections = EvaluationPack.results(List.of(SALEH, TAUFIK), List.of(answer),
        "Rapat dipimpin " + NUNEZ, List.of(action), group -> TAUFIK);
    Report pack = new Report("Bahan evaluasi partisipatif", "Triwulan III 2026 · Puskesos Kelurahan Lebak Siliwangi",
        "Disusun 1 Oktober 2026 07:00 WIB oleh " + NUNEZ, sections);

    String text = text(new PdfReport(RENDERER).render(pack));
    assertThat(text).contains(SALEH, TAUFIK, "Data " + NUNEZ + " belum padan", "Rapat dipimpin " + NUNEZ,
        "Disusun 1 Oktober 2026 07:00 WIB oleh " + NUNEZ).doesNotContain("?");
  }

  @Test
  void activityReportPrintsTheNamesAsWritten() throws IOException {
    Report report = new Report("Laporan kegiatan bulanan Puskesos", "Oktober 2026", null, List.of(
        new Report.Section("Pendamping", List.of("Disusun oleh " + TAUFIK + "."), List.of(
            new Report.Table("pendamping", "Kunjungan per pendamping", List.of("Pendamping", "Kunjungan"),
                List.of(List.of(SALEH, "12"), List.of(NUNEZ, "7")),
                new Report.Chart(0, List.of(12.0, 7.0), "kunjungan", null))))));

    String text = text(new PdfReport(RENDERER).render(report));
    // each name twice: in the chart and in the table
    assertThat(text.split(SALEH, -1)).hasSize(3);
    assertThat(text.split(NUNEZ, -1)).hasSize(3);
    assertThat(text).contains("Disusun oleh " + TAUFIK + ".").doesNotContain("?");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // a table cell may wrap: compare words, not line breaks
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
