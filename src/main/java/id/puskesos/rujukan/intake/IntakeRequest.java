package id.puskesos.rujukan.intake;

import java.util.List;

/**
 * A complaint or proposal as it arrives, from the API's JSON or Tasklist's start form. Kept as text so that
 * every field gets its own clear message from {@link IntakeValidator} instead of a parser error.
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
    Boolean urgent) {
}
