package id.puskesos.rujukan.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import id.puskesos.rujukan.registry.NationalMemberships;

/**
 * A case as the API shows it: status, stage, outcome, programs and decisions, open tasks and timeline; the complaints
 * as made (Puskesos staff only); {@code needs} as codes and {@code needLabels} as staff read them.
 */
public record ReferralView(
    String referralNumber,
    String status,
    String stage,
    String stageLabel,
    String outcome,
    String outcomeLabel,
    String outcomeReason,
    Resident resident,
    String channel,
    boolean urgent,
    OffsetDateTime receivedAt,
    OffsetDateTime closedAt,
    List<String> needs,
    List<Program> programs,
    List<RoutingChoice> routing,
    Integer eligibilityTableVersion,
    List<OpenTask> openTasks,
    List<TimelineEntry> timeline,
    List<Complaint> complaints,
    List<String> needLabels) {

  /**
   * Only what identifies the case to staff: the NIK is masked; {@code fullNikUrl} where the caller may read the whole
   * number (each read logged), else null. {@code nationalPrograms}: the national programs the household is a member
   * of by the DTKS/DTSEN extract (KKS masked); empty for a partner's staff.
   */
  public record Resident(String name, String nikMasked, String kelurahan,
      List<NationalMemberships.Membership> nationalPrograms, String fullNikUrl) {
  }

  /**
   * A program the case was referred to: what routing proposed, the partner's decision, the letter (its PDF at
   * {@code letterUrl}), what was handed over so far, and the photos and scans of the handovers' receipts;
   * {@code mayAttachProof}: the caller is the partner's staff and the program is approved for handover.
   */
  public record Program(String code, String name, String partner, String status, String statusLabel,
      Long proposedAmount, String proposalBasis, String decidedBy, OffsetDateTime decidedAt, String rejectionCode,
      String reason, String infoRequest, String plannedAid, Long grantedAmount, String letterNumber, String letterUrl,
      BigDecimal aidAmount, String aidItems, LocalDate distributedOn, String distributedBy,
      List<HandoverProof> handoverProofs, boolean mayAttachProof) {
  }

  /** A photo or scan of a handover's receipt: its type, size and SHA-256, who attached it and when, its file at url. */
  public record HandoverProof(long id, String contentType, long size, String sha256, OffsetDateTime uploadedAt,
      String uploadedBy, String url) {

    public static HandoverProof of(String number, HandoverProofs.Proof proof) {
      return new HandoverProof(proof.id(), proof.contentType(), proof.size(), proof.sha256(), proof.uploadedAt(),
          proof.uploadedBy(), "/api/referrals/%s/programs/%s/handover-proofs/%d".formatted(number,
              proof.programCode(), proof.id()));
    }
  }

  /**
   * The routing explanation, need by need: the program chosen, its alternatives in the order they are tried, what
   * was excluded and why, what was tried and did not deliver, and what was added by hand (need null). A zakat
   * institution's line says its fund (ZAKAT, INFAQ) and, for zakat, the asnaf the household is served as.
   */
  public record RoutingChoice(String need, String needLabel, String program, String programName, int rank,
      String role, String roleLabel, String reason, String fund, String fundLabel, String asnaf, String asnafLabel) {
  }

  public record OpenTask(String id, String name, String taskDefinitionKey, List<String> candidateGroups,
      String assignee, Date created, Date due) {
  }

  /** A complaint as the resident made it: when, by which channel, the needs named and the text, merged or first. */
  public record Complaint(OffsetDateTime receivedAt, String channel, String channelLabel, List<String> needs,
      String text, boolean urgent, boolean merged) {
  }

  public record TimelineEntry(OffsetDateTime at, String actor, String type, String text) {
  }
}
