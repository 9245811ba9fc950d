package id.puskesos.rujukan.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.common.DocumentRenderer;
import id.puskesos.rujukan.tenant.Letterhead;
import id.puskesos.rujukan.tenant.Puskesos;

class RecommendationLetterTest {

  private static final Letterhead LEBAK = Letterhead.of(new Puskesos("3273021006", "Lebak Siliwangi", "Coblong"));
  private final RecommendationLetter letter = new RecommendationLetter(new DocumentRenderer());

  private byte[] pdf(RecommendationLetter.Content content) {
    return letter.render(content, LEBAK);
  }

  private static RecommendationLetter.Content content(String name, String address, String aid) {
    return new RecommendationLetter.Content("045/REK/PKS-LS/XI/2026", "RJK-2026-00123", name, "3273**********01",
        address, "Program Keluarga Harapan", "Dinas Sosial Kota Bandung", aid, LocalDate.of(2026, 11, 27),
        "Dewi Kartika Sari", "19850312 201001 2 003", "ABCD-EFGH-JKMN", "https://rujukan.example.id/verifikasi/");
  }

  @Test
  void letterNamesResidentProgramPartnerCoordinatorWithNipAndItsVerificationCode() throws IOException {
    byte[] pdf = pdf(content("Asep Sunandar", "Jl. Tamansari No. 10, RT 02/RW 05", "Paket sembako"));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("PUSAT KESEJAHTERAAN SOSIAL (PUSKESOS)", "SURAT REKOMENDASI",
          "Nomor: 045/REK/PKS-LS/XI/2026", "RJK-2026-00123", "Asep Sunandar", "3273**********01",
          "Program Keluarga Harapan", "Dinas Sosial Kota Bandung", "Paket sembako", "Bandung, 27 November 2026",
          "Koordinator Puskesos", "Dewi Kartika Sari", "NIP. 19850312 201001 2 003", "Kode verifikasi: ABCD-EFGH-JKMN",
          "https://rujukan.example.id/verifikasi/");
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Surat Rekomendasi 045/REK/PKS-LS/XI/2026");
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Puskesos Lebak Siliwangi");
      assertThat(document.getDocumentInformation().getCreationDate()).isNotNull();
    }
  }

  @Test
  void theLetterheadNamesTheCasesPuskesos() throws IOException {
    Letterhead dago = Letterhead.of(new Puskesos("3273021005", "Dago", "Coblong"));
    try (PDDocument document = Loader.loadPDF(letter.render(content("Asep Sunandar", null, null), dago))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("KELURAHAN DAGO, KECAMATAN COBLONG, KOTA BANDUNG",
          "Pusat Kesejahteraan Sosial (Puskesos) Kelurahan Dago,").doesNotContain("Lebak Siliwangi");
      assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Puskesos Dago");
    }
  }

  @Test
  void longAddressAndNameWrapInsideThePageMargins() throws IOException {
    String address = ("Jl. Cigadung Raya Timur Gang Kenanga No. 17B, RT 004/RW 011, Kelurahan Lebak Siliwangi, "
        + "Kecamatan Coblong, Kota Bandung, Jawa Barat 40132, masuk gang di belakang warung Bu Imas, "
        + "rumah bercat hijau dekat masjid Al-Ikhlas").substring(0, 200);
    String name = ("Raden Muhammad Abdurrahman Wijayakusumah Suryadiningrat Kartanegara Purbalingga "
        + "Sastrawinata Adiwilaga Soemantri Natawijaya Kusumadinata Prawiradireja").substring(0, 120);
    assertThat(address).hasSize(200).doesNotEndWith(" ");
    assertThat(name).hasSize(120).doesNotEndWith(" ");

    try (PDDocument document = Loader.loadPDF(pdf(content(name, address, null)))) {
      BoundsStripper stripper = new BoundsStripper();
      String text = stripper.getText(document);
      String flattened = text.replaceAll("\\s+", " ");

      assertThat(flattened).contains(address, name);
      assertThat(text.lines()).noneMatch(line -> line.contains(address));
      assertThat(stripper.right).isNotEmpty()
          .allSatisfy(right -> assertThat(right).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 72 + 0.5f));
    }
  }

  @Test
  void charactersTheFontLacksPrintAsHashInsteadOfFailing() throws IOException {
    // DejaVu Sans has the emoticon but no CJK and no house; a control character is dropped
    String name = "Siti \uD83D\uDE00 Aminah\u0007 \u738B";

    byte[][] pdf = new byte[1][];
    assertThatCode(() -> pdf[0] = pdf(content(name, "Jl. Dago \uD83C\uDFE0\n No. 1", null)))
        .doesNotThrowAnyException();

    try (PDDocument document = Loader.loadPDF(pdf[0])) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Siti \uD83D\uDE00 Aminah #", "Jl. Dago # No. 1");
    }
  }

  @Test
  void missingAidDescriptionOmitsTheBantuanLine() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf(content("Asep Sunandar", null, null)))) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text.lines()).noneMatch(line -> line.strip().startsWith("Bantuan"));
      assertThat(text).contains("Mitra").containsPattern("Alamat\\s*:\\s*-");
    }
  }

  /** Records where every line of text ends, so a line running past the margin is caught. */
  private static final class BoundsStripper extends PDFTextStripper {
    final List<Float> right = new ArrayList<>();

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
      for (TextPosition position : positions) {
        right.add(position.getXDirAdj() + position.getWidthDirAdj());
      }
      super.writeString(text, positions);
    }
  }
}
