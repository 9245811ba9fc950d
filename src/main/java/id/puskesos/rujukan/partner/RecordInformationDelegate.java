package id.puskesos.rujukan.partner;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/** {@code task_recordInformation} in partner-referral.bpmn. Reads {@code infoResponse}, the back office's answer. */
@Component
public class RecordInformationDelegate implements JavaDelegate {

  private final PartnerService partnerService;
  private final Actors actors;

  public RecordInformationDelegate(PartnerService partnerService, Actors actors) {
    this.partnerService = partnerService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    partnerService.provideInformation(string(execution, REFERRAL_NUMBER), string(execution, PROGRAM_CODE),
        string(execution, INFO_RESPONSE), actors.current());
  }
}
