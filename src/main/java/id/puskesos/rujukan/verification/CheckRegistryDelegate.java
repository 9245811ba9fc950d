package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.registry.Resident;

/**
 * {@code task_checkRegistry} in referral.bpmn: the automated check of the resident's record. Writes
 * {@code needsFieldVerification}, {@code dtksListed}, {@code registryFindings}, and the record's current facts as
 * the field verification form's starting values ({@code correctedAddress}, {@code correctedRt}, ...). The phone is
 * not among them: the form gets it from {@code registry.IdentityForms}, for the fasilitator only.
 */
@Component
public class CheckRegistryDelegate implements JavaDelegate {

  private final VerificationService verificationService;
  private final Actors actors;

  public CheckRegistryDelegate(VerificationService verificationService, Actors actors) {
    this.verificationService = verificationService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VerificationService.RegistryCheck check = verificationService.check(caseNumber(execution),
        actors.current());
    Resident r = check.resident();
    execution.setVariable(NEEDS_FIELD_VERIFICATION, check.needsFieldVerification());
    execution.setVariable(DTKS_LISTED, check.dtksListed());
    execution.setVariable(REGISTRY_FINDINGS, check.summary());
    execution.setVariable(CORRECTED_ADDRESS, r.address());
    execution.setVariable(CORRECTED_RT, r.rt());
    execution.setVariable(CORRECTED_RW, r.rw());
    execution.setVariable(DTKS_STATUS, r.dtksStatus() == null ? null : r.dtksStatus().name());
    execution.setVariable(DESIL, r.desil());
    execution.setVariable(DECEASED, r.deceased());
    execution.setVariable(MOVED_AWAY, r.movedAway());
  }
}
