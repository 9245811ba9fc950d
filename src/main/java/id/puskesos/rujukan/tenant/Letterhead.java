package id.puskesos.rujukan.tenant;

import java.util.Locale;

/**
 * Who issues a document, as its letterhead, text and signature name them: one Puskesos (its kelurahan and kecamatan)
 * or the city SLRT (the city's evaluation). The letters' templates read it as {@code head}.
 *
 * @param office the letterhead's first line
 * @param place the letterhead's second line
 * @param sender the issuer as the letter's text names it
 * @param author the PDF's author, and the issuer in a report's subtitle
 * @param area where the residents it serves live
 * @param signer who signs
 */
public record Letterhead(String office, String place, String sender, String author, String area, String signer) {

  public static Letterhead of(Puskesos puskesos) {
    return new Letterhead("PUSAT KESEJAHTERAAN SOSIAL (PUSKESOS)",
        "KELURAHAN %s, KECAMATAN %s, KOTA BANDUNG".formatted(puskesos.name(), puskesos.kecamatan())
            .toUpperCase(Locale.ROOT),
        "Pusat Kesejahteraan Sosial (Puskesos) Kelurahan " + puskesos.name(), puskesos.title(),
        "Kelurahan " + puskesos.name(), "Koordinator Puskesos");
  }

  /** The city SLRT, for what the city's evaluation issues. */
  public static Letterhead city() {
    return new Letterhead("SISTEM LAYANAN DAN RUJUKAN TERPADU (SLRT)", "DINAS SOSIAL KOTA BANDUNG",
        "Sistem Layanan dan Rujukan Terpadu (SLRT) Kota Bandung", "SLRT Kota Bandung", "Kota Bandung",
        "Manajer SLRT Kota Bandung");
  }
}
