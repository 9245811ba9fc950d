package id.puskesos.rujukan.budget;

/** What an accepted referral holds of a program's budget. */
public enum CommitmentStatus {
  /** On the program's waiting list: accepted, but the budget could not cover it. */
  WAITING,
  /** Reserved: the money or goods are set aside for the resident. */
  RESERVED,
  /** Handed over in full (or the rest released after the last handover). */
  DISBURSED,
  /** Given back: rejected, cancelled, withdrawn or redirected. */
  RELEASED
}
