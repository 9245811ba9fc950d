package id.puskesos.rujukan.registry;

/** What a fasilitator entered on a re-verification visit, as the form sent it. */
public record ReverificationVisit(String visitDate, String address, String rt, String rw, String phone,
    String dtksStatus, Long desil, boolean deceased, boolean movedAway, String findings) {
}
