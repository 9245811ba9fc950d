package id.puskesos.rujukan.grievance;

/**
 * A grievance as the front office, the API or the WhatsApp webhook gives it; the fields are named as the start form's
 * keys (the variables of {@code GrievanceProcess.Variables}), so a refusal names the same field at every door.
 *
 * @param grievanceReferral the referral it is about, optional ({@code RJK-2026-000123})
 * @param grievanceKind {@link GrievanceKind}'s name
 * @param grievanceChannel {@link GrievanceChannel}'s name
 * @param grievanceText the complaint in the resident's words (at most 2,000 characters)
 * @param grievanceAbout {@code PUSKESOS} or a partner's code from the catalogue ({@code BAZNAS})
 */
public record GrievanceRequest(String grievanceReferral, String grievanceKind, String grievanceChannel,
    String grievanceText, String grievanceAbout) {
}
