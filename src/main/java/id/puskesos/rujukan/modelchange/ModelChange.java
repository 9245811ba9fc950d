package id.puskesos.rujukan.modelchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model change as the API shows it: what was proposed and why, by whom and when, the checks, the simulation's id
 * (its figures at {@code /api/simulations/{id}}), for a BPMN change the migration preview and, once deployed, the
 * migration's outcome; the approvals of every revision; the deployment.
 */
public record ModelChange(String number, ChangeKind kind, ChangeStatus status, String statusLabel, int revision,
    String reason, Long actionItemId, String submittedBy, Instant submittedAt, LocalDate simulateFrom,
    LocalDate simulateTo, List<String> files, Map<String, String> renames, List<ChangeRequest.TopUpRequest> topUps,
    String targetKey, Integer baseVersion, List<ChangeCheck> checks, Long simulationId, JsonNode migrationPreview,
    List<Approval> approvals, String deployedBy, Instant deployedAt, String deploymentId, Integer deployedVersion,
    String migrationBatch, JsonNode migrationOutcome) {

  /** One approver group's decision on one revision. */
  public record Approval(int revision, String group, String decision, String note, String decidedBy,
      Instant decidedAt) {
  }

  /** {@code UA-000012}: the change's number, from its row's id. */
  public static String number(long id) {
    return "UA-%06d".formatted(id);
  }

  /** The row's id in a change number; -1 when the text is not one. */
  public static long id(String number) {
    if (number == null || !number.matches("UA-\\d{6,12}")) {
      return -1;
    }
    return Long.parseLong(number.substring(3));
  }
}
