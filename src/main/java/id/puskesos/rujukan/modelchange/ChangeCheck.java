package id.puskesos.rujukan.modelchange;

import java.util.List;

/**
 * One check of a proposed change and what it found: {@code PASSED}, {@code FAILED} (the problems, in Bahasa
 * Indonesia, for the analyst) or {@code NOT_RUN} (with why; not a failure, shown to the approvers).
 */
public record ChangeCheck(String name, String outcome, List<String> problems) {

  public static final String PASSED = "PASSED";
  public static final String FAILED = "FAILED";
  public static final String NOT_RUN = "NOT_RUN";

  static ChangeCheck of(String name, List<String> problems) {
    return new ChangeCheck(name, problems.isEmpty() ? PASSED : FAILED, List.copyOf(problems));
  }

  static ChangeCheck notRun(String name, String why) {
    return new ChangeCheck(name, NOT_RUN, List.of(why));
  }

  public boolean failed() {
    return FAILED.equals(outcome);
  }
}
