package id.puskesos.rujukan.registry;

import java.time.OffsetDateTime;

/**
 * One entry of a resident's correction history. {@code field} is a {@link ResidentField} name, or CREATED,
 * VERIFIED or MERGED for events of the whole record.
 */
public record ResidentChange(OffsetDateTime at, String by, ChangeSource source, String field, String oldValue,
    String newValue, String reason) {

  public static final String CREATED = "CREATED";
  public static final String VERIFIED = "VERIFIED";
  public static final String MERGED = "MERGED";
}
