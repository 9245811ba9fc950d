package id.puskesos.rujukan.distribution;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_summariseDecisions} in referral.bpmn, after every partner referral has ended. Writes
 * {@code distributedCount} (the gateway to follow-up or to closing as rejected) and {@code aidSummary}.
 */
@Component
public class SummariseDecisionsDelegate implements JavaDelegate {

  private final DistributionService distributionService;

  public SummariseDecisionsDelegate(DistributionService distributionService) {
    this.distributionService = distributionService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DistributionService.Summary summary = distributionService.summarise(caseNumber(execution));
    DISTRIBUTED_COUNT.set(execution, summary.distributed());
    AID_SUMMARY.set(execution, summary.aidSummary());
  }
}
