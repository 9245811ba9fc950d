package id.puskesos.rujukan.assessment;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code task_prepareConsentQuestions} in referral.bpmn, just before the needs assessment. Writes
 * {@code consentOptions} (the partners the assessment asks the resident's consent to share data with, code and name,
 * from the catalogue: the options of the form's checklist) and {@code consentPartners} (those the resident consents to
 * now, so that the checklist starts from the answers that stand).
 */
@Component
public class PrepareConsentQuestionsDelegate implements JavaDelegate {

  private final AssessmentService assessmentService;

  public PrepareConsentQuestionsDelegate(AssessmentService assessmentService) {
    this.assessmentService = assessmentService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AssessmentService.ConsentQuestions questions = assessmentService.consentQuestions(caseNumber(execution));
    CONSENT_OPTIONS.set(execution, questions.partners());
    CONSENT_PARTNERS.set(execution, questions.consented());
  }
}
