package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.RegistryVariables.DECLINE_REASON;
import static id.puskesos.rujukan.process.RegistryVariables.LISTED_ON;
import static id.puskesos.rujukan.process.RegistryVariables.PROPOSAL_OUTCOME;
import static id.puskesos.rujukan.process.RegistryVariables.PROPOSAL_REFERENCE;
import static id.puskesos.rujukan.process.RegistryVariables.RESULT_DESIL;
import static id.puskesos.rujukan.process.RegistryVariables.RESULT_OUTCOME;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.DtksInclusionProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.registry.ChangeSource;
import id.puskesos.rujukan.registry.DtksStatus;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.registry.ResidentField;

/**
 * Proposals to include a resident in DTKS/DTSEN: sent to Dinas Sosial as tracked work (dtks-inclusion.bpmn)
 * while the resident's case goes on; the outcome updates the registry with history.
 */
@Service
@Transactional
public class DtksInclusion {

  /** How the timeline begins a new proposal (the figures count them by it). */
  public static final String PROPOSED = "Diusulkan masuk DTKS/DTSEN";

  public enum ProposalOutcome {
    SUBMITTED, DECLINED
  }

  public enum Result {
    LISTED, NOT_ACCEPTED
  }

  private final Registry registry;
  private final CaseFile caseFile;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public DtksInclusion(Registry registry, CaseFile caseFile, RuntimeService runtimeService, Clock clock) {
    this.registry = registry;
    this.caseFile = caseFile;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Proposes the case's resident, unless a proposal for them is already under way. Returns whether one started. */
  public boolean propose(String referralNumber, String findings, String actor) {
    long residentId = caseFile.get(referralNumber).residentId();
    boolean underWay = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(DtksInclusionProcess.PROCESS_ID)
        .variableValueEquals(CaseVariables.RESIDENT_ID.name(), residentId).count() > 0;
    if (underWay) {
      caseFile.record(referralNumber, EventType.DTKS_PROPOSED, actor,
          "Usulan masuk DTKS/DTSEN untuk warga ini sudah berjalan di Dinas Sosial");
      return false;
    }
    Resident r = registry.get(residentId);
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.REFERRAL_NUMBER.put(variables, referralNumber);
    CaseVariables.RESIDENT_ID.put(variables, residentId);
    CaseVariables.RESIDENT_NAME.put(variables, r.fullName());
    CaseVariables.NIK_MASKED.put(variables, PersonalData.maskNik(r.nik()));
    CaseVariables.ADDRESS.put(variables, r.fullAddress());
    CaseVariables.REGISTRY_FINDINGS.put(variables, findings);
    CaseVariables.URGENT.put(variables, false);
    runtimeService.startProcessInstanceByKey(DtksInclusionProcess.PROCESS_ID, referralNumber, variables);
    caseFile.record(referralNumber, EventType.DTKS_PROPOSED, actor,
        PROPOSED + " ke Dinas Sosial; rujukan ke program yang tidak mensyaratkan DTKS tetap berjalan");
    return true;
  }

  /** Dinsos submitted the proposal (with its SIKS-NG reference) or declined it (with a reason). */
  public void recordProposal(String referralNumber, ProposalOutcome outcome, String reference, String declineReason,
      String actor) {
    Checks checks = new Checks();
    checks.check(outcome != null, PROPOSAL_OUTCOME.name(), "Tindakan wajib dipilih");
    checks.check(outcome != ProposalOutcome.SUBMITTED || reference != null, PROPOSAL_REFERENCE.name(),
        "Nomor usulan SIKS-NG wajib diisi");
    checks.check(outcome != ProposalOutcome.DECLINED || declineReason != null, DECLINE_REASON.name(),
        "Alasan tidak diajukan wajib diisi");
    checks.throwIfAny();
    caseFile.record(referralNumber, EventType.DTKS_PROPOSED, actor, outcome == ProposalOutcome.SUBMITTED
        ? "Usulan DTKS/DTSEN diajukan Dinas Sosial (nomor " + reference + ")"
        : "Usulan DTKS/DTSEN tidak diajukan Dinas Sosial: " + declineReason);
  }

  /** The registry learns the outcome of a submitted proposal. */
  public void applyResult(String referralNumber, long residentId, Result result, Long desil, String listedOn,
      String reference, String note, String actor) {
    Checks checks = new Checks();
    checks.check(result != null, RESULT_OUTCOME.name(), "Hasil wajib dipilih");
    LocalDate date = null;
    if (result == Result.LISTED) {
      checks.check(desil != null && desil >= 1 && desil <= 10, RESULT_DESIL.name(), "Desil harus 1 sampai 10");
      date = checks.date(LISTED_ON.name(), listedOn, "Tanggal penetapan", true);
      // no lower bound from the case: the ministry may have listed the resident before the complaint reached us
      DateRule.of(checks, LISTED_ON.name(), "Tanggal penetapan", date).notInFuture(clock);
    }
    checks.throwIfAny();
    Map<ResidentField, Object> facts = new LinkedHashMap<>();
    facts.put(ResidentField.DTKS_STATUS, result == Result.LISTED ? DtksStatus.LISTED : DtksStatus.NOT_LISTED);
    if (result == Result.LISTED) {
      facts.put(ResidentField.DESIL, desil.intValue());
      facts.put(ResidentField.REGISTRY_UPDATED_ON, date);
    }
    registry.correct(residentId, facts, actor, ChangeSource.DTKS_PROPOSAL, "Hasil usulan DTKS/DTSEN " + reference);
    caseFile.record(referralNumber, EventType.DTKS_PROPOSED, actor, result == Result.LISTED
        ? "Warga masuk DTKS/DTSEN, desil " + desil + ", ditetapkan " + Dates.written(date)
        : "Usulan DTKS/DTSEN tidak diterima" + (note == null ? "" : ": " + note));
  }
}
