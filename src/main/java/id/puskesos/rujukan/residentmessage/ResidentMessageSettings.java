package id.puskesos.rujukan.residentmessage;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local texts the resident's messages fill in ({@code rujukan.resident-messages}; docs/resident-messages.md).
 * The catalogue holds no partner addresses, so where a letter is collected is said here: {@code letter-place} for
 * every partner, or {@code partner-offices} by partner code where a partner's own office hands it out;
 * {@code letter-bring} what to bring; {@code complaint-how} how to complain about a closed case.
 */
@ConfigurationProperties("rujukan.resident-messages")
public record ResidentMessageSettings(String letterPlace, Map<String, String> partnerOffices, String letterBring,
    String complaintHow) {

  public ResidentMessageSettings {
    letterPlace = blank(letterPlace) ? "kantor {puskesos} (di kantor kelurahan), Senin-Jumat pukul 08.00-15.00"
        : letterPlace.strip();
    partnerOffices = partnerOffices == null ? Map.of() : Map.copyOf(partnerOffices);
    letterBring = blank(letterBring) ? "KTP dan Kartu Keluarga asli" : letterBring.strip();
    complaintHow = blank(complaintHow) ? "kirim KELUHAN lalu ceritakan apa yang terjadi ke nomor ini, atau datang ke "
        + "kantor {puskesos} pada jam kerja"
        : complaintHow.strip();
  }

  /** Where the resident collects a letter of this partner's program. */
  public String placeFor(String partnerCode) {
    return partnerOffices.getOrDefault(partnerCode, letterPlace);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
