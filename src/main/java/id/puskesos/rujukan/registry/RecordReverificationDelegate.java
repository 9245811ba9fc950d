package id.puskesos.rujukan.registry;

import static id.puskesos.rujukan.process.CaseVariables.*;
import static id.puskesos.rujukan.process.RegistryVariables.REVERIFICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/** {@code task_recordReverification} in resident-reverification.bpmn. Reads the reverify-resident form. */
@Component
public class RecordReverificationDelegate implements JavaDelegate {

  private final Reverification reverification;
  private final Actors actors;

  public RecordReverificationDelegate(Reverification reverification, Actors actors) {
    this.reverification = reverification;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reverification.record(number(execution, REVERIFICATION_ID), number(execution, RESIDENT_ID),
        new ReverificationVisit(string(execution, VISIT_DATE), string(execution, CORRECTED_ADDRESS),
            string(execution, CORRECTED_RT), string(execution, CORRECTED_RW), string(execution, CORRECTED_PHONE),
            string(execution, DTKS_STATUS), number(execution, DESIL), flag(execution, DECEASED),
            flag(execution, MOVED_AWAY), string(execution, VISIT_FINDINGS)),
        actors.current());
    // the phone is in the registry now; the process's variables never keep it
    execution.removeVariable(CORRECTED_PHONE);
  }
}
