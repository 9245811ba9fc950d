package id.puskesos.rujukan.evaluation;

import java.time.OffsetDateTime;
import java.util.Map;

/** One participant's answer to an evaluation: what worked, the obstacles, ideas, and a 1-5 score per aspect. */
public record Feedback(String participant, String participantName, String worked, String obstacles, String ideas,
    Map<Aspect, Integer> scores, Map<Aspect, String> comments, OffsetDateTime answeredAt, String answeredBy) {
}
