package id.puskesos.rujukan.grievance;

import java.time.OffsetDateTime;

/** A stored grievance, as the API shows it to those who may see it. */
public record Grievance(String grievanceNumber, String referralNumber, GrievanceKind kind, String kindLabel,
    GrievanceChannel channel, String channelLabel, String text, String aboutCode, String aboutName, String status,
    OffsetDateTime receivedAt, String receivedBy, String processInstanceId, String finding, String actionTaken,
    GrievanceOutcome outcome, String outcomeLabel, Boolean residentInformed, OffsetDateTime resolvedAt,
    String resolvedBy, String partnerAnswer, OffsetDateTime partnerAnsweredAt) {

  /** The code of the Puskesos itself as the organisation a grievance is about. */
  public static final String PUSKESOS = "PUSKESOS";
  public static final String PUSKESOS_NAME = "Puskesos (kelurahan kasusnya)";

  /** Status: waiting for the koordinator, forwarded to the partner, or closed. */
  public static final String OPEN = "OPEN";
  public static final String FORWARDED = "FORWARDED";
  public static final String RESOLVED = "RESOLVED";
}
