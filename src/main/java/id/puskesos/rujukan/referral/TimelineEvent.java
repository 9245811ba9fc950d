package id.puskesos.rujukan.referral;

import java.time.OffsetDateTime;

/** One entry of a case's timeline. */
public record TimelineEvent(OffsetDateTime at, String actor, EventType type, String detail) {
}
