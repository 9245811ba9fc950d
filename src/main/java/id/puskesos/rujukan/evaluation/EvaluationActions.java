package id.puskesos.rujukan.evaluation;

import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.report.Period;

/**
 * For participatory-evaluation.bpmn's action item tasks: who owns an item, when it is due (the end of office hours
 * on its day, so the reminder comes that morning), and what the task shows.
 */
@Component("evaluationActions")
public class EvaluationActions {

  private final EvaluationMeetings meetings;
  private final EvaluationParticipants participants;
  private final java.time.LocalTime closes;

  public EvaluationActions(EvaluationMeetings meetings, EvaluationParticipants participants,
      @Value("${rujukan.calendar.closes:16:00}") String closes) {
    this.meetings = meetings;
    this.participants = participants;
    this.closes = java.time.LocalTime.parse(closes);
  }

  /**
   * The candidate group of an item's task. An item the city's evaluation addressed to one Puskesos is reported by the
   * city SLRT, who follows it up with that Puskesos: the city's instance has no tenant, so the group
   * {@code koordinator} would reach every Puskesos's koordinator, and a model may not name users. The Puskesos sees
   * the item in its own next evaluation's pack ({@link EvaluationMeetings#before}).
   */
  public String ownerOf(Long actionItemId) {
    String owner = meetings.action(actionItemId).ownerGroup();
    return owner.startsWith(EvaluationParticipants.PUSKESOS_OWNER) ? Groups.SLRT : owner;
  }

  public Date dueOf(Long actionItemId) {
    return Date.from(meetings.action(actionItemId).dueOn().atTime(closes).atZone(Dates.BANDUNG)
        .toInstant());
  }

  public String describe(Long actionItemId) {
    ActionItem item = meetings.action(actionItemId);
    return "**%s**  \nPenanggung jawab: %s  \nBatas waktu: %s  \nDisepakati dalam evaluasi %s".formatted(
        item.description(), participants.groupName(item.ownerGroup()), Period.day(item.dueOn()),
        item.evaluationLabel());
  }
}
