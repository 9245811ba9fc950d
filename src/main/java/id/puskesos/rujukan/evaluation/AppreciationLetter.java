package id.puskesos.rujukan.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.DocumentRenderer;
import id.puskesos.rujukan.tenant.Letterhead;

/**
 * The "Surat Apresiasi" to a partner after a joint evaluation ({@code templates/letters/appreciation.html}): what the
 * partner did well in the period, named from the records (residents served, fastest response, most complete handover
 * data, ideas adopted), signed by the koordinator (the city SLRT's manager for the city's evaluation). The study found that partners give each other no appreciation;
 * this letter is the answer.
 */
@Component
public class AppreciationLetter {

  public record Content(String letterNumber, String partnerName, String periodLabel, List<String> reasons,
      LocalDate date, String coordinatorName) {
  }

  private final DocumentRenderer documents;

  public AppreciationLetter(DocumentRenderer documents) {
    this.documents = documents;
  }

  /** The letter under the letterhead of the evaluation's Puskesos (or the city SLRT's), signed as it signs. */
  public byte[] render(Content content, Letterhead head) {
    String title = "Surat Apresiasi " + content.letterNumber();
    return documents.pdf("letters/appreciation", Map.of("documentTitle", title, "c", content, "head", head),
        new DocumentRenderer.PdfInfo(title, head.author(), null));
  }
}
