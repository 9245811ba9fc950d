package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.registry.RegistryCheck;
import id.puskesos.rujukan.registry.RegistryCheck.DtksStatus;

/**
 * {@code task_recordVerification} in referral.bpmn. Reads the verify-resident form ({@code documentsChecked},
 * {@code dtksStatus}, {@code desil}, {@code registryUpdatedOn}, {@code deceasedOrMoved},
 * {@code verificationResult}, {@code notEligibleReason}, {@code verificationNote}); writes
 * {@code needsHomeVisit}.
 */
@Component
public class RecordVerificationDelegate implements JavaDelegate {

  private final VerificationService verificationService;
  private final Actors actors;

  public RecordVerificationDelegate(VerificationService verificationService, Actors actors) {
    this.verificationService = verificationService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    DtksStatus dtks = checks.oneOf(DtksStatus.class, DTKS_STATUS, string(execution, DTKS_STATUS), "Status DTKS/DTSEN");
    var result = checks.oneOf(Verification.Result.class, VERIFICATION_RESULT,
        string(execution, VERIFICATION_RESULT), "Hasil verifikasi");
    LocalDate updatedOn = checks.date(REGISTRY_UPDATED_ON, string(execution, REGISTRY_UPDATED_ON),
        "Tanggal pemutakhiran DTKS/DTSEN", false);
    checks.throwIfAny();
    Long desil = number(execution, DESIL);
    Verification verification = new Verification(flag(execution, DOCUMENTS_CHECKED),
        new RegistryCheck(dtks, desil == null ? null : desil.intValue(), updatedOn, flag(execution, DECEASED_OR_MOVED)),
        result, string(execution, NOT_ELIGIBLE_REASON), string(execution, VERIFICATION_NOTE));
    boolean homeVisit = verificationService.verify(string(execution, REFERRAL_NUMBER), verification, actors.current());
    execution.setVariable(NEEDS_HOME_VISIT, homeVisit);
  }
}
