package id.puskesos.rujukan.referral;

/** Kinds of entries in a case's timeline. */
public enum EventType {
  INTAKE_RECEIVED,
  INTAKE_MERGED,
  DATA_WARNING,
  STAGE_ENTERED,
  REGISTRY_CHECKED,
  HOME_VISITED,
  DTKS_PROPOSED,
  OPINION_GIVEN,
  ASSESSED,
  /** Earlier cases only: the back office's draft recommendation, before routing by the eligibility table. */
  RECOMMENDATION_DRAFTED,
  ROUTED,
  SERVICE_DECIDED,
  PROGRAM_REFERRED,
  PROGRAM_SKIPPED,
  PARTNER_ACCEPTED,
  PARTNER_REJECTED,
  BUDGET_WAITING,
  BUDGET_RESERVED,
  WAITING_REVIEWED,
  INFO_REQUESTED,
  INFO_PROVIDED,
  AID_DISTRIBUTED,
  FOLLOWED_UP,
  ESCALATED,
  NEEDS_REVIEWED,
  CLOSED
}
