package id.puskesos.rujukan.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.IntakeRecord;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.ReferralNumbers;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * Registers complaints and proposals: one set of rules and one numbering for the API and Tasklist's start form.
 * A resident with an open case never gets a second one: the new complaint is merged into the open case.
 */
@Service
public class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

  private final IntakeValidator validator;
  private final Registry registry;
  private final CaseFile caseFile;
  private final ReferralNumbers numbers;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final PuskesosDirectory puskesos;
  private final CaseAccess caseAccess;

  public IntakeService(IntakeValidator validator, Registry registry, CaseFile caseFile,
      ReferralNumbers numbers, RuntimeService runtimeService, PlatformTransactionManager transactionManager,
      PuskesosDirectory puskesos, CaseAccess caseAccess) {
    this.puskesos = puskesos;
    this.caseAccess = caseAccess;
    this.validator = validator;
    this.registry = registry;
    this.caseFile = caseFile;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * Intake from an integrating system: validates, then opens a case (the process starts at its API start event)
   * or merges into the open one. Nothing is written when the input is invalid. Two first intakes for the same
   * new resident at the same moment collide on the resident's NIK; the loser is retried once and then merges.
   */
  public IntakeResult submit(IntakeRequest request, String actor) {
    ValidIntake intake = validator.validate(request);
    String tenant = puskesos.forNewCase(request.puskesos());
    try {
      return transaction.execute(status -> register(intake, tenant, actor, this::startFromApi));
    } catch (DataIntegrityViolationException concurrentFirstIntake) {
      LOG.info("Intake for NIK {} collided with a concurrent one; retrying",
          PersonalData.maskNik(intake.resident().nik()));
      return transaction.execute(status -> register(intake, tenant, actor, this::startFromApi));
    }
  }

  /**
   * Registers a complaint whose process is started by the caller (Tasklist's start form, where the instance exists
   * already, in its Puskesos {@code tenant}). Validates; the starter is called only for a new case, with its number
   * and process variables.
   */
  public IntakeResult register(IntakeRequest request, String tenant, String actor, ProcessStarter starter) {
    ValidIntake intake = validator.validate(request);
    return register(intake, tenant == null ? puskesos.forNewCase(request.puskesos()) : tenant, actor, starter);
  }

  /**
   * A resident has one open case in the city: a complaint at any Puskesos joins it, also when the case is another
   * Puskesos's (the resident moved); the caller is told where it is.
   */
  private IntakeResult register(ValidIntake intake, String tenant, String actor, ProcessStarter starter) {
    Resident resident = registry.lockOrCreate(intake.resident(), actor,
        "Pengaduan warga (" + intake.complaint().channel().label() + ")");
    var openCase = caseFile.findOpenCase(resident.id());
    if (openCase.isPresent()) {
      ReferralRecord open = openCase.get();
      caseAccess.withoutAuthorization(() -> {
        mergeInto(open, intake.complaint(), actor);
        return null;
      });
      recordWarnings(open.referralNumber(), intake, actor);
      List<FieldError> warnings = new ArrayList<>(intake.warnings());
      if (!open.tenantId().equals(tenant)) {
        warnings.add(new FieldError(PuskesosDirectory.FIELD, "Warga sudah punya kasus terbuka %s di %s; pengaduan ini "
            .formatted(open.referralNumber(), puskesos.of(open.tenantId()).title()) + "ditambahkan ke kasus itu"));
      }
      return new IntakeResult(open.referralNumber(), open.processInstanceId(), true, warnings);
    }
    String number = numbers.next(tenant);
    caseFile.open(number, tenant, resident.id(), intake.complaint(), actor);
    recordWarnings(number, intake, actor);
    String processInstanceId = starter.start(number, variables(number, resident, intake.complaint()));
    caseFile.attachProcess(number, processInstanceId);
    LOG.info("Referral {} opened for NIK {}", number, PersonalData.maskNik(resident.nik()));
    return new IntakeResult(number, processInstanceId, false, intake.warnings());
  }

  private void recordWarnings(String number, ValidIntake intake, String actor) {
    intake.warnings().forEach(w -> caseFile.record(number, EventType.DATA_WARNING, actor, "Peringatan data: "
        + w.message()));
  }

  private String startFromApi(String number, Map<String, Object> variables) {
    return runtimeService.createMessageCorrelation(ReferralProcess.MSG_REFERRAL_SUBMITTED)
        .processInstanceBusinessKey(number)
        .setVariables(variables)
        .correlateStartMessage()
        .getId();
  }

  /**
   * The open case learns of the new complaint: its needs and description on the process, and, once programs are
   * chosen, a task for the back office to review what was added.
   */
  private void mergeInto(ReferralRecord openCase, IntakeRecord complaint, String actor) {
    String number = openCase.referralNumber();
    caseFile.merge(number, complaint, actor);
    Set<Need> all = caseFile.needs(number);
    String pid = openCase.processInstanceId();
    Object description = runtimeService.getVariable(pid, CaseVariables.DESCRIPTION.name());
    Map<String, Object> update = new HashMap<>();
    CaseVariables.NEEDS.put(update, all.stream().map(Need::name).toList());
    CaseVariables.NEEDS_SUMMARY.put(update, Need.summary(all));
    CaseVariables.DESCRIPTION.put(update, description + "\n\n[Tambahan, %s] %s".formatted(
        complaint.channel().label(), complaint.description()));
    if (complaint.urgent()) {
      CaseVariables.URGENT.put(update, true);
    }
    runtimeService.setVariables(pid, update);
    if (openCase.stage().isPastRouting()) {
      runtimeService.createMessageCorrelation(ReferralProcess.MSG_NEEDS_ADDED).processInstanceId(pid).correlate();
    }
    LOG.info("Complaint merged into open referral {}", number);
  }

  private static Map<String, Object> variables(String number, Resident resident, IntakeRecord complaint) {
    Map<String, Object> v = new HashMap<>();
    CaseVariables.REFERRAL_NUMBER.put(v, number);
    CaseVariables.RESIDENT_ID.put(v, resident.id());
    CaseVariables.RESIDENT_NAME.put(v, resident.fullName());
    CaseVariables.NIK_MASKED.put(v, PersonalData.maskNik(resident.nik()));
    CaseVariables.ADDRESS.put(v, resident.fullAddress());
    CaseVariables.NEEDS.put(v, complaint.needs().stream().map(Need::name).toList());
    CaseVariables.NEEDS_SUMMARY.put(v, Need.summary(complaint.needs()));
    CaseVariables.DESCRIPTION.put(v, complaint.description());
    CaseVariables.CHANNEL.put(v, complaint.channel().name());
    CaseVariables.URGENT.put(v, complaint.urgent());
    return v;
  }
}
