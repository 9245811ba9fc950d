package id.puskesos.rujukan.intake;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_registerIntake} in referral.bpmn: registers the complaint entered in Tasklist's start form through
 * the same intake service as the API. Reads the intake form's fields; gives the instance the referral number as
 * business key and the case variables, or marks it {@code mergedIntoOpenCase}. The registry fields (KK, birth
 * date, phone...) leave the process: the registry keeps them. Invalid input fails the start, so nothing is
 * registered and Tasklist shows why.
 */
@Component
public class RegisterIntakeDelegate implements JavaDelegate {

  private final IntakeService intakeService;
  private final Actors actors;

  public RegisterIntakeDelegate(IntakeService intakeService, Actors actors) {
    this.intakeService = intakeService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IntakeRequest request = new IntakeRequest(
        NIK.get(execution), KK_NUMBER.get(execution), FULL_NAME.get(execution),
        BIRTH_DATE.get(execution), SEX.get(execution), ADDRESS.get(execution), RT.get(execution),
        RW.get(execution), KELURAHAN.get(execution), PHONE.get(execution), CHANNEL.get(execution),
        NEEDS.get(execution), DESCRIPTION.get(execution), URGENT.get(execution));
    IntakeResult result = intakeService.register(request, execution.getTenantId(), actors.current(),
        (number, variables) -> {
      execution.setProcessBusinessKey(number);
      execution.setVariables(variables);
      return execution.getProcessInstanceId();
    });
    if (result.merged()) {
      execution.setProcessBusinessKey(result.referralNumber());
    }
    REGISTRY_ONLY.forEach(variable -> execution.removeVariable(variable.name()));
    execution.removeVariable(NIK.name());
    MERGED_INTO_OPEN_CASE.set(execution, result.merged());
  }
}
