package id.puskesos.rujukan.registry;

import static id.puskesos.rujukan.process.RegistryVariables.BATCHES_ISSUED;
import static id.puskesos.rujukan.process.RegistryVariables.REMAINING_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_issueReverificationBatch} in data-reverification.bpmn: sends this week's re-verifications. Writes
 * {@code remainingDue} and {@code batchesIssued}.
 */
@Component
public class IssueReverificationBatchDelegate implements JavaDelegate {

  private final Reverification reverification;

  public IssueReverificationBatchDelegate(Reverification reverification) {
    this.reverification = reverification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Reverification.Batch batch = reverification.issueBatch();
    Integer issued = BATCHES_ISSUED.get(execution);
    BATCHES_ISSUED.set(execution, (issued == null ? 0 : issued) + 1);
    REMAINING_DUE.set(execution, batch.remainingDue());
  }
}
