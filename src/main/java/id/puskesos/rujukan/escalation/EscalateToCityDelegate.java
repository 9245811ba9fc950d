package id.puskesos.rujukan.escalation;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_escalateToCity} in referral.bpmn: the case goes to the city SLRT with its file. Writes
 * {@code escalationSummary}, what the city's task shows.
 */
@Component
public class EscalateToCityDelegate implements JavaDelegate {

  private final Escalations escalations;
  private final Actors actors;

  public EscalateToCityDelegate(Escalations escalations, Actors actors) {
    this.escalations = escalations;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ESCALATION_SUMMARY.set(execution, escalations.escalate(caseNumber(execution), actors.current()));
  }
}
