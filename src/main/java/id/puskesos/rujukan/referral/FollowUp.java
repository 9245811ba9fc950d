package id.puskesos.rujukan.referral;

/** What the fasilitator found when following the case up after distribution. */
public record FollowUp(String aidReceived, String aidHelped, Integer satisfaction, String notes) {
}
