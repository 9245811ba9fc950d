package id.puskesos.rujukan.intake;

/** What became of an intake: a new case, or a complaint merged into the resident's open case. */
public record IntakeResult(String referralNumber, String processInstanceId, boolean merged) {
}
