package id.puskesos.rujukan.partner;
// Size: a partner's decisions share the referral's state checks, the ledger and the budget.


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ReferralSettings;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.ReferralRecord;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.routing.RoutingService;

/**
 * A partner's side of a referral: its decision (an acceptance holds the program for the household in the ledger and
 * reserves the grant from the program's budget, or puts the case on the waiting list), questions back to the
 * Puskesos, the back office's review of a long wait. (The koordinator decided the case before it came to the partner:
 * {@code recommendation.Recommendations}; its letter went with it: {@link Letters}.) When the program cannot deliver (the household holds it through another case, the waiting list is longer
 * than {@code rujukan.referral.waiting-list-limit} while an alternative is left, or the partner did not decide in
 * time), it is given up and routing's next alternative takes over.
 */
@Service
@Transactional
public class PartnerService {

  /**
   * What the acceptance did to the budget, for the gateway and the task forms; {@code moveOn}: the program was given
   * up and the next alternative is to be tried.
   */
  public record Decided(boolean budgetReserved, String budgetNote, boolean moveOn) {
  }

  /** The back office's choice for a case that waited too long for budget. */
  public enum WaitingAction {
    KEEP_WAITING, REDIRECT, CANCEL
  }

  private final ProgramCatalogue catalogue;
  private final CaseFile caseFile;
  private final Registry registry;
  private final Budgets budgets;
  private final RoutingService routing;
  private final HouseholdLedger ledger;
  private final ReferralSettings settings;
  private final CommandAuthority authority;

  public PartnerService(ProgramCatalogue catalogue, CaseFile caseFile, Registry registry, Budgets budgets,
      RoutingService routing, HouseholdLedger ledger, ReferralSettings settings, CommandAuthority authority) {
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.registry = registry;
    this.budgets = budgets;
    this.routing = routing;
    this.ledger = ledger;
    this.settings = settings;
    this.authority = authority;
  }

  public Program program(String code) {
    return catalogue.program(code);
  }

  public Partner partnerOf(Program program) {
    return catalogue.partnerOf(program);
  }

  /** What routing proposed for the program: the grant in its unit and why. */
  public ProgramReferral referral(String referralNumber, String programCode) {
    return caseFile.programs(referralNumber).stream().filter(p -> p.programCode().equals(programCode)).findFirst()
        .orElseThrow(() -> new IllegalStateException(referralNumber + " was not referred to " + programCode));
  }

  /**
   * Records the decision, made by the staff of the program's partner. A rejection needs its reason code (and a text
   * for OTHER), a question its text, an acceptance of money or goods the grant, which is reserved from the budget or
   * waits for it.
   */
  public Decided decide(String referralNumber, String programCode, PartnerDecision decision,
      RejectionCode rejectionCode, String rejectionText, String infoRequest, String plannedAid, Long grantAmount,
      String actor) {
    Program program = catalogue.program(programCode);
    Partner partner = catalogue.partnerOf(program);
    authority.requirePartnerStaff("Keputusan rujukan " + program.name(), program);
    Checks checks = new Checks();
    checks.check(decision != PartnerDecision.REJECT || rejectionCode != null, CaseVariables.REJECTION_CODE.name(),
        "Alasan penolakan wajib dipilih");
    checks.check(rejectionCode != RejectionCode.OTHER || rejectionText != null, CaseVariables.REJECTION_REASON.name(),
        "Jelaskan alasan penolakan lainnya");
    checks.check(decision != PartnerDecision.REQUEST_INFO || infoRequest != null, CaseVariables.INFO_REQUEST.name(),
        "Informasi yang dibutuhkan wajib diisi");
    checks.check(decision != PartnerDecision.ACCEPT || !program.budgeted() || grantAmount != null && grantAmount > 0,
        CaseVariables.GRANT_AMOUNT.name(), "Nilai bantuan (%s) wajib diisi dan lebih dari 0".formatted(program.unit()));
    checks.throwIfAny();
    switch (decision) {
      case REJECT -> {
        String reason = rejectionCode.label() + (rejectionText == null ? "" : ": " + rejectionText);
        caseFile.recordDecision(referralNumber, programCode, ProgramStatus.REJECTED, rejectionCode.name(), reason,
            null, null, actor);
        caseFile.record(referralNumber, EventType.PARTNER_REJECTED, actor, "%s menolak rujukan %s: %s".formatted(
            partner.name(), program.name(), reason), programCode);
        ledger.release(referralNumber, programCode, "Ditolak mitra: " + reason);
        return new Decided(false, null, true);
      }
      case REQUEST_INFO -> {
        caseFile.requestInformation(referralNumber, programCode, program.name(), infoRequest, actor);
        return new Decided(false, null, false);
      }
      default -> {
        return accept(referralNumber, program, partner, plannedAid, grantAmount, actor);
      }
    }
  }

  private Decided accept(String referralNumber, Program program, Partner partner, String plannedAid, Long grant,
      String actor) {
    caseFile.recordDecision(referralNumber, program.code(), ProgramStatus.ACCEPTED, null, null, plannedAid,
        program.budgeted() ? grant : null, actor);
    caseFile.record(referralNumber, EventType.PARTNER_ACCEPTED, actor, "%s menerima rujukan %s%s%s".formatted(
        partner.name(), program.name(), program.budgeted() ? " senilai " + amount(program, grant) : "",
        plannedAid == null ? "" : ": " + plannedAid), program.code());
    ReferralRecord referral = caseFile.get(referralNumber);
    Resident resident = registry.get(referral.residentId());
    if (!program.budgeted()) {
      return ledger.hold(resident.kkNumber(), program, budgets.currentPeriod(program), referralNumber,
          HouseholdLedger.Status.RESERVED).map(holder -> heldBack(referralNumber, program, holder, actor))
          .orElse(new Decided(true, null, false));
    }
    Budgets.Request request = budgets.request(referralNumber, program, resident.kkNumber(), grant, referral.urgent(),
        resident.desil());
    if (request.heldBy() != null) {
      return heldBack(referralNumber, program, request.heldBy(), actor);
    }
    if (request.reserved()) {
      String note = "Anggaran %s periode %s dicadangkan: %s".formatted(program.name(), request.period(),
          amount(program, grant));
      caseFile.record(referralNumber, EventType.BUDGET_RESERVED, actor, note, program.code());
      return new Decided(true, note, false);
    }
    if (request.waitingPosition() > settings.getWaitingListLimit() && routing.hasAlternative(referralNumber,
        program.code())) {
      String note = "Anggaran %s periode %s belum mencukupi dan daftar tunggunya panjang (urutan ke-%d, batas %d); "
          .formatted(program.name(), request.period(), request.waitingPosition(), settings.getWaitingListLimit())
          + "dialihkan ke program alternatif";
      budgets.release(referralNumber, program.code(), note);
      caseFile.setProgramStatus(referralNumber, program.code(), ProgramStatus.CANCELLED, note);
      caseFile.record(referralNumber, EventType.BUDGET_WAITING, actor, note, program.code());
      return new Decided(false, note, true);
    }
    String note = "Anggaran %s periode %s belum mencukupi; masuk daftar tunggu, urutan ke-%d".formatted(
        program.name(), request.period(), request.waitingPosition());
    caseFile.setProgramStatus(referralNumber, program.code(), ProgramStatus.WAITING_BUDGET, note);
    caseFile.record(referralNumber, EventType.BUDGET_WAITING, actor, note, program.code());
    return new Decided(false, note, false);
  }

  /** The household ledger keeps the case from the program it was accepted for: it is given up, saying who holds it. */
  private Decided heldBack(String referralNumber, Program program, HouseholdLedger.Holder holder, String actor) {
    String note = "Ditahan buku bantuan keluarga: " + routing.ledgerReason(referralNumber, program, holder);
    caseFile.setProgramStatus(referralNumber, program.code(), ProgramStatus.CANCELLED, note);
    caseFile.record(referralNumber, EventType.PROGRAM_SKIPPED, actor, "%s: %s".formatted(program.name(), note));
    ledger.release(referralNumber, program.code(), note);
    return new Decided(false, note, true);
  }

  /**
   * The partner did not decide in time and an alternative is left: the referral is taken back from the partner (the
   * next alternative follows). Nothing happens when the partner decided in the meantime.
   */
  public void takeBackUndecided(String referralNumber, String programCode, String actor) {
    ProgramReferral referral = referral(referralNumber, programCode);
    if (!referral.status().isUndecided()) {
      return;
    }
    Program program = catalogue.program(programCode);
    String note = "%s tidak memutuskan dalam batas waktu (%s); rujukan ditarik untuk program alternatif".formatted(
        catalogue.partnerOf(program).name(), settings.decisionTimeout(caseFile.get(referralNumber).urgent()));
    caseFile.setProgramStatus(referralNumber, programCode, ProgramStatus.CANCELLED, note);
    caseFile.record(referralNumber, EventType.PROGRAM_SKIPPED, actor, program.name() + ": " + note);
    ledger.release(referralNumber, programCode, note);
  }

  /** Budget arrived for a case on the waiting list: it goes on to the handover. */
  public void budgetArrived(String referralNumber, String programCode, String period, String actor) {
    Program program = catalogue.program(programCode);
    String note = "Anggaran %s periode %s tersedia; dicadangkan dari daftar tunggu".formatted(program.name(), period);
    caseFile.setProgramStatus(referralNumber, programCode, ProgramStatus.ACCEPTED, note);
    caseFile.record(referralNumber, EventType.BUDGET_RESERVED, actor, note, programCode);
  }

  /** A top-up passed over a waiting case: its household holds the program for the period through another case. */
  public void passedOver(String referralNumber, Program program, HouseholdLedger.Holder holder, String actor) {
    caseFile.record(referralNumber, EventType.BUDGET_WAITING, actor, "Anggaran %s ditambah, tetapi kasus ini dilewati: %s"
        .formatted(program.name(), routing.ledgerReason(referralNumber, program, holder)), program.code());
  }

  /**
   * The back office's review of a case that waited too long: keep waiting, redirect to another program (returned, the
   * partner referral goes on with it), or cancel.
   */
  public String reviewWaiting(String referralNumber, String programCode, WaitingAction action, String redirectTo,
      String note, String actor) {
    authority.require("Tinjauan rujukan yang menunggu anggaran", "back office Puskesos", Groups.BACK_OFFICE);
    Checks checks = new Checks();
    checks.check(action != WaitingAction.REDIRECT || redirectTo != null && !redirectTo.equals(programCode),
        CaseVariables.REDIRECT_PROGRAM.name(), "Pilih program lain tujuan pengalihan");
    checks.check(action != WaitingAction.CANCEL || note != null, CaseVariables.WAITING_NOTE.name(),
        "Alasan pembatalan wajib diisi");
    checks.throwIfAny();
    Program program = catalogue.program(programCode);
    switch (action) {
      case KEEP_WAITING -> {
        caseFile.record(referralNumber, EventType.WAITING_REVIEWED, actor, "Tetap menunggu anggaran %s%s".formatted(
            program.name(), note == null ? "" : ": " + note));
        return programCode;
      }
      case CANCEL -> {
        budgets.release(referralNumber, programCode, note);
        caseFile.setProgramStatus(referralNumber, programCode, ProgramStatus.CANCELLED, "Dibatalkan: " + note);
        caseFile.record(referralNumber, EventType.WAITING_REVIEWED, actor, "Rujukan %s dibatalkan: %s".formatted(
            program.name(), note));
        return programCode;
      }
      default -> {
        routing.referInstead(referralNumber, redirectTo, programCode, actor);
        Program target = catalogue.program(redirectTo);
        budgets.release(referralNumber, programCode, "Dialihkan ke " + target.name());
        caseFile.setProgramStatus(referralNumber, programCode, ProgramStatus.CANCELLED,
            "Anggaran tidak tersedia; dialihkan ke " + target.name());
        caseFile.record(referralNumber, EventType.WAITING_REVIEWED, actor, "Rujukan %s dialihkan ke %s%s".formatted(
            program.name(), target.name(), note == null ? "" : ": " + note));
        return redirectTo;
      }
    }
  }

  /** The back office's answer to the partner's question. */
  public void provideInformation(String referralNumber, String programCode, String answer, String actor) {
    authority.require("Jawaban untuk pertanyaan mitra", "back office Puskesos", Groups.BACK_OFFICE);
    Checks checks = new Checks();
    String text = checks.required(CaseVariables.INFO_RESPONSE.name(), answer, "Jawaban untuk mitra");
    checks.throwIfAny();
    caseFile.provideInformation(referralNumber, programCode, catalogue.program(programCode).name(), text, actor);
  }

  /** "Rp600.000" or "2 paket". */
  public static String amount(Program program, long value) {
    return "Rp".equals(program.unit()) ? Budgets.format(value) : value + " " + program.unit();
  }
}
