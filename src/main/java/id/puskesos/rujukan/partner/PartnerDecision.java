package id.puskesos.rujukan.partner;

/** A partner's answer to a referral. */
public enum PartnerDecision {
  ACCEPT, REJECT, REQUEST_INFO
}
