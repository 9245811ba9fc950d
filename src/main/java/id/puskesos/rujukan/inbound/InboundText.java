package id.puskesos.rujukan.inbound;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.puskesos.rujukan.referral.ReferralNumbers;

/**
 * What a resident's WhatsApp text asks, read liberally: a referral number in any spacing or case
 * ({@code rjk 2026 123}, {@code RJK-2026-000123}, {@code RJK-3273021006-2026-000123}) with a birth date ({@code 21-07-1990}, {@code 21/7/1990},
 * {@code 21.07.1990}, {@code 21 07 1990}, {@code 1990-07-21}) is a status request; a text that is only a yes or a no
 * ({@code YA}, {@code iya}, {@code sudah}; {@code TIDAK}, {@code belum}) answers the receipt question. Matching what
 * was read against the case stays strict ({@link StatusRequests}); a text that begins with {@code KELUHAN} is a
 * complaint about the service ({@link Complaints}).
 */
public record InboundText(Kind kind, String referralNumber, LocalDate birthDate, Boolean received, String complaint) {

  /** What the text was taken for. */
  public enum Kind {
    STATUS, RECEIPT, GRIEVANCE, OTHER
  }

  /** A complaint about the service: the word KELUHAN, then what happened ({@link Complaints}). */
  private static final Pattern GRIEVANCE = Pattern.compile("^\\s*KELUHAN\\b[\\s:.,-]*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final int MAX_LENGTH = 500;
  /** With the Puskesos's kelurahan code (10 digits) or, for a case opened before the city's installation, without. */
  private static final Pattern NUMBER = Pattern.compile(
      "RJK[\\s-]*(?:(\\d{10})[\\s-]+)?(\\d{4})[\\s-]*(\\d{1,6})(?!\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_FIRST = Pattern.compile("(?<!\\d)(\\d{1,2})[-/. ]+(\\d{1,2})[-/. ]+(\\d{4})(?!\\d)");
  private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
  private static final Set<String> YES = Set.of("YA", "IYA", "Y", "SUDAH", "YA SUDAH", "SUDAH TERIMA", "YA SUDAH TERIMA");
  private static final Set<String> NO = Set.of("TIDAK", "TDK", "BELUM", "TIDAK BELUM", "BELUM TERIMA", "GAK", "ENGGAK");

  /** Reads the text; anything else is {@link Kind#OTHER}. */
  public static InboundText read(String text) {
    Matcher complaint = GRIEVANCE.matcher(text == null ? "" : text);
    if (complaint.matches()) {
      return new InboundText(Kind.GRIEVANCE, null, null, null, complaint.group(1).trim());
    }
    String t = text == null ? "" : text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    Matcher number = NUMBER.matcher(t);
    if (number.find()) {
      int year = Integer.parseInt(number.group(2));
      long serial = Long.parseLong(number.group(3));
      String referral = number.group(1) == null ? ReferralNumbers.format(year, serial)
          : ReferralNumbers.format(number.group(1), year, serial);
      String rest = t.substring(0, number.start()) + " " + t.substring(number.end());
      return new InboundText(Kind.STATUS, referral, birthDate(rest).orElse(null), null, null);
    }
    String words = t.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", " ").trim().replaceAll("\\s+", " ");
    if (YES.contains(words)) {
      return new InboundText(Kind.RECEIPT, null, null, true, null);
    }
    if (NO.contains(words)) {
      return new InboundText(Kind.RECEIPT, null, null, false, null);
    }
    return new InboundText(Kind.OTHER, null, null, null, null);
  }

  private static Optional<LocalDate> birthDate(String text) {
    Matcher m = YEAR_FIRST.matcher(text);
    if (m.find()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    m = DAY_FIRST.matcher(text);
    return m.find() ? date(m.group(3), m.group(2), m.group(1)) : Optional.empty();
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
