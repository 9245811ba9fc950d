package id.puskesos.rujukan.intake;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;

/**
 * {@code task_recordNeedsReview} in referral.bpmn: records how the back office handled needs added to a case
 * past routing. Reads {@code reviewAction} and {@code reviewNote}.
 */
@Component
public class RecordNeedsReviewDelegate implements JavaDelegate {

  enum ReviewAction {
    COVERED("sudah tercakup rujukan berjalan"),
    NEW_REFERRAL("perlu rujukan baru setelah kasus selesai"),
    INFORM_PARTNER("disampaikan ke mitra terkait");

    private final String label;

    ReviewAction(String label) {
      this.label = label;
    }
  }

  private final CaseFile caseFile;
  private final CommandAuthority authority;
  private final Actors actors;

  public RecordNeedsReviewDelegate(CaseFile caseFile, CommandAuthority authority, Actors actors) {
    this.caseFile = caseFile;
    this.authority = authority;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    authority.require("Tinjauan kebutuhan tambahan", "back office Puskesos", Groups.BACK_OFFICE);
    Checks checks = new Checks();
    ReviewAction action = checks.oneOf(ReviewAction.class, REVIEW_ACTION.name(), REVIEW_ACTION.get(execution),
        "Tindakan");
    String note = checks.required(REVIEW_NOTE.name(), REVIEW_NOTE.get(execution), "Catatan tinjauan");
    checks.throwIfAny();
    caseFile.record(caseNumber(execution), EventType.NEEDS_REVIEWED, actors.current(),
        "Tinjauan kebutuhan tambahan: %s. %s".formatted(action.label, note));
  }
}
