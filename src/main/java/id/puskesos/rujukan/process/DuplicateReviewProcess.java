package id.puskesos.rujukan.process;

/** Names in {@code processes/duplicate-review.bpmn} that code and tests refer to. */
public final class DuplicateReviewProcess {

  public static final String PROCESS_ID = "duplicate-review";
  public static final String TASK_REVIEW_DUPLICATE = "task_reviewDuplicate";
  public static final String END_DUPLICATE_REVIEWED = "end_duplicateReviewed";

  private DuplicateReviewProcess() {
  }
}
