package id.puskesos.rujukan.evaluation;

import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Dates;
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

  public String ownerOf(Long actionItemId) {
    return meetings.action(actionItemId).ownerGroup();
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
