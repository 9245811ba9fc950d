package id.puskesos.rujukan.referral;

import java.util.Collection;
import java.util.stream.Collectors;

/** What a resident asks help for. */
public enum Need {
  FOOD("Pangan"),
  CASH("Bantuan tunai"),
  EDUCATION("Pendidikan"),
  HEALTH("Kesehatan"),
  DISABILITY("Disabilitas"),
  ELDERLY("Lanjut usia"),
  ORPHAN("Anak yatim/piatu"),
  HOUSING("Perumahan"),
  DEBT("Utang (gharimin)"),
  CIVIL_DOCUMENTS("Dokumen kependudukan"),
  DATA_UPDATE("Pemutakhiran data DTKS/DTSEN");

  private final String label;

  Need(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** "Pangan, Kesehatan": how forms and the timeline show a set of needs. */
  public static String summary(Collection<Need> needs) {
    return needs.stream().sorted().map(Need::label).collect(Collectors.joining(", "));
  }
}
