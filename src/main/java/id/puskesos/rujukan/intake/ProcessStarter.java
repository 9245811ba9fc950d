package id.puskesos.rujukan.intake;

import java.util.Map;

/** Starts (or adopts) the referral process of a new case; returns the process instance id. */
@FunctionalInterface
public interface ProcessStarter {

  String start(String referralNumber, Map<String, Object> variables);
}
