package id.puskesos.rujukan.referral;

import java.util.Set;

/** One complaint or proposal as it is kept in the case file. */
public record IntakeRecord(Channel channel, Set<Need> needs, String description, boolean urgent) {
}
