package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.mock.Mocks;

import id.puskesos.rujukan.evaluation.EvaluationSettings;
import id.puskesos.rujukan.report.ReportSettings;

/**
 * Stand-ins for the evaluation and report delegates and the beans their models read, for process tests on a plain
 * engine; the real ones are tested with their services in {@code EvaluationScenarioTest}.
 */
public final class EvaluationFakes {

  /** The participants the feedback round asks, with their groups. */
  public static final Map<String, String> GROUPS = Map.of("PUSKESOS", "koordinator,bo,fasilitator,fo",
      "DINSOS", "dinsos", "BAZNAS", "baznas", "SALMAN", "salman");
  public static final List<String> PARTICIPANT_CODES = List.of("PUSKESOS", "DINSOS", "BAZNAS", "SALMAN");
  /** The owners of the action items the meeting agrees (by id). */
  public static final Map<Long, String> OWNERS = Map.of(101L, "bo", 102L, "dinsos");

  /** Whether the period was evaluated before (the timer then ends at once). */
  public boolean alreadyEvaluated;
  /** The action items the meeting agrees. */
  public List<Long> actionItemIds = new ArrayList<>(List.of(101L, 102L));
  public int generated;

  private EvaluationFakes() {
  }

  public static EvaluationFakes register(FakeDelegates fakes) {
    EvaluationFakes evaluation = new EvaluationFakes();
    EvaluationSettings settings = new EvaluationSettings();
    Mocks.register("evaluationSettings", settings);
    Mocks.register("reportSettings", new ReportSettings());
    Mocks.register("evaluationParticipants", new Participants());
    Mocks.register("evaluationActions", new Actions());
    fakes.replace("openEvaluationDelegate", execution -> {
      execution.setVariable(ALREADY_EVALUATED, evaluation.alreadyEvaluated);
      execution.setVariable(EVALUATION_ID, 7L);
      execution.setVariable(EVALUATION_LABEL, "Triwulan III 2026");
      execution.setVariable(PARTICIPANTS, new ArrayList<>(PARTICIPANT_CODES));
      execution.setVariable(FEEDBACK_CLOSES_AT, new Date(System.currentTimeMillis() + 21L * 24 * 3600 * 1000));
    });
    fakes.replace("sendEvaluationPackDelegate", execution -> { });
    fakes.replace("recordFeedbackDelegate", execution -> { });
    fakes.replace("summariseFeedbackDelegate", execution -> execution.setVariable(FEEDBACK_SUMMARY, "-"));
    fakes.replace("recordMeetingDelegate", execution -> execution.setVariable(ACTION_ITEM_IDS,
        new ArrayList<>(evaluation.actionItemIds)));
    fakes.replace("issueAppreciationDelegate", execution -> { });
    fakes.replace("recordActionItemDelegate", execution -> { });
    fakes.replace("generateReportDelegate", execution -> {
      evaluation.generated++;
      execution.setVariable(MonthlyReportProcess.Variables.REPORT_ID, 3L);
    });
    fakes.replace("recordReportReviewDelegate", execution -> { });
    fakes.replace("archiveReportDelegate", execution -> { });
    fakes.replace("sendReportDelegate", execution -> { });
    fakes.replace("startScheduledDelegate", execution -> { });
    return evaluation;
  }

  /** {@code evaluationParticipants} of the model. */
  public static final class Participants {
    public String groupsOf(String participant) {
      return GROUPS.get(participant);
    }

    public String nameOf(String participant) {
      return "Peserta " + participant;
    }
  }

  /** {@code evaluationActions} of the model: item 101 due on 15 January 2027, 102 a week later. */
  public static final class Actions {
    public String ownerOf(Long id) {
      return OWNERS.get(id);
    }

    public Date dueOf(Long id) {
      return Date.from(java.time.LocalDate.of(2027, 1, id == 101L ? 15 : 22).atTime(16, 0)
          .atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
    }

    public String describe(Long id) {
      return "Tindak lanjut " + id;
    }
  }
}
