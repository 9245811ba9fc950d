package id.puskesos.rujukan.evaluation;

import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Dates;

/**
 * For participatory-evaluation.bpmn's action item tasks: who owns an item, when it is due (the end of office hours
 * on its day, so the reminder comes that morning), and what the task shows.
 */
@Component("evaluationActions")
public class EvaluationActions {

  private final Evaluations evaluations;
  private final java.time.LocalTime closes;

  public EvaluationActions(Evaluations evaluations, @Value("${rujukan.calendar.closes:16:00}") String closes) {
    this.evaluations = evaluations;
    this.closes = java.time.LocalTime.parse(closes);
  }

  public String ownerOf(Long actionItemId) {
    return evaluations.action(actionItemId).ownerGroup();
  }

  public Date dueOf(Long actionItemId) {
    return Date.from(evaluations.action(actionItemId).dueOn().atTime(closes).atZone(Dates.BANDUNG)
        .toInstant());
  }

  public String describe(Long actionItemId) {
    ActionItem item = evaluations.action(actionItemId);
    return "**%s**  \nPenanggung jawab: %s  \nBatas waktu: %s  \nDisepakati dalam evaluasi %s".formatted(
        item.description(), evaluations.groupName(item.ownerGroup()), Period.day(item.dueOn()),
        item.evaluationLabel());
  }
}
