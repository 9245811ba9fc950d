package id.puskesos.rujukan.process;

/** Names in {@code processes/partner-referral.bpmn} that code and tests refer to. */
public final class PartnerReferralProcess {

  public static final String PROCESS_ID = "partner-referral";

  public static final String TASK_DECIDE_REFERRAL = "task_decideReferral";
  public static final String TASK_PROVIDE_INFORMATION = "task_provideInformation";
  public static final String TASK_DISTRIBUTE_AID = "task_distributeAid";
  public static final String END_REFERRAL_REJECTED = "end_referralRejected";
  public static final String END_AID_DISTRIBUTED = "end_aidDistributed";

  private PartnerReferralProcess() {
  }
}
