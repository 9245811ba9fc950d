package id.puskesos.rujukan.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case's referral to one program: what routing proposed and why, the partner's decision (with its reason code),
 * the coordinator's letter, and what was handed over so far (amounts summed over the handovers).
 */
public record ProgramReferral(
    String programCode,
    String partnerCode,
    ProgramStatus status,
    String statusReason,
    String rejectionCode,
    OffsetDateTime referredAt,
    Long proposedAmount,
    String proposalBasis,
    String infoRequest,
    String infoResponse,
    String plannedAid,
    Long grantedAmount,
    OffsetDateTime decidedAt,
    String decidedBy,
    String letterNumber,
    BigDecimal aidAmount,
    String aidItems,
    LocalDate distributedOn,
    String proofReference,
    String distributedBy) {
}
