package id.puskesos.rujukan.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A case's referral to one program, with the partner's decision and what was given. */
public record ProgramReferral(
    String programCode,
    String partnerCode,
    ProgramStatus status,
    String statusReason,
    OffsetDateTime referredAt,
    String infoRequest,
    String infoResponse,
    String plannedAid,
    OffsetDateTime decidedAt,
    String decidedBy,
    BigDecimal aidAmount,
    String aidItems,
    LocalDate distributedOn,
    String proofReference,
    String distributedBy) {
}
