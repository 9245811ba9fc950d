package id.puskesos.rujukan.common;

import java.util.List;

/** The Camunda groups of the roles in DOMAIN.md; user tasks name them as candidate groups. */
public final class Groups {

  public static final String FRONT_OFFICE = "fo";
  public static final String FASILITATOR = "fasilitator";
  public static final String BACK_OFFICE = "bo";
  public static final String KOORDINATOR = "koordinator";
  public static final String DINSOS = "dinsos";
  public static final String BAZNAS = "baznas";
  public static final String SALMAN = "salman";
  public static final String PUSKESMAS = "puskesmas";
  public static final String DISDUKCAPIL = "disdukcapil";
  public static final String DPKP = "dpkp";
  public static final String NAKES = "nakes";
  public static final String BABINSA = "babinsa";
  public static final String MANAJER = "manajer";
  public static final String ANALIS = "analis";
  /** The city SLRT (Bandung's "Cetar Juara"): answers the cases the Puskesos escalates. */
  public static final String SLRT = "slrt";
  public static final String ADMIN = "camunda-admin";

  /** The Puskesos's own staff, in the order forms list them. */
  public static final List<String> PUSKESOS_STAFF = List.of(KOORDINATOR, BACK_OFFICE, FASILITATOR, FRONT_OFFICE);

  /** Groups that do casework in Tasklist. */
  public static final List<String> CASEWORK = List.of(FRONT_OFFICE, FASILITATOR, BACK_OFFICE, KOORDINATOR, DINSOS,
      BAZNAS, SALMAN, PUSKESMAS, DISDUKCAPIL, DPKP, NAKES, BABINSA, SLRT);

  private Groups() {
  }
}
