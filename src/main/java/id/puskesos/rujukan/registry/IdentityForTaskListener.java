package id.puskesos.rujukan.registry;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.CaseVariables;

/**
 * The task listener of the forms whose role needs the full NIK and KK number (the fasilitator's field verification,
 * Dinas Sosial's DTKS/DTSEN proposal). On create it puts them on the task only, read from the registry: they live as
 * long as the task, never in the process, and never in the engine's history ({@code PersonalDataHistoryFilter}). On
 * assignment, the user who took the task to work its form is written to the access log.
 */
@Component("identityForTaskListener")
public class IdentityForTaskListener implements TaskListener {

  private final Registry registry;
  private final AccessLog accessLog;

  public IdentityForTaskListener(Registry registry, AccessLog accessLog) {
    this.registry = registry;
    this.accessLog = accessLog;
  }

  @Override
  public void notify(DelegateTask task) {
    Object id = task.getVariable(CaseVariables.RESIDENT_ID);
    if (id == null) {
      return;
    }
    long residentId = ((Number) id).longValue();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Resident resident = registry.get(residentId);
      task.setVariableLocal(CaseVariables.NIK, resident.nik());
      task.setVariableLocal(CaseVariables.KK_NUMBER, resident.kkNumber());
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
      accessLog.record(residentId, AccessLog.Purpose.TASK_FORM, task.getName() + " (" + task.getTaskDefinitionKey()
          + ")", task.getAssignee());
    }
  }
}
