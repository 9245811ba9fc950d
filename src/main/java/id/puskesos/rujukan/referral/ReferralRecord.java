package id.puskesos.rujukan.referral;

import java.time.OffsetDateTime;

/** A referral case as the case file holds it; {@code tenantId} is its Puskesos (kelurahan code). */
public record ReferralRecord(
    String referralNumber,
    long residentId,
    String processInstanceId,
    Channel channel,
    boolean urgent,
    boolean open,
    Stage stage,
    Outcome outcome,
    String outcomeReason,
    OffsetDateTime receivedAt,
    String receivedBy,
    OffsetDateTime closedAt,
    String closedBy,
    String tenantId) {
}
