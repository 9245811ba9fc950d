package id.puskesos.rujukan.modelchange;

/** An approver group's answer on the approval form ({@code forms/approve-model-change.form}). */
public enum ApprovalDecision {
  APPROVE, SEND_BACK
}
