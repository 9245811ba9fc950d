package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Variable;

/**
 * {@code task_recordFeedback} in participatory-evaluation.bpmn, inside each participant's feedback. Reads
 * {@code evaluationId}, {@code participant}, {@code worked}, {@code obstacles}, {@code ideas} and the score and
 * comment of each {@link Aspect} (local to the participant's scope); writes nothing.
 */
@Component
public class RecordFeedbackDelegate implements JavaDelegate {

  private final EvaluationFeedback feedback;
  private final Actors actors;

  public RecordFeedbackDelegate(EvaluationFeedback feedback, Actors actors) {
    this.feedback = feedback;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> answer = new HashMap<>();
    for (Variable<String> text : List.of(WORKED, OBSTACLES, IDEAS)) {
      answer.put(text.name(), text.get(execution));
    }
    for (Aspect aspect : Aspect.values()) {
      answer.put(aspect.scoreVariable(), execution.getVariable(aspect.scoreVariable()));
      answer.put(aspect.commentVariable(), execution.getVariable(aspect.commentVariable()));
    }
    feedback.recordFeedback(EVALUATION_ID.get(execution), PARTICIPANT.get(execution), answer,
        actors.current());
  }
}
