package id.puskesos.rujukan.intake;

import id.puskesos.rujukan.referral.IntakeRecord;
import id.puskesos.rujukan.registry.ResidentDetails;

/** An intake that passed validation: who the resident is, and what they ask for. */
public record ValidIntake(ResidentDetails resident, IntakeRecord complaint) {
}
