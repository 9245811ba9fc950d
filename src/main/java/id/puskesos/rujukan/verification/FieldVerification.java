package id.puskesos.rujukan.verification;

import java.util.List;

/** What the fasilitator found and entered on a field verification (home visit), as the form sent it. */
public record FieldVerification(
    String visitDate,
    String findings,
    String address,
    String rt,
    String rw,
    String phone,
    String dtksStatus,
    Long desil,
    boolean deceased,
    boolean movedAway,
    List<String> opinionsRequested,
    String result,
    String notEligibleReason) {
}
