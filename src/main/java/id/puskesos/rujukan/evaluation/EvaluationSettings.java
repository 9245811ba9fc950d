package id.puskesos.rujukan.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Evaluation settings from {@code rujukan.evaluation}. Named {@code evaluationSettings} because
 * participatory-evaluation.bpmn reads its start timer from it.
 */
@Component("evaluationSettings")
@ConfigurationProperties("rujukan.evaluation")
public class EvaluationSettings {

  /** When an evaluation starts on its own: a Camunda time cycle; quarterly, 07:00 on the first day. */
  private String cycle = "0 0 7 1 1,4,7,10 ?";
  /**
   * How long the participants have to give feedback before the meeting goes on with the answers given: working
   * days, past the feedback task's own service level so the late are reminded and escalated first.
   */
  private String feedbackWindow = "15WD";

  public String getCycle() {
    return cycle;
  }

  public void setCycle(String cycle) {
    this.cycle = cycle;
  }

  public String getFeedbackWindow() {
    return feedbackWindow;
  }

  public void setFeedbackWindow(String feedbackWindow) {
    this.feedbackWindow = feedbackWindow;
  }
}
