package id.puskesos.rujukan.process;

/** Names in {@code processes/dtks-inclusion.bpmn} that code and tests refer to. */
public final class DtksInclusionProcess {

  public static final String PROCESS_ID = "dtks-inclusion";
  public static final String TASK_SUBMIT_DTKS_PROPOSAL = "task_submitDtksProposal";
  public static final String TASK_RECORD_DTKS_RESULT = "task_recordDtksResult";
  public static final String END_PROPOSAL_DECLINED = "end_proposalDeclined";
  public static final String END_PROPOSAL_DECIDED = "end_proposalDecided";

  private DtksInclusionProcess() {
  }
}
