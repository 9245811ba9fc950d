package id.puskesos.rujukan.catalogue;

/**
 * A partner organisation. {@code group} is the Camunda group whose staff decide its referrals; a non-government
 * partner only receives a resident's data with the resident's consent (UU PDP).
 */
public record Partner(String code, String name, String group, boolean government) {
}
