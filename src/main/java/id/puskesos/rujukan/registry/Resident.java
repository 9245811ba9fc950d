package id.puskesos.rujukan.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A resident's record in the Puskesos registry. */
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
    String phone,
    String familyRelationship,
    DtksStatus dtksStatus,
    Integer desil,
    LocalDate registryUpdatedOn,
    OffsetDateTime verifiedAt,
    String verifiedBy,
    boolean deceased,
    boolean movedAway,
    boolean active,
    Long mergedInto) {

  /** "Jl. Tamansari No. 5, RT 003/RW 007, Lebak Siliwangi": the address a fasilitator visits. */
  public String fullAddress() {
    return "%s, RT %s/RW %s, %s".formatted(address, rt, rw, kelurahan);
  }

  /** The value of a field, as the database holds it (enums by name). */
  public Object value(ResidentField field) {
    return switch (field) {
      case FULL_NAME -> fullName;
      case KK_NUMBER -> kkNumber;
      case BIRTH_DATE -> birthDate;
      case SEX -> sex == null ? null : sex.name();
      case ADDRESS -> address;
      case RT -> rt;
      case RW -> rw;
      case KELURAHAN -> kelurahan;
      case PHONE -> phone;
      case FAMILY_RELATIONSHIP -> familyRelationship;
      case DTKS_STATUS -> dtksStatus == null ? null : dtksStatus.name();
      case DESIL -> desil;
      case REGISTRY_UPDATED_ON -> registryUpdatedOn;
      case DECEASED -> deceased;
      case MOVED_AWAY -> movedAway;
    };
  }
}
