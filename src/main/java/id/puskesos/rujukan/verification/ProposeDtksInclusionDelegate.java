package id.puskesos.rujukan.verification;

import static id.puskesos.rujukan.process.CaseVariables.REGISTRY_FINDINGS;
import static id.puskesos.rujukan.process.CaseVariables.caseNumber;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_proposeDtksInclusion} in referral.bpmn: a resident not in DTKS/DTSEN is proposed to Dinas Sosial
 * (dtks-inclusion.bpmn, tracked on its own); the case goes on. Reads the case (its business key),
 * {@code registryFindings}.
 */
@Component
public class ProposeDtksInclusionDelegate implements JavaDelegate {

  private final DtksInclusion dtksInclusion;
  public ProposeDtksInclusionDelegate(DtksInclusion dtksInclusion) {
    this.dtksInclusion = dtksInclusion;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dtksInclusion.propose(caseNumber(execution), REGISTRY_FINDINGS.get(execution), Actors.SYSTEM);
  }
}
