package id.puskesos.rujukan.partner;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.routing.Partner;
import id.puskesos.rujukan.routing.Program;
import id.puskesos.rujukan.routing.ProgramCatalogue;

/** A partner's side of a referral: its decision, questions back to the Puskesos, and the answers. */
@Service
@Transactional
public class PartnerService {

  private final ProgramCatalogue catalogue;
  private final CaseFile caseFile;

  public PartnerService(ProgramCatalogue catalogue, CaseFile caseFile) {
    this.catalogue = catalogue;
    this.caseFile = caseFile;
  }

  public Program program(String code) {
    return catalogue.program(code);
  }

  public Partner partnerOf(Program program) {
    return catalogue.partnerOf(program);
  }

  /** Records the decision; a rejection needs its reason, a question its text. */
  public void decide(String referralNumber, String programCode, PartnerDecision decision, String rejectionReason,
      String infoRequest, String plannedAid, String actor) {
    Checks checks = new Checks();
    checks.check(decision != PartnerDecision.REJECT || rejectionReason != null, "rejectionReason",
        "Alasan penolakan wajib diisi");
    checks.check(decision != PartnerDecision.REQUEST_INFO || infoRequest != null, "infoRequest",
        "Informasi yang dibutuhkan wajib diisi");
    checks.throwIfAny();
    Program program = catalogue.program(programCode);
    switch (decision) {
      case ACCEPT -> {
        caseFile.recordDecision(referralNumber, programCode, ProgramStatus.ACCEPTED, null, plannedAid, actor);
        caseFile.record(referralNumber, EventType.PARTNER_ACCEPTED, actor, "%s menerima rujukan %s%s".formatted(
            catalogue.partnerOf(program).name(), program.name(), plannedAid == null ? "" : ": " + plannedAid));
      }
      case REJECT -> {
        caseFile.recordDecision(referralNumber, programCode, ProgramStatus.REJECTED, rejectionReason, null, actor);
        caseFile.record(referralNumber, EventType.PARTNER_REJECTED, actor, "%s menolak rujukan %s: %s".formatted(
            catalogue.partnerOf(program).name(), program.name(), rejectionReason));
      }
      case REQUEST_INFO -> caseFile.requestInformation(referralNumber, programCode, infoRequest, actor);
    }
  }

  public void provideInformation(String referralNumber, String programCode, String answer, String actor) {
    Checks checks = new Checks();
    String text = checks.required("infoResponse", answer, "Jawaban untuk mitra");
    checks.throwIfAny();
    caseFile.provideInformation(referralNumber, programCode, text, actor);
  }
}
