package id.puskesos.rujukan.distribution;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_recordDistribution} in partner-referral.bpmn. Reads {@code distributionDate}, {@code aidAmount},
 * {@code aidItems}, {@code proofReference}, {@code receiptConfirmed}.
 */
@Component
public class RecordDistributionDelegate implements JavaDelegate {

  private final DistributionService distributionService;
  private final Actors actors;

  public RecordDistributionDelegate(DistributionService distributionService, Actors actors) {
    this.distributionService = distributionService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    distributionService.record(string(execution, REFERRAL_NUMBER), string(execution, PROGRAM_CODE),
        string(execution, DISTRIBUTION_DATE), number(execution, AID_AMOUNT), string(execution, AID_ITEMS),
        string(execution, PROOF_REFERENCE), flag(execution, RECEIPT_CONFIRMED), actors.current());
  }
}
