package id.puskesos.rujukan.followup;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.FollowUp;
import id.puskesos.rujukan.referral.Outcome;
import id.puskesos.rujukan.referral.ProgramReferral;
import id.puskesos.rujukan.referral.ProgramStatus;

/** Follow-up and closing: every case ends here, with its outcome in the case file. */
@Service
@Transactional
public class ClosingService {

  /** How the closing task names the outcome: given, or derived from the partners' decisions. */
  public enum ClosingOutcome {
    BY_PROGRAMS, NOT_ELIGIBLE, WITHDRAWN
  }

  enum Answer {
    YES, PARTLY, NO
  }

  private final CaseFile caseFile;
  private final Budgets budgets;

  public ClosingService(CaseFile caseFile, Budgets budgets) {
    this.caseFile = caseFile;
    this.budgets = budgets;
  }

  /** Closes the case; returns the outcome recorded. */
  public Outcome close(String referralNumber, ClosingOutcome closing, String reason, String actor) {
    Outcome outcome = switch (closing) {
      case NOT_ELIGIBLE -> Outcome.NOT_ELIGIBLE;
      case WITHDRAWN -> Outcome.WITHDRAWN;
      case BY_PROGRAMS -> Outcome.fromPrograms(statuses(referralNumber));
    };
    caseFile.close(referralNumber, outcome, reason != null ? reason : rejectionReasons(referralNumber, outcome),
        actor);
    // whatever is still reserved or waiting for this case goes back to the programs' budgets
    budgets.releaseAll(referralNumber, "Kasus ditutup: " + outcome.label());
    return outcome;
  }

  /** Records the fasilitator's follow-up visit and closes the case with the outcome the partners' work earned. */
  public Outcome closeAfterFollowUp(String referralNumber, String aidReceived, String aidHelped, String satisfaction,
      String notes, String actor) {
    Checks checks = new Checks();
    checks.oneOf(Answer.class, "aidReceived", aidReceived, "Penerimaan bantuan");
    checks.oneOf(Answer.class, "aidHelped", aidHelped, "Manfaat bantuan");
    Integer score = null;
    if (satisfaction != null) {
      try {
        score = Integer.valueOf(satisfaction);
      } catch (NumberFormatException e) {
        score = 0;
      }
      checks.check(score >= 1 && score <= 5, "satisfaction", "Kepuasan warga harus 1 sampai 5");
    }
    String text = checks.required("followUpNotes", notes, "Catatan tindak lanjut");
    checks.throwIfAny();
    caseFile.recordFollowUp(referralNumber, new FollowUp(aidReceived, aidHelped, score, text), actor);
    return close(referralNumber, ClosingOutcome.BY_PROGRAMS, null, actor);
  }

  private List<ProgramStatus> statuses(String referralNumber) {
    return caseFile.programs(referralNumber).stream().map(ProgramReferral::status).toList();
  }

  /** For a case not (fully) facilitated, the partners' reasons are the case's reason. */
  private String rejectionReasons(String referralNumber, Outcome outcome) {
    if (outcome == Outcome.FACILITATED) {
      return null;
    }
    List<String> reasons = caseFile.programs(referralNumber).stream()
        .filter(p -> p.status() == ProgramStatus.REJECTED)
        .map(p -> p.programCode() + ": " + p.statusReason()).toList();
    return reasons.isEmpty() ? null : "Ditolak " + String.join("; ", reasons);
  }
}
