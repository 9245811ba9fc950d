package id.puskesos.rujukan.process;

/** Names in {@code processes/referral-withdrawal.bpmn} that code and tests refer to. */
public final class WithdrawalProcess {

  public static final String PROCESS_ID = "referral-withdrawal";
  public static final String END_WITHDRAWAL_RECORDED = "end_withdrawalRecorded";

  private WithdrawalProcess() {
  }
}
