package id.puskesos.rujukan.common;

/** Masks identifiers wherever they are listed or logged: only the region prefix and the last digits remain. */
public final class PersonalData {

  private PersonalData() {
  }

  /** {@code 3273010101900001} becomes {@code 3273**********01}. */
  public static String maskNik(String nik) {
    if (nik == null || nik.length() < 8) {
      return "****";
    }
    return nik.substring(0, 4) + "*".repeat(nik.length() - 6) + nik.substring(nik.length() - 2);
  }
}
