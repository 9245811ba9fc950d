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
    Integer desil = DESIL.get(execution);
    reverification.record(REVERIFICATION_ID.get(execution), RESIDENT_ID.get(execution),
        new ReverificationVisit(VISIT_DATE.get(execution), CORRECTED_ADDRESS.get(execution),
            CORRECTED_RT.get(execution), CORRECTED_RW.get(execution), CORRECTED_PHONE.get(execution),
            DTKS_STATUS.get(execution), desil == null ? null : desil.longValue(), DECEASED.get(execution),
            MOVED_AWAY.get(execution), VISIT_FINDINGS.get(execution)),
        actors.current());
    // the phone is in the registry now; the process's variables never keep it
    execution.removeVariable(CORRECTED_PHONE.name());
  }
}
