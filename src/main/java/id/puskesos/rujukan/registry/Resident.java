package id.puskesos.rujukan.registry;

import java.time.LocalDate;

/** A resident as the Puskesos registry holds them. */
public record Resident(
    long id,
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

  /** "Jl. Tamansari No. 5, RT 003/RW 007, Lebak Siliwangi": the address a fasilitator visits. */
  public String fullAddress() {
    return "%s, RT %s/RW %s, %s".formatted(address, rt, rw, kelurahan);
  }
}
