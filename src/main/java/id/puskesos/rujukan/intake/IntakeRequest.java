package id.puskesos.rujukan.intake;

import java.util.List;

/**
 * A complaint or proposal as it arrives, from the API's JSON or Tasklist's start form. Kept as text so that
 * every field gets its own clear message from {@link IntakeValidator} instead of a parser error. {@code kelurahan}
 * is the resident's address; {@code puskesos} the Puskesos that received the complaint (its kelurahan code), needed
 * only from a caller who works for several.
 */
public record IntakeRequest(
    String nik,
    String kkNumber,
    String fullName,
    String birthDate,
    String sex,
    String address,
    String rt,
    String rw,
    String kelurahan,
    String phone,
    String channel,
    List<String> needs,
    String description,
    Boolean urgent,
    String puskesos) {

  /** A complaint received by the caller's one Puskesos. */
  public IntakeRequest(String nik, String kkNumber, String fullName, String birthDate, String sex, String address,
      String rt, String rw, String kelurahan, String phone, String channel, List<String> needs, String description,
      Boolean urgent) {
    this(nik, kkNumber, fullName, birthDate, sex, address, rt, rw, kelurahan, phone, channel, needs, description,
        urgent, null);
  }
}
