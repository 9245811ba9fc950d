package id.puskesos.rujukan.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.LetterWriter;

/**
 * The "Surat Apresiasi" to a partner after a joint evaluation: what the partner did well in the period, named from
 * the records (residents served, fastest response, most complete handover data, ideas adopted), signed by the
 * koordinator. The study found that partners give each other no appreciation; this letter is the answer.
 */
@Component
public class AppreciationLetter {

  public record Content(String letterNumber, String partnerName, String periodLabel, List<String> reasons,
      LocalDate date, String coordinatorName) {
  }

  public byte[] render(Content content) {
    LetterWriter out = new LetterWriter("Surat Apresiasi " + content.letterNumber());
    try {
      out.letterhead("SURAT APRESIASI", content.letterNumber());
      out.paragraph("Kepada Yth. Pimpinan " + content.partnerName());
      out.paragraph("di Kota Bandung");
      out.skip(LetterWriter.LEADING);
      out.paragraph("Dalam evaluasi bersama layanan rujukan terpadu %s, Pusat Kesejahteraan Sosial (Puskesos) "
          .formatted(content.periodLabel()) + "Kelurahan Lebak Siliwangi bersama para mitra mencatat kontribusi "
          + content.partnerName() + " berikut:");
      out.skip(LetterWriter.LEADING / 2);
      for (String reason : content.reasons()) {
        out.wrapped(false, 90, "- " + reason);
      }
      out.skip(LetterWriter.LEADING / 2);
      out.paragraph("Atas kerja sama dan pelayanan kepada warga tersebut kami menyampaikan terima kasih dan "
          + "penghargaan yang setinggi-tingginya. Semoga kolaborasi ini terus memperkuat layanan bagi warga miskin "
          + "dan rentan di Kelurahan Lebak Siliwangi.");
      out.signature(content.date(), "Koordinator Puskesos", content.coordinatorName());
    } catch (IOException e) {
      throw new UncheckedIOException("Surat apresiasi gagal dibuat", e);
    }
    return out.finish();
  }
}
