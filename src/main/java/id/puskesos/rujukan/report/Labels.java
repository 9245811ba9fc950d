package id.puskesos.rujukan.report;

import id.puskesos.rujukan.partner.RejectionCode;
import id.puskesos.rujukan.referral.Stage;
import id.puskesos.rujukan.registry.ChangeSource;

/** Words and numbers as the reports print them, the Indonesian way (1.234.567 and 45,5%). */
public final class Labels {

  private Labels() {
  }

  public static String stage(String key) {
    if (PeriodFigures.OTHER_WORK.equals(key)) {
      return "Registri, evaluasi dan laporan";
    }
    return Stage.valueOf(key).label();
  }

  public static String source(ChangeSource source) {
    return switch (source) {
      case INTAKE -> "Penerimaan pengaduan";
      case FIELD_VERIFICATION -> "Verifikasi lapangan";
      case REVERIFICATION -> "Verifikasi ulang berkala";
      case IMPORT -> "Impor DTKS/DTSEN";
      case DUPLICATE_REVIEW -> "Penanganan data ganda";
      case DTKS_PROPOSAL -> "Hasil usulan DTKS";
    };
  }

  public static String rejection(String code) {
    try {
      return RejectionCode.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  public static String number(long value) {
    return ReportFormat.number(value);
  }

  /** One decimal at most: 12,5 and 12. */
  public static String decimal(Double value) {
    return value == null ? "-" : ReportFormat.number(value);
  }

  public static String rupiah(long value) {
    return "Rp" + number(value);
  }

  /** A share (0 to 1) as a percentage with one decimal: 0,456 is "45,6%". */
  public static String percent(Double share) {
    return share == null ? "-" : decimal(share * 100) + "%";
  }

  public static Double percentValue(Double share) {
    return share == null ? null : Math.round(share * 1000) / 10.0;
  }

  public static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
