package id.puskesos.rujukan.modelchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the analyst submits ({@code POST /api/model-changes}) or revises ({@code PUT /api/model-changes/{number}}):
 * the kind, the reason, optionally the evaluation's action item it carries out, the files (text: BPMN, DMN, its
 * {@code .tests.json}, {@code .form}), for a BPMN change the activities renamed to a new id (old id to new id), for a
 * budget change the top-ups, and the past period to simulate (default: the last full quarter).
 */
public record ChangeRequest(String kind, String reason, Long actionItemId, List<ChangeFile> files,
    Map<String, String> renames, List<TopUpRequest> topUps, LocalDate simulateFrom, LocalDate simulateTo) {

  /** A file of the change, by its name in {@code processes/} or {@code forms/}. */
  public record ChangeFile(String name, String content) {
  }

  /** A budget added to a program's period, in the program's unit. */
  public record TopUpRequest(String programCode, String period, Long amount) {
  }
}
