package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.CaseVariables.number;
import static id.puskesos.rujukan.process.CaseVariables.string;
import static id.puskesos.rujukan.process.CaseVariables.strings;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.InvalidInputException;

/**
 * {@code task_recordMeeting} in participatory-evaluation.bpmn, right after the meeting task (a refusal keeps the
 * task open with the reason). Reads {@code evaluationId}, {@code meetingDate}, {@code attendance},
 * {@code otherAttendees}, {@code decisions}, {@code ideasAdopted} and {@code actionItems} (the form's list: JSON from
 * Tasklist, a list of maps from the API); writes {@code actionItemIds}, the tracked tasks' collection.
 */
@Component
public class RecordMeetingDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Evaluations evaluations;
  private final Actors actors;

  public RecordMeetingDelegate(Evaluations evaluations, Actors actors) {
    this.evaluations = evaluations;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Long> ids = evaluations.recordMeeting(number(execution, EVALUATION_ID), string(execution, MEETING_DATE),
        strings(execution, ATTENDANCE), string(execution, OTHER_ATTENDEES), string(execution, DECISIONS),
        strings(execution, IDEAS_ADOPTED), actionItems(execution.getVariable(ACTION_ITEMS)), actors.current());
    execution.setVariable(ACTION_ITEM_IDS, new ArrayList<>(ids));
  }

  static List<Evaluations.ActionInput> actionItems(Object value) {
    List<Evaluations.ActionInput> items = new ArrayList<>();
    Object list = value;
    try {
      if (value instanceof SpinJsonNode json) {
        list = JSON.readValue(json.toString(), List.class);
      } else if (value instanceof String text && !text.isBlank()) {
        list = JSON.readValue(text, List.class);
      }
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(ACTION_ITEMS, "Daftar tindak lanjut tidak terbaca");
    }
    if (list instanceof Collection<?> entries) {
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> item && !blank(item)) {
          items.add(new Evaluations.ActionInput(text(item.get("description")), text(item.get("ownerGroup")),
              text(item.get("dueOn"))));
        }
      }
    }
    return items;
  }

  /** The list starts with one empty row; a row left wholly empty is no action item. */
  private static boolean blank(Map<?, ?> item) {
    return item.values().stream().allMatch(v -> v == null || v.toString().isBlank());
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
