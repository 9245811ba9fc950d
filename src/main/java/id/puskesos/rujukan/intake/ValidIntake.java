package id.puskesos.rujukan.intake;

import java.util.List;

import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.referral.IntakeRecord;
import id.puskesos.rujukan.registry.ResidentDetails;

/** An intake that passed validation: who the resident is, what they ask for, and what looked odd. */
public record ValidIntake(ResidentDetails resident, IntakeRecord complaint, List<FieldError> warnings) {
}
