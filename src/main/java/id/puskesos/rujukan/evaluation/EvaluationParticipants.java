package id.puskesos.rujukan.evaluation;

import org.springframework.stereotype.Component;

/** For participatory-evaluation.bpmn's feedback tasks: {@code ${evaluationParticipants.groupsOf(participant)}}. */
@Component("evaluationParticipants")
public class EvaluationParticipants {

  private final Evaluations evaluations;

  public EvaluationParticipants(Evaluations evaluations) {
    this.evaluations = evaluations;
  }

  public String groupsOf(String participant) {
    return evaluations.groupsOf(participant);
  }

  public String nameOf(String participant) {
    return evaluations.nameOf(participant);
  }
}
