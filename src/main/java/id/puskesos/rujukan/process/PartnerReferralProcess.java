package id.puskesos.rujukan.process;

/** Names in {@code processes/partner-referral.bpmn} that code and tests refer to. */
public final class PartnerReferralProcess {

  public static final String PROCESS_ID = "partner-referral";

  public static final String TASK_SEND_REFERRAL = "task_sendReferral";
  public static final String TASK_DECIDE_REFERRAL = "task_decideReferral";
  public static final String TIMER_DECISION_OVERDUE = "timer_decisionOverdue";
  public static final String END_PARTNER_KEEPS_REFERRAL = "end_partnerKeepsReferral";
  public static final String TASK_TRY_ALTERNATIVE = "task_tryAlternative";
  public static final String TASK_PROVIDE_INFORMATION = "task_provideInformation";
  public static final String GATEWAY_WAIT_FOR_BUDGET = "gateway_waitForBudget";
  public static final String TIMER_WAIT_LIMIT = "timer_waitLimit";
  public static final String TASK_REVIEW_WAITING = "task_reviewWaiting";
  public static final String TASK_DISTRIBUTE_AID = "task_distributeAid";
  public static final String END_REFERRAL_REJECTED = "end_referralRejected";
  public static final String END_WAITING_CANCELLED = "end_waitingCancelled";
  public static final String RECEIVE_PROPOSAL_DECIDED = "receive_proposalDecided";
  public static final String TIMER_PROPOSAL_CYCLE_OVER = "timer_proposalCycleOver";
  public static final String END_PROPOSAL_ENROLLED = "end_proposalEnrolled";
  public static final String END_AID_DISTRIBUTED = "end_aidDistributed";

  /** Budget was reserved for a case on the waiting list (a partner's top-up). */
  public static final String MSG_BUDGET_RESERVED = "msg_budgetReserved";
  /** The imported decision list of a period decided the household's proposal (or carried it over). */
  public static final String MSG_PROPOSAL_DECIDED = "msg_proposalDecided";

  private PartnerReferralProcess() {
  }
}
