package id.puskesos.rujukan.catalogue;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A partner organisation. {@code group} is the Camunda group whose staff decide its referrals; a non-government
 * partner only receives a resident's data with the resident's consent (UU PDP). An inactive partner (deactivated by
 * an administrator) receives no new referrals; the work it already has stays its own.
 */
public record Partner(String code, String name, String group, boolean government,
    @DefaultValue("true") boolean active) {
}
