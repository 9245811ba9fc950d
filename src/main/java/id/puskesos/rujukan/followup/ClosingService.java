package id.puskesos.rujukan.followup;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.Distribution;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.FollowUp;
import id.puskesos.rujukan.referral.Need;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;
import id.puskesos.rujukan.referral.RoutingChoices.Choice;
import id.puskesos.rujukan.referral.RoutingChoices.Role;
import id.puskesos.rujukan.referral.RoutingChoices;

/**
 * Follow-up and closing: every case ends here, with its outcome in the case file. The resident's word decides: a
 * resident who says the aid did not arrive opens a check of the partner's handover record by the koordinator, and
 * the case never closes as facilitated on the partner's word alone; a resident who cannot be reached has an outcome
 * of its own; aid received in part is at most partly facilitated. A case is facilitated when every confirmed need was
 * answered by aid that reached the resident.
 */
@Service
@Transactional
public class ClosingService {

  /** How the closing task names the outcome: given, or derived from what was delivered and the follow-up. */
  public enum ClosingOutcome {
    BY_PROGRAMS, NOT_ELIGIBLE, WITHDRAWN, ESCALATED
  }

  /** What the follow-up leads to: closing, or the koordinator's check of aid the resident says never arrived. */
  public enum FollowUpResult {
    CLOSE, DISCREPANCY
  }

  /** Whether the follow-up reached the resident. */
  enum Reached {
    YES, NO
  }

  /** The koordinator's finding on aid the resident says never arrived. */
  public enum Resolution {
    /** The partner's proof shows it was received: the case closes on what was delivered. */
    RECEIVED,
    /** Not received: the partner hands it over again (the grant is reserved again). */
    HAND_OVER_AGAIN,
    /** Not received: the handover is cancelled and the partner's budget corrected. */
    CANCEL
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final CaseFile caseFile;
  private final Budgets budgets;
  private final HouseholdLedger ledger;
  private final RoutingChoices choices;
  private final ProgramCatalogue catalogue;
  private final Notifications notifications;
  private final CommandAuthority authority;

  public ClosingService(CaseFile caseFile, Budgets budgets, HouseholdLedger ledger, RoutingChoices choices,
      ProgramCatalogue catalogue, Notifications notifications, CommandAuthority authority) {
    this.caseFile = caseFile;
    this.budgets = budgets;
    this.ledger = ledger;
    this.choices = choices;
    this.catalogue = catalogue;
    this.notifications = notifications;
    this.authority = authority;
  }

  /** Closes the case; returns the outcome recorded. */
  public Outcome close(String referralNumber, ClosingOutcome closing, String reason, String actor) {
    Outcome outcome = switch (closing) {
      case NOT_ELIGIBLE -> Outcome.NOT_ELIGIBLE;
      case WITHDRAWN -> Outcome.WITHDRAWN;
      case ESCALATED -> Outcome.ESCALATED;
      case BY_PROGRAMS -> caseFile.followUp(referralNumber)
          .map(f -> Outcome.afterFollowUp(delivered(referralNumber), f)).orElseGet(() -> delivered(referralNumber));
    };
    caseFile.close(referralNumber, outcome, reason != null ? reason : reasons(referralNumber, outcome), actor);
    // whatever is still reserved or waiting for this case goes back to the programs' budgets and the household
    budgets.releaseAll(referralNumber, "Kasus ditutup: " + outcome.label());
    ledger.releaseUndelivered(referralNumber, "Kasus ditutup: " + outcome.label());
    return outcome;
  }

  /**
   * Records the fasilitator's follow-up visit. A resident reached who says the aid did not arrive opens the check,
   * and the partners whose handover is in question are told.
   */
  public FollowUpResult recordFollowUp(String referralNumber, String reached, String aidReceived, String aidHelped,
      String satisfaction, String notes, String actor) {
    authority.require("Tindak lanjut dan evaluasi", "fasilitator Puskesos", Groups.FASILITATOR);
    Checks checks = new Checks();
    boolean wasReached = checks.oneOf(Reached.class, CaseVariables.RESIDENT_REACHED.name(),
        reached == null ? "YES" : reached,
        "Warga dapat dihubungi") != Reached.NO;
    FollowUp.Answer received = null;
    FollowUp.Answer helped = null;
    Integer score = null;
    if (wasReached) {
      received = checks.oneOf(FollowUp.Answer.class, CaseVariables.AID_RECEIVED.name(), aidReceived,
          "Penerimaan bantuan");
      helped = checks.oneOf(FollowUp.Answer.class, CaseVariables.AID_HELPED.name(), aidHelped, "Manfaat bantuan");
      if (satisfaction != null) {
        try {
          score = Integer.valueOf(satisfaction);
        } catch (NumberFormatException e) {
          score = 0;
        }
        checks.check(score >= 1 && score <= 5, CaseVariables.SATISFACTION.name(), "Kepuasan warga harus 1 sampai 5");
      }
    }
    String text = checks.required(CaseVariables.FOLLOW_UP_NOTES.name(), notes, "Catatan tindak lanjut");
    checks.throwIfAny();
    FollowUp followUp = new FollowUp(wasReached, received, helped, score, text);
    caseFile.recordFollowUp(referralNumber, followUp, actor);
    if (received != FollowUp.Answer.NO) {
      return FollowUpResult.CLOSE;
    }
    openDiscrepancy(referralNumber, actor, "Pada tindak lanjut");
    return FollowUpResult.DISCREPANCY;
  }

  /**
   * Opens the koordinator's check of aid the resident says never arrived: on the timeline, and the partners whose
   * handover is in question are asked for their proof. The follow-up's "not received" and the resident's own TIDAK
   * (WhatsApp, {@code when}: "Lewat WhatsApp") both come here. Returns the handover records the check shows.
   */
  public String openDiscrepancy(String referralNumber, String actor, String when) {
    List<ProgramReferral> delivered = deliveredPrograms(referralNumber);
    caseFile.record(referralNumber, EventType.DISCREPANCY_OPENED, actor,
        "Warga menyatakan bantuan tidak diterima (%s); koordinator memeriksa catatan penyerahan mitra".formatted(
            delivered.stream().map(p -> catalogue.program(p.programCode()).name()).collect(Collectors.joining(", "))));
    List<String> groups = delivered.stream().map(p -> catalogue.findPartner(p.partnerCode()).orElseThrow().group())
        .distinct().toList();
    notifications.emailGroups(groups, "Bantuan tidak diterima warga: " + referralNumber,
        ("%s, warga rujukan %s menyatakan bantuan tidak diterima. Mohon kirim bukti penyerahan "
            + "(berita acara, foto, tanda terima) kepada koordinator Puskesos yang memegang rujukan ini.").formatted(when,
            referralNumber),
        "discrepancy:" + referralNumber, referralNumber);
    return handoverRecords(referralNumber);
  }

  /** The partners' handover records of the case's delivered programs: what the koordinator checks. */
  @Transactional(readOnly = true)
  public String handoverRecords(String referralNumber) {
    return caseFile.distributions(referralNumber).stream().map(h -> {
      Distribution d = h.distribution();
      return "%s: %s, %s, di %s oleh %s, bukti %s%s".formatted(catalogue.program(h.programCode()).name(),
          d.distributedOn().format(DAY), d.describe(), d.place(), d.handedOverBy(), d.proofReference(),
          d.receiptConfirmed() ? ", warga menandatangani tanda terima" : "");
    }).collect(Collectors.joining("\n"));
  }

  /**
   * The koordinator's finding on aid the resident says never arrived. Received: the case closes on what was
   * delivered. Not received: every delivered program's handovers are voided and its budget corrected; handed over
   * again (returns the programs, whose partners get the handover task again) or cancelled.
   */
  public List<String> resolveDiscrepancy(String referralNumber, Resolution resolution, String note, String actor) {
    authority.require("Pemeriksaan bantuan yang tidak diterima warga", "koordinator Puskesos", Groups.KOORDINATOR);
    Checks checks = new Checks();
    String finding = checks.required(CaseVariables.DISCREPANCY_NOTE.name(), note, "Temuan pemeriksaan");
    checks.throwIfAny();
    caseFile.resolveDiscrepancy(referralNumber, resolution.name(), finding, actor);
    if (resolution == Resolution.RECEIVED) {
      caseFile.record(referralNumber, EventType.DISCREPANCY_RESOLVED, actor,
          "Pemeriksaan koordinator: bantuan terbukti diterima warga (" + finding + ")");
      return List.of();
    }
    boolean again = resolution == Resolution.HAND_OVER_AGAIN;
    // a national program the ministry enrolled the household in is paid by the bank onto the KKS card: nobody here
    // hands it over again, and the national list keeps the household (the resident's word is recorded on the case)
    List<String> programs = deliveredPrograms(referralNumber).stream().map(ProgramReferral::programCode)
        .filter(code -> !again || !catalogue.program(code).proposal()).toList();
    for (String code : programs) {
      String reason = "Tidak diterima warga: " + finding;
      if (catalogue.program(code).proposal()) {
        caseFile.setProgramStatus(referralNumber, code, ProgramStatus.NOT_RECEIVED, reason
            + " (penyaluran lewat bank/KKS; tindak lanjuti dengan Dinas Sosial)");
        continue;
      }
      caseFile.voidDistributions(referralNumber, code, reason);
      budgets.undoHandover(referralNumber, code, again, reason);
      if (again) {
        caseFile.setProgramStatus(referralNumber, code, ProgramStatus.CONFIRMED, "Diserahkan ulang: " + finding);
        ledger.setStatus(referralNumber, code, HouseholdLedger.Status.RESERVED);
      } else {
        caseFile.setProgramStatus(referralNumber, code, ProgramStatus.NOT_RECEIVED, reason);
        ledger.release(referralNumber, code, reason);
      }
    }
    caseFile.record(referralNumber, EventType.DISCREPANCY_RESOLVED, actor, (again
        ? "Pemeriksaan koordinator: bantuan tidak diterima; mitra menyerahkan ulang %s (%s)"
        : "Pemeriksaan koordinator: bantuan tidak diterima; penyerahan %s dibatalkan dan anggaran dikoreksi (%s)")
        .formatted(programs.stream().map(c -> catalogue.program(c).name()).collect(Collectors.joining(", ")),
            finding));
    return again ? programs : List.of();
  }

  /**
   * What the programs delivered, need by need: facilitated when every confirmed need was answered by a program that
   * delivered (the program chosen for it, one that answers it too, or its alternative), partly when some were; with
   * nothing delivered, rejected or not received. Cases routed by hand without needs fall back to the programs alone.
   */
  static Outcome delivered(Collection<ProgramReferral> programs, Set<Need> needs, List<Choice> choices) {
    List<ProgramStatus> statuses = programs.stream().map(ProgramReferral::status).toList();
    Set<String> delivered = programs.stream().filter(p -> p.status().delivered()).map(ProgramReferral::programCode)
        .collect(Collectors.toSet());
    List<Choice> byNeed = choices.stream().filter(c -> c.need() != null && c.role() != Role.EXCLUDED).toList();
    if (delivered.isEmpty() || needs.isEmpty() || byNeed.isEmpty()) {
      return Outcome.fromPrograms(statuses);
    }
    boolean everyNeed = needs.stream().allMatch(n -> byNeed.stream()
        .anyMatch(c -> n.name().equals(c.need()) && delivered.contains(c.programCode())));
    return everyNeed ? Outcome.FACILITATED : Outcome.PARTLY_FACILITATED;
  }

  private Outcome delivered(String referralNumber) {
    return delivered(caseFile.programs(referralNumber), caseFile.needs(referralNumber), choices.of(referralNumber));
  }

  private List<ProgramReferral> deliveredPrograms(String referralNumber) {
    return caseFile.programs(referralNumber).stream().filter(p -> p.status().delivered()).toList();
  }

  /** For a case not (fully) facilitated, the partners' reasons and the needs left unanswered are the case's reason. */
  private String reasons(String referralNumber, Outcome outcome) {
    if (outcome == Outcome.FACILITATED) {
      return null;
    }
    Set<String> reasons = new LinkedHashSet<>();
    caseFile.programs(referralNumber).stream()
        .filter(p -> p.status() == ProgramStatus.REJECTED || p.status() == ProgramStatus.NOT_RECEIVED)
        .forEach(p -> reasons.add(catalogue.findProgram(p.programCode()).map(x -> x.name()).orElse(p.programCode())
            + ": " + p.statusReason()));
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }
}
