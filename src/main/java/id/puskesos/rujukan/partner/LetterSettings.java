package id.puskesos.rujukan.partner;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a recommendation letter says of its authority ({@code rujukan.letter}; docs/partners.md, "Letters with
 * authority").
 *
 * <p>{@code signer-nips}: the NIP of each koordinator who signs, by Camunda user id. A letter names whoever approved
 * the case, so one NIP for the office would print a colleague's number under a deputy's name: the number goes with
 * the user. A koordinator without an entry (not a civil servant: many Puskesos coordinators are not) signs with the
 * name alone; a NIP is never invented. Each one is checked at start-up, so a mistyped one stops the application
 * instead of going out on letters.
 *
 * <p>{@code check-address}: the address of the public check page ({@code /verifikasi/}) as partners reach it, printed
 * with the verification code; without one the letter names the page by its path on the Puskesos application.
 */
@ConfigurationProperties("rujukan.letter")
public record LetterSettings(Map<String, String> signerNips, String checkAddress) {

  public LetterSettings {
    signerNips = signerNips == null ? Map.of() : Map.copyOf(signerNips);
    signerNips.forEach((user, nip) -> {
      if (!validNip(nip)) {
        throw new IllegalArgumentException(("rujukan.letter.signer-nips.%s: NIP harus 18 angka (tanggal lahir "
            + "yyyyMMdd, bulan pengangkatan CPNS yyyyMM, jenis kelamin 1/2, nomor urut 3 angka)").formatted(user));
      }
    });
    checkAddress = checkAddress == null || checkAddress.isBlank() ? null : checkAddress.strip();
    if (checkAddress != null && !checkAddress.matches("https?://[^\\s]+")) {
      throw new IllegalArgumentException("rujukan.letter.check-address harus alamat http(s) lengkap, mis. "
          + "https://puskesos.example.go.id/verifikasi/");
    }
  }

  /** The signer's NIP, if the user has one configured. */
  public Optional<String> nipOf(String userId) {
    return Optional.ofNullable(signerNips.get(userId));
  }

  /** Where the letter sends a partner to check it. */
  public String checkPage() {
    return checkAddress == null ? "/verifikasi/ pada aplikasi Rujukan Puskesos Kota Bandung" : checkAddress;
  }

  /**
   * A NIP as Peraturan Kepala BKN No. 22 Tahun 2007 lays it out: 18 digits, the birth date (yyyyMMdd), the year and
   * month of the first appointment as CPNS (yyyyMM), the sex (1 male, 2 female) and a 3-digit serial number.
   */
  static boolean validNip(String nip) {
    if (nip == null || !nip.matches("\\d{18}")) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)),
          Integer.parseInt(nip.substring(6, 8)));
      YearMonth.of(Integer.parseInt(nip.substring(8, 12)), Integer.parseInt(nip.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    return nip.charAt(14) == '1' || nip.charAt(14) == '2';
  }

  /** The NIP as letters print it: {@code 19850312 201001 2 003}. */
  public static String printed(String nip) {
    return nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.charAt(14) + " " + nip.substring(15);
  }
}
