package id.puskesos.rujukan.process;

/** Names in {@code processes/data-reverification.bpmn} and {@code resident-reverification.bpmn}. */
public final class ReverificationProcesses {

  private ReverificationProcesses() {
  }

  /** The monthly round: weekly batches of field re-verification. */
  public static final class Round {
    public static final String PROCESS_ID = "data-reverification";
    public static final String START_REVERIFICATION_DUE = "start_reverificationDue";
    public static final String TASK_ISSUE_REVERIFICATION_BATCH = "task_issueReverificationBatch";
    public static final String TIMER_NEXT_WEEK = "timer_nextWeek";
    public static final String END_ROUND_COMPLETE = "end_roundComplete";

    private Round() {
    }
  }

  /** One resident's re-verification by a fasilitator. */
  public static final class Resident {
    public static final String PROCESS_ID = "resident-reverification";
    public static final String TASK_REVERIFY_RESIDENT = "task_reverifyResident";
    public static final String END_RESIDENT_REVERIFIED = "end_residentReverified";

    private Resident() {
    }
  }
}
