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
        string(execution, NIK), string(execution, KK_NUMBER), string(execution, FULL_NAME),
        string(execution, BIRTH_DATE), string(execution, SEX), string(execution, ADDRESS), string(execution, RT),
        string(execution, RW), string(execution, KELURAHAN), string(execution, PHONE), string(execution, CHANNEL),
        strings(execution, NEEDS), string(execution, DESCRIPTION), flag(execution, URGENT));
    IntakeResult result = intakeService.register(request, actors.current(), (number, variables) -> {
      execution.setProcessBusinessKey(number);
      execution.setVariables(variables);
      return execution.getProcessInstanceId();
    });
    if (result.merged()) {
      execution.setProcessBusinessKey(result.referralNumber());
    }
    REGISTRY_ONLY.forEach(execution::removeVariable);
    execution.removeVariable(NIK);
    execution.setVariable(MERGED_INTO_OPEN_CASE, result.merged());
  }
}
