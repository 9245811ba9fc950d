package id.puskesos.rujukan.escalation;

import static id.puskesos.rujukan.process.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.routing.RecommendationView;

/**
 * {@code task_recordCityAnswer} in referral.bpmn, after {@code task_answerEscalation}. Reads {@code cityAnswer}
 * (TAKEN_OVER or RETURNED) and {@code cityNote}; a returned case goes back to the back office's recommendation,
 * whose form shows the city's direction.
 */
@Component
public class RecordCityAnswerDelegate implements JavaDelegate {

  private final Escalations escalations;
  private final RecommendationView view;
  private final Actors actors;

  public RecordCityAnswerDelegate(Escalations escalations, RecommendationView view, Actors actors) {
    this.escalations = escalations;
    this.view = view;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = caseNumber(execution);
    if (escalations.answer(number, CITY_ANSWER.get(execution), CITY_NOTE.get(execution), actors.current())
        == Escalations.Answer.RETURNED) {
      view.show(execution, number);
    }
  }
}
