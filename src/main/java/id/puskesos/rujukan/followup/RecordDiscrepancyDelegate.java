package id.puskesos.rujukan.followup;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;

/**
 * {@code task_recordDiscrepancy} in referral.bpmn, after the koordinator's check of aid the resident says never
 * arrived. Reads {@code discrepancyResolution} (RECEIVED, HAND_OVER_AGAIN, CANCEL) and {@code discrepancyNote}; when
 * the aid is to be handed over again, writes {@code programs} (the partner referrals that go back to their handover)
 * and {@code redistribute}.
 */
@Component
public class RecordDiscrepancyDelegate implements JavaDelegate {

  private final ClosingService closingService;
  private final Actors actors;

  public RecordDiscrepancyDelegate(ClosingService closingService, Actors actors) {
    this.closingService = closingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks checks = new Checks();
    var resolution = checks.oneOf(ClosingService.Resolution.class, DISCREPANCY_RESOLUTION.name(),
        DISCREPANCY_RESOLUTION.get(execution), "Hasil pemeriksaan");
    checks.throwIfAny();
    List<String> again = closingService.resolveDiscrepancy(caseNumber(execution), resolution,
        DISCREPANCY_NOTE.get(execution), actors.current());
    REDISTRIBUTE.set(execution, !again.isEmpty());
    if (!again.isEmpty()) {
      PROGRAMS.set(execution, new ArrayList<>(again));
    }
  }
}
