package id.puskesos.rujukan.partner;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.DocumentRenderer;
import id.puskesos.rujukan.tenant.Letterhead;

/**
 * Renders the "Surat Rekomendasi" ({@code templates/letters/recommendation.html}): the letter the resident takes to
 * the program owner as the basis for handing out the aid. It is issued when the coordinator makes the "penetapan
 * layanan", so the owner needs nothing from our system but this PDF.
 */
@Component
public class RecommendationLetter {

  /**
   * What the letter says. {@code coordinatorNip} is printed under the name when the koordinator has one (null: the
   * name alone); {@code verificationCode} (as printed, {@code ABCD-EFGH-JKMN}) with {@code checkPage}, where a partner
   * checks it (null for a letter rendered without one).
   */
  public record Content(String letterNumber, String referralNumber, String residentName, String nikMasked,
      String address, String programName, String partnerName, String aidDescription, LocalDate date,
      String coordinatorName, String coordinatorNip, String verificationCode, String checkPage) {}

  private final DocumentRenderer documents;

  public RecommendationLetter(DocumentRenderer documents) {
    this.documents = documents;
  }

  /** The letter under the letterhead of the case's Puskesos. */
  public byte[] render(Content content, Letterhead head) {
    String title = "Surat Rekomendasi " + (content.letterNumber() == null || content.letterNumber().isBlank() ? "-"
        : content.letterNumber());
    return documents.pdf("letters/recommendation", Map.of("documentTitle", title, "c", content, "head", head),
        new DocumentRenderer.PdfInfo(title, head.author(), null));
  }
}
