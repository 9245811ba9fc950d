package id.puskesos.rujukan.registry;

import java.time.LocalDate;

/** Identity and contact data given at intake, already validated. */
public record ResidentDetails(
    String nik,
    String kkNumber,
    String fullName,
    LocalDate birthDate,
    Sex sex,
    String address,
    String rt,
    String rw,
    String kelurahan,
    String phone) {
}
