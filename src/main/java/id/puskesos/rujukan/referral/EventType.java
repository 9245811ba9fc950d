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
  /** The back office's recommendation for the case (the SLRT order), before the koordinator decides it. */
  RECOMMENDATION_PREPARED,
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
  /** A photo or scan of a handover's receipt attached to the program. */
  HANDOVER_PROOF_ATTACHED,
  FOLLOWED_UP,
  /** The resident's own answer (YA or TIDAK, by WhatsApp) to whether a handover's aid arrived. */
  RESIDENT_ANSWERED_RECEIPT,
  DISCREPANCY_OPENED,
  DISCREPANCY_RESOLVED,
  /** A late task escalated to the manager (service levels). */
  ESCALATED,
  /** The case handed to the city SLRT, and the city's answer. */
  ESCALATED_TO_CITY,
  CITY_ANSWERED,
  /** The open case handed over to the Puskesos of the kelurahan the resident moved to. */
  HANDED_OVER,
  /** A national program: proposed in the period's SIKS-NG batch, and the ministry's decision. */
  PROPOSAL_BATCHED,
  PROPOSAL_DECIDED,
  NEEDS_REVIEWED,
  /** A resident's complaint about the service, linked to this case, and what became of it (docs/grievances.md). */
  GRIEVANCE_OPENED,
  GRIEVANCE_RESOLVED,
  GRIEVANCE_PARTNER_ANSWERED,
  CLOSED
}
