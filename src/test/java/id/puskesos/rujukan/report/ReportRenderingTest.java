package id.puskesos.rujukan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.DocumentRenderer;

class ReportRenderingTest {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String EMOJI_CELL = "Bantuan darurat \uD83D\uDE00";
  private static final String COMMA_QUOTE = "Rutilahu, \"tahap 2\"";
  private static final String FORMULA = "=HYPERLINK(\"x\")";
  private static final String LONG_NOTE = "Warga sudah dikunjungi dua kali oleh pendamping; dokumen kependudukan "
      + "masih menunggu perbaikan di Disdukcapil sehingga penyaluran bantuan ditunda sampai data padan";

  private static final DocumentRenderer RENDERER = new DocumentRenderer();

  private final HtmlReport html = new HtmlReport(RENDERER);
  private final PdfReport pdf = new PdfReport(RENDERER);
  private final CsvReport csv = new CsvReport();

  private static Report.Table perProgram() {
    return new Report.Table("kasus-per-program", "Kasus per program & status",
        List.of("Program", "Jumlah kasus", "Persentase"),
        List.of(
            List.of("PKH", "1.234", "61,7%"),
            List.of("BPNT", "512", "25,6%"),
            List.of(SCRIPT, "3", "0,2%"),
            List.of(EMOJI_CELL, "-", "-"),
            List.of(COMMA_QUOTE, "254", "12,7%")),
        new Report.Chart(0, Arrays.asList(1234.0, 512.0, 3.0, null, 254.0), "kasus", null));
  }

  private static Report.Table details() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String note = switch (i) {
        case 3 -> FORMULA;
        case 5 -> LONG_NOTE;
        case 7 -> "@SUM(A1:A2)";
        case 8 -> "-1,5";
        default -> "Selesai tepat waktu";
      };
      rows.add(List.of(String.format("RJK-2026-%04d", i), "Warga " + i, i == 4 ? "-12" : String.valueOf(i % 9),
          note));
    }
    return new Report.Table("rincian", "Rincian kasus", List.of("Nomor rujukan", "Nama", "Selisih hari",
        "Catatan"), rows, null);
  }

  private static Report.Table empty() {
    return new Report.Table("keluhan", "Keluhan warga", List.of("Tanggal", "Keluhan"), List.of(), null);
  }

  private static Report report() {
    return new Report("Bahan evaluasi partisipatif", "Triwulan III 2026 \u00B7 Puskesos Lebak Siliwangi",
        "Disusun 1 Oktober 2026 07:00 WIB oleh sistem",
        List.of(
            new Report.Section("Ringkasan layanan",
                List.of("Selama triwulan ini Puskesos menerima 2.003 rujukan.", "Angka dibulatkan."),
                List.of(perProgram())),
            new Report.Section("Rincian dan keluhan", List.of("Semua kasus yang ditutup triwulan ini."),
                List.of(details(), empty()))));
  }

  // ---------------------------------------------------------------- HTML

  @Test
  void htmlIsAStandalonePageWithEverythingEscaped() {
    String page = html.render(report(), Map.of("kasus-per-program", "/laporan/2026-q3/kasus-per-program.csv"));

    assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"id\">");
    assertThat(page).contains("<meta charset=\"utf-8\">",
        "<title>Bahan evaluasi partisipatif \u2014 Triwulan III 2026 \u00B7 Puskesos Lebak Siliwangi</title>",
        "<h1>Bahan evaluasi partisipatif</h1>", "Disusun 1 Oktober 2026 07:00 WIB oleh sistem",
        "<h2>Ringkasan layanan</h2>", "<h2>Rincian dan keluhan</h2>",
        "<h3 id=\"judul-kasus-per-program\">Kasus per program &amp; status</h3>");
    // the script, in the table and in the chart, only ever as text
    assertThat(page).doesNotContainIgnoringCase("<script").doesNotContain("javascript:")
        .doesNotContain("<link").doesNotContain(" src=");
    assertThat(count(page, "&lt;script&gt;alert(1)&lt;/script&gt;")).isEqualTo(3); // cell, bar label, bar title
    assertThat(page).contains("<td>Rutilahu, &quot;tahap 2&quot;</td>")
        .doesNotContain("per program & status");
    assertThat(page).contains("<td>" + EMOJI_CELL + "</td>");
  }

  @Test
  void htmlTablesHaveHeadBodyNumbersRightAlignedAndEmptyRow() {
    String page = html.render(report(), Map.of("kasus-per-program", "/laporan/2026-q3/kasus-per-program.csv"));

    assertThat(count(page, "<table")).isEqualTo(3).isEqualTo(count(page, "</table>"));
    assertThat(count(page, "<thead>")).isEqualTo(3);
    assertThat(count(page, "<tbody>")).isEqualTo(3);
    assertThat(page).contains("<th scope=\"col\" class=\"num\">Jumlah kasus</th>", "<td class=\"num\">1.234</td>",
        "<td class=\"num\">-12</td>", "<td>RJK-2026-0040</td>", "<th scope=\"col\">Catatan</th>");
    // alignment is decided per column: the "none" dash lines up with the figures, a number in a note does not
    assertThat(page).contains("<td>" + EMOJI_CELL + "</td><td class=\"num\">-</td><td class=\"num\">-</td>",
        "<td>-1,5</td>");
    assertThat(page).contains("<tr><td class=\"empty\" colspan=\"2\">Tidak ada data</td></tr>");
    assertThat(count(page, "Tidak ada data")).isEqualTo(1);
    assertThat(count(page, "<tr>")).isEqualTo(3 + 5 + 40 + 1); // header rows + data rows + empty row

    assertThat(page).contains("<a href=\"/laporan/2026-q3/kasus-per-program.csv\" download=\"kasus-per-program.csv\">"
        + "Unduh CSV</a>");
    assertThat(count(page, "Unduh CSV")).isEqualTo(1); // no link where none was given
    assertWellFormed(page);
  }

  @Test
  void htmlChartHasOneBarPerValueScaledToTheLargest() {
    String page = html.render(report(), Map.of());

    assertThat(count(page, "<div class=\"chart\"")).isEqualTo(1);
    assertThat(page).doesNotContain("Unduh CSV");
    int chartStart = page.indexOf("<div class=\"chart\"");
    int tableStart = page.indexOf("<table aria-labelledby=\"judul-kasus-per-program\"");
    assertThat(chartStart).isLessThan(tableStart);
    String svg = page.substring(chartStart, tableStart);
    assertThat(svg).contains("role=\"img\"", "aria-label=\"Grafik batang: Kasus per program &amp; status\"",
        "title=\"Grafik batang: Kasus per program &amp; status\"");

    List<Double> widths = new ArrayList<>();
    Matcher bar = Pattern.compile("class=\"bar\" style=\"width: (-?[0-9.]+)%\"").matcher(svg);
    while (bar.find()) {
      widths.add(Double.valueOf(bar.group(1)));
    }
    assertThat(widths).hasSize(4); // five rows, one without a value
    assertThat(widths.get(0)).isEqualTo(widths.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertThat(widths.get(1) / widths.get(0)).isCloseTo(512.0 / 1234, within(0.002));

    // every row keeps its label, the null one included; values formatted the Indonesian way with the unit
    assertThat(count(svg, "class=\"label\"")).isEqualTo(5);
    assertThat(svg).contains(">PKH</span>", ">" + EMOJI_CELL + "</span>", ">1.234 kasus</span>",
        ">512 kasus</span>", ">&lt;script&gt;alert(1)&lt;/script&gt;</span>");
  }

  @Test
  void chartMaxSetsTheScale() {
    Report.Table percent = new Report.Table("capaian", "Capaian", List.of("Desa", "Capaian"),
        List.of(List.of("A", "50%"), List.of("B", "-5%")),
        new Report.Chart(0, List.of(50.0, -5.0), "%", 100.0));
    String page = html.render(new Report("T", "S", "G", List.of(new Report.Section("S", List.of(),
        List.of(percent)))), null);

    Matcher bar = Pattern.compile("class=\"bar\" style=\"width: (-?[0-9.]+)%\"").matcher(page);
    assertThat(bar.find()).isTrue();
    assertThat(Double.parseDouble(bar.group(1))).isEqualTo(39.0); // half of the bar's 78% of the track
    assertThat(bar.find()).isFalse();
    assertThat(count(page, "class=\"bar\"")).isEqualTo(1); // the negative value gets none
    assertThat(page).contains(">50%</span>", ">-5%</span>");
  }

  @Test
  void numbersAreFormattedIndonesianStyle() {
    assertThat(ReportFormat.number(1234567.0)).isEqualTo("1.234.567");
    assertThat(ReportFormat.number(61.66)).isEqualTo("61,7");
    assertThat(ReportFormat.number(-12)).isEqualTo("-12");
    assertThat(ReportFormat.number(-0.04)).isEqualTo("0");
    assertThat(ReportFormat.value(12.5, "jam")).isEqualTo("12,5 jam");
    assertThat(ReportFormat.value(null, "jam")).isEqualTo("\u2013");
  }

  // ---------------------------------------------------------------- PDF

  @Test
  void pdfHasHeaderSectionsCellsAndPageNumbers() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.render(report()))) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(2);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Bahan evaluasi partisipatif");
      // stored as +07'00' (WIB)
      assertThat(document.getDocumentInformation().getCreationDate().getTimeZone().getRawOffset())
          .isEqualTo(7 * 3600 * 1000);

      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Bahan evaluasi partisipatif", "Triwulan III 2026 \u00B7 Puskesos Lebak Siliwangi",
          "Disusun 1 Oktober 2026 07:00 WIB oleh sistem", "Ringkasan layanan", "Rincian dan keluhan",
          "Kasus per program & status", "1.234", "61,7%", "1.234 kasus", "512 kasus", SCRIPT,
          "RJK-2026-0001", "RJK-2026-0040", FORMULA, "Tidak ada data",
          "Halaman 1 dari " + pages, "Halaman " + pages + " dari " + pages);
      assertThat(text).contains(EMOJI_CELL); // DejaVu Sans has the emoticon
      assertThat(text.replaceAll("\\s+", " ")).contains(LONG_NOTE);
    }
  }

  @Test
  void pdfTableContinuesOnANewPageWithItsHeaderRepeated() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.render(report()))) {
      int last = -1;
      int first = -1;
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        String text = pageText(document, page);
        if (text.contains("RJK-2026-0001")) {
          first = page;
        }
        if (text.contains("RJK-2026-0040")) {
          last = page;
        }
      }
      assertThat(first).isPositive();
      assertThat(last).isGreaterThan(first);
      String continued = pageText(document, last);
      assertThat(continued).contains("Nomor rujukan", "Selisih hari", "Catatan").doesNotContain("RJK-2026-0001");
      assertThat(count(new PDFTextStripper().getText(document), "Nomor rujukan")).isEqualTo(last - first + 1);
    }
  }

  @Test
  void pdfTextStaysInsideTheMarginsAndChartIsDrawnAsBars() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.render(report()))) {
      BoundsStripper stripper = new BoundsStripper();
      stripper.getText(document);
      assertThat(stripper.left).isNotEmpty().allSatisfy(left -> assertThat(left).isGreaterThanOrEqualTo(49.5f));
      assertThat(stripper.right).allSatisfy(
          right -> assertThat(right).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 50 + 0.5f));
      // only the footer sits in the bottom margin
      assertThat(stripper.inBottomMargin).isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches("Halaman \\d+ dari \\d+|Bahan evaluasi partisipatif"));

      // figures are right-aligned: same right edge, different left edges
      assertThat(stripper.words.get("61,7%")[1]).isCloseTo(stripper.words.get("25,6%")[1], within(0.5f))
          .isCloseTo(stripper.words.get("0,2%")[1], within(0.5f));
      assertThat(stripper.words.get("0,2%")[0]).isGreaterThan(stripper.words.get("61,7%")[0] + 2);
      assertThat(stripper.words.get("RJK-2026-0040")[0]).isEqualTo(50 + 4, within(0.5f));

    }
  }

  @Test
  void manyColumnsShrinkTheFontAndWrapInsideThePage() throws IOException {
    List<String> columns = new ArrayList<>();
    List<String> row = new ArrayList<>();
    for (int c = 1; c <= 9; c++) {
      columns.add("Kolom panjang nomor " + c);
      row.add("Isian sel yang cukup panjang untuk kolom " + c + " Supercalifragilisticexpialidocious");
    }
    Report wide = new Report("Lebar", null, null, List.of(new Report.Section("Tabel lebar", List.of(),
        List.of(new Report.Table("lebar", "Lebar", columns, List.of(row, row), null),
            new Report.Table("sempit", "Sempit", List.of("Sempit"), List.of(List.of("Sempit sekali")), null)))));
    try (PDDocument document = Loader.loadPDF(pdf.render(wide))) {
      BoundsStripper stripper = new BoundsStripper();
      String text = stripper.getText(document);
      assertThat(text).contains("Halaman 1 dari 1", "Isian");
      assertThat(stripper.right).allSatisfy(
          right -> assertThat(right).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 50 + 0.5f));
      assertThat(stripper.sizes).hasSize(1);
      assertThat(stripper.sizes.iterator().next()).isLessThan(stripper.narrowSizes.iterator().next());
    }
  }

  @Test
  void oddInputsStillRender() throws IOException {
    String huge = "kata ".repeat(6000).strip(); // one cell taller than a page
    List<String> ragged = new ArrayList<>(Arrays.asList("a", null));
    Report odd = new Report(null, null, null, List.of(
        new Report.Section("Aneh", null, List.of(
            new Report.Table("besar", "Besar", List.of("No", "Isi"), List.of(List.of("1", huge), ragged), null),
            new Report.Table("grafik-kosong", null, List.of(), List.of(),
                new Report.Chart(5, null, null, null)),
            new Report.Table("grafik", "Grafik", List.of("Nama"), List.of(List.of("x"), List.of("y")),
                new Report.Chart(3, List.of(0.0), null, null))))));

    assertThat(html.render(odd, null))
        .contains("<title></title>", "<td>a</td><td></td>", ">0</span>", ">\u2013</span>");
    assertThat(new String(csv.render(odd.sections().get(0).tables().get(0)), StandardCharsets.UTF_8))
        .endsWith("\r\na,\r\n");
    try (PDDocument document = Loader.loadPDF(pdf.render(odd))) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
      BoundsStripper stripper = new BoundsStripper();
      String text = stripper.getText(document);
      assertThat(count(text.replaceAll("\\s+", " "), "kata")).isEqualTo(6000);
      assertThat(stripper.right).allSatisfy(
          right -> assertThat(right).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 50 + 0.5f));
      assertThat(stripper.inBottomMargin).isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches("Halaman \\d+ dari \\d+"));
    }
  }

  // ---------------------------------------------------------------- CSV

  @Test
  void csvIsExcelFriendlyQuotedAndSafe() {
    byte[] bytes = csv.render(details());
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

    assertThat(text).endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(lines).hasSize(41);
    assertThat(lines.get(0)).isEqualTo("Nomor rujukan,Nama,Selisih hari,Catatan");
    assertThat(lines.get(3)).isEqualTo("RJK-2026-0003,Warga 3,3,\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(lines.get(4)).isEqualTo("RJK-2026-0004,Warga 4,-12,Selesai tepat waktu");
    assertThat(lines.get(7)).isEqualTo("RJK-2026-0007,Warga 7,7,'@SUM(A1:A2)");
    assertThat(lines.get(8)).isEqualTo("RJK-2026-0008,Warga 8,8,\"-1,5\"");
    assertThat(csv.fileName(details())).isEqualTo("rincian.csv");
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaks() {
    String text = new String(csv.render(perProgram()), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFProgram,Jumlah kasus,Persentase\r\nPKH,1.234,\"61,7%\"\r\n");
    assertThat(text).contains("\r\n\"Rutilahu, \"\"tahap 2\"\"\",254,\"12,7%\"\r\n",
        "\r\n" + SCRIPT + ",3,\"0,2%\"\r\n",
        "\r\n" + EMOJI_CELL + ",-,-\r\n");

    Report.Table tricky = new Report.Table("x", "x", List.of("a", "b"),
        List.of(List.of("baris 1\nbaris 2", "+62 812"), List.of("\tTAB", "-2+3")), null);
    String lines = new String(csv.render(tricky), StandardCharsets.UTF_8);
    assertThat(lines).isEqualTo("\uFEFFa,b\r\n\"baris 1\nbaris 2\",'+62 812\r\n'\tTAB,'-2+3\r\n");

    String emptyTable = new String(csv.render(empty()), StandardCharsets.UTF_8);
    assertThat(emptyTable).isEqualTo("\uFEFFTanggal,Keluhan\r\n");
    assertThat(csv.fileName(new Report.Table("Kasus/../x", "", List.of(), List.of(), null)))
        .isEqualTo("kasus----x.csv");
  }

  // ---------------------------------------------------------------- helpers

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link", "col", "wbr");

  /** Every opened element is closed, in order (all text is escaped, so '<' only ever starts a tag). */
  private static void assertWellFormed(String page) {
    Matcher tag = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]*?(/?)>").matcher(page);
    Deque<String> open = new ArrayDeque<>();
    int tags = 0;
    while (tag.find()) {
      tags++;
      String name = tag.group(2).toLowerCase();
      if (!tag.group(1).isEmpty()) {
        assertThat(open.peek()).as("closing </%s> at %d", name, tag.start()).isEqualTo(name);
        open.pop();
      } else if (tag.group(3).isEmpty() && !VOID.contains(name)) {
        open.push(name);
      }
    }
    assertThat(open).isEmpty();
    assertThat(tags).isGreaterThan(100);
    // no stray '<' or '>' outside tags
    assertThat(page.replaceAll("<!DOCTYPE html>", "").replaceAll("<(/?)[a-zA-Z][a-zA-Z0-9]*\\b[^<>]*>", ""))
        .doesNotContain("<", ">");
  }

  private static String pageText(PDDocument document, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document);
  }

  private static final class BoundsStripper extends PDFTextStripper {
    final List<Float> left = new ArrayList<>();
    final List<Float> right = new ArrayList<>();
    final List<Float> bottom = new ArrayList<>();
    /** text whose baseline lies in the bottom margin (below 50pt) */
    final List<String> inBottomMargin = new ArrayList<>();
    final Set<Float> sizes = new java.util.HashSet<>();
    final Set<Float> narrowSizes = new java.util.HashSet<>();
    /** word -> {left, right} of its last occurrence */
    final Map<String, float[]> words = new java.util.HashMap<>();

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      for (TextPosition position : positions) {
        left.add(position.getXDirAdj());
        right.add(position.getXDirAdj() + position.getWidthDirAdj());
        // the stripper measures y from the top of the page
        bottom.add(position.getPageHeight() - position.getYDirAdj());
        if (text.startsWith("Isian") || text.startsWith("Kolom")) {
          sizes.add(position.getFontSizeInPt());
        }
        if (text.startsWith("Sempit sekali")) {
          narrowSizes.add(position.getFontSizeInPt());
        }
      }
      if (!positions.isEmpty() && positions.get(0).getPageHeight() - positions.get(0).getYDirAdj() < 50) {
        inBottomMargin.add(text);
      }
      if (!positions.isEmpty()) {
        TextPosition last = positions.get(positions.size() - 1);
        words.put(text, new float[] {positions.get(0).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj()});
      }
      super.writeString(text, positions);
    }
  }
}
