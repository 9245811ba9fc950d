package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.PROGRAM_CODE;
import static id.puskesos.rujukan.process.CaseVariables.caseNumber;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.CaseFile.PartnerAssignment;

/**
 * The case and the program a partner-referral process instance works on, from what the engine and the case file
 * recorded: the case is the instance's business key (the call activity in referral.bpmn passes it on), the program
 * the one the case file assigned to the instance when it was sent, redirected or moved to the next alternative. Never
 * the variables {@code referralNumber} and {@code programCode}: a form submission (or anything else that sets process
 * variables) could overwrite them. {@code programCode} is still kept in step, for the forms and the Tasklist filters.
 */
@Component
public class PartnerReferrals {

  private final CaseFile caseFile;

  public PartnerReferrals(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  /** What the instance works on now; it must have been sent ({@code task_sendReferral}) before. */
  public PartnerAssignment current(DelegateExecution execution) {
    String number = caseNumber(execution);
    PartnerAssignment assignment = caseFile.partnerAssignment(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("Partner referral " + execution.getProcessInstanceId()
            + " of " + number + " has no program on record"));
    if (!assignment.referralNumber().equals(number)) {
      throw new IllegalStateException("Partner referral " + execution.getProcessInstanceId() + " belongs to "
          + number + " but its program is recorded for " + assignment.referralNumber());
    }
    return assignment;
  }

  /**
   * At {@code task_sendReferral}: the program on record, or, when the instance is sent for the first time, the one its
   * call activity passed in (routing's choice, or the program the back office added), which the case file must hold
   * for the case; from then on it is the instance's program.
   */
  public PartnerAssignment sending(DelegateExecution execution) {
    if (caseFile.partnerAssignment(execution.getProcessInstanceId()).isPresent()) {
      return current(execution);
    }
    String program = PROGRAM_CODE.get(execution);
    if (program == null) {
      throw new IllegalStateException("Partner referral " + execution.getProcessInstanceId() + " has no program");
    }
    goOnWith(execution, program);
    return current(execution);
  }

  /** The instance goes on with another program of its case (a redirect, or the next alternative). */
  public void goOnWith(DelegateExecution execution, String programCode) {
    caseFile.assignPartnerInstance(caseNumber(execution), programCode, execution.getProcessInstanceId());
    PROGRAM_CODE.set(execution, programCode);
  }
}
