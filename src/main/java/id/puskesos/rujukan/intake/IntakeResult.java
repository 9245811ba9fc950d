package id.puskesos.rujukan.intake;

import java.util.List;

import id.puskesos.rujukan.common.FieldError;

/**
 * What became of an intake: a new case, or a complaint merged into the resident's open case; and what looked odd
 * in it without stopping it (e.g. a region code this installation does not know).
 */
public record IntakeResult(String referralNumber, String processInstanceId, boolean merged,
    List<FieldError> warnings) {
}
