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
  public CheckRegistryDelegate(VerificationService verificationService) {
    this.verificationService = verificationService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VerificationService.RegistryCheck check = verificationService.check(caseNumber(execution), Actors.SYSTEM);
    Resident r = check.resident();
    NEEDS_FIELD_VERIFICATION.set(execution, check.needsFieldVerification());
    DTKS_LISTED.set(execution, check.dtksListed());
    REGISTRY_FINDINGS.set(execution, check.summary());
    CORRECTED_ADDRESS.set(execution, r.address());
    CORRECTED_RT.set(execution, r.rt());
    CORRECTED_RW.set(execution, r.rw());
    DTKS_STATUS.set(execution, r.dtksStatus() == null ? null : r.dtksStatus().name());
    DESIL.set(execution, r.desil());
    DECEASED.set(execution, r.deceased());
    MOVED_AWAY.set(execution, r.movedAway());
  }
}
