package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.common.LetterWriter.orDash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.LetterWriter;

/**
 * Renders the "Surat Rekomendasi": the letter the resident takes to the program owner as the basis for
 * handing out the aid. It is issued when the coordinator makes the "penetapan layanan", so the owner
 * needs nothing from our system but this PDF.
 */
@Component
public class RecommendationLetter {

  public record Content(String letterNumber, String referralNumber, String residentName, String nikMasked,
      String address, String programName, String partnerName, String aidDescription, LocalDate date,
      String coordinatorName) {}

  public byte[] render(Content content) {
    LetterWriter out = new LetterWriter("Surat Rekomendasi " + orDash(content.letterNumber()));
    try {
      out.letterhead("SURAT REKOMENDASI", content.letterNumber());
      out.paragraph("Pusat Kesejahteraan Sosial (Puskesos) Kelurahan Lebak Siliwangi, setelah "
          + "melakukan verifikasi dan asesmen terhadap warga, dengan ini merekomendasikan warga berikut "
          + "sebagai penerima program:");
      out.skip(LetterWriter.LEADING / 2);
      out.field("Nomor rujukan", content.referralNumber());
      out.field("Nama", content.residentName());
      out.field("NIK", content.nikMasked());
      out.field("Alamat", content.address());
      out.field("Program", content.programName());
      out.field("Mitra", content.partnerName());
      if (content.aidDescription() != null) {
        out.field("Bantuan", content.aidDescription());
      }
      out.skip(LetterWriter.LEADING / 2);
      out.paragraph("Surat ini dibawa warga kepada pengelola program sebagai dasar penyaluran bantuan.");
      out.signature(content.date(), "Koordinator Puskesos", content.coordinatorName());
    } catch (IOException e) {
      throw new UncheckedIOException("Surat rekomendasi gagal dibuat", e);
    }
    return out.finish();
  }
}
