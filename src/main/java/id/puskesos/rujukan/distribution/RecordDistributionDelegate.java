package id.puskesos.rujukan.distribution;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Variable;
import id.puskesos.rujukan.partner.PartnerReferrals;

/**
 * {@code task_recordDistribution} in partner-referral.bpmn, on the instance's own case and program
 * ({@link PartnerReferrals}). Reads {@code distributionDate}, {@code aidAmount},
 * {@code aidItems}, {@code aidQuantity}, {@code distributionPlace}, {@code handedOverBy}, {@code proofReference},
 * {@code receiptConfirmed}, {@code finalHandover}; writes {@code distributionComplete} (the gateway: done, or another
 * handover) and {@code remainingNote}. Clears the handover fields so the next handover's form starts empty.
 */
@Component
public class RecordDistributionDelegate implements JavaDelegate {

  private final DistributionService distributionService;
  private final PartnerReferrals partnerReferrals;
  private final Actors actors;

  public RecordDistributionDelegate(DistributionService distributionService, PartnerReferrals partnerReferrals,
      Actors actors) {
    this.distributionService = distributionService;
    this.partnerReferrals = partnerReferrals;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var referral = partnerReferrals.current(execution);
    DistributionService.Recorded recorded = distributionService.record(referral.referralNumber(),
        referral.programCode(), DISTRIBUTION_DATE.get(execution), AID_AMOUNT.get(execution),
        AID_ITEMS.get(execution), AID_QUANTITY.get(execution), DISTRIBUTION_PLACE.get(execution),
        HANDED_OVER_BY.get(execution), PROOF_REFERENCE.get(execution), RECEIPT_CONFIRMED.get(execution),
        FINAL_HANDOVER.get(execution), actors.current());
    DISTRIBUTION_COMPLETE.set(execution, recorded.complete());
    REMAINING_NOTE.set(execution, recorded.remainingNote());
    if (!recorded.complete()) {
      for (Variable<?> field : List.of(AID_AMOUNT, AID_ITEMS, AID_QUANTITY, PROOF_REFERENCE, RECEIPT_CONFIRMED,
          FINAL_HANDOVER)) {
        execution.removeVariable(field.name());
      }
    }
  }
}
