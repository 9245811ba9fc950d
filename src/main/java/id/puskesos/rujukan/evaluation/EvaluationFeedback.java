package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.IDEAS;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.OBSTACLES;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.WORKED;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.report.Labels;

/** The feedback round of an evaluation: each participant's answer, and the summary the meeting starts from. */
@Service
@Transactional
public class EvaluationFeedback {

  /** What the meeting task shows and offers. */
  public record Summary(String text, Map<String, String> participantOptions, Map<String, String> partnerOptions,
      Map<String, String> ownerOptions) {
  }

  private final JdbcClient jdbc;
  private final EvaluationParticipants participants;
  private final Clock clock;

  public EvaluationFeedback(JdbcClient jdbc, EvaluationParticipants participants, Clock clock) {
    this.jdbc = jdbc;
    this.participants = participants;
    this.clock = clock;
  }

  /** Records a participant's answer (again, if the task is answered again); every score must be 1 to 5. */
  public void recordFeedback(long id, String participant, Map<String, Object> answer, String actor) {
    Checks checks = new Checks();
    String worked = text(checks, answer, WORKED.name(), "Yang berjalan baik", 2000, true);
    String obstacles = text(checks, answer, OBSTACLES.name(), "Hambatan", 2000, true);
    String ideas = text(checks, answer, IDEAS.name(), "Ide untuk periode berikutnya", 2000, true);
    Map<Aspect, Integer> scores = new EnumMap<>(Aspect.class);
    Map<Aspect, String> comments = new EnumMap<>(Aspect.class);
    for (Aspect aspect : Aspect.values()) {
      Object raw = answer.get(aspect.scoreVariable());
      Integer score = null;
      try {
        score = raw == null || raw.toString().isBlank() ? null : Integer.valueOf(raw.toString().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
      checks.check(score != null && score >= 1 && score <= 5, aspect.scoreVariable(),
          "Skor " + aspect.label().toLowerCase(Locale.ROOT) + " harus 1 sampai 5");
      scores.put(aspect, score);
      comments.put(aspect, text(checks, answer, aspect.commentVariable(), "Catatan " + aspect.label(), 500, false));
    }
    checks.throwIfAny();
    jdbc.sql("DELETE FROM evaluation_feedback WHERE evaluation_id = ? AND participant = ?").params(id, participant)
        .update();
    jdbc.sql("""
        INSERT INTO evaluation_feedback (evaluation_id, participant, worked, obstacles, ideas, score_coordination,
          comment_coordination, score_cooperation, comment_cooperation, score_collaboration, comment_collaboration,
          score_interprofessional, comment_interprofessional, answered_at, answered_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, participant, worked, obstacles, ideas, scores.get(Aspect.COORDINATION),
            comments.get(Aspect.COORDINATION), scores.get(Aspect.COOPERATION), comments.get(Aspect.COOPERATION),
            scores.get(Aspect.COLLABORATION), comments.get(Aspect.COLLABORATION), scores.get(Aspect.INTERPROFESSIONAL),
            comments.get(Aspect.INTERPROFESSIONAL), OffsetDateTime.now(clock), actor)
        .update();
  }

  /** The answers of an evaluation, in the order of the participants. */
  @Transactional(readOnly = true)
  public List<Feedback> feedback(long id) {
    List<String> order = participants.participants(participants.scopeOf(id));
    return jdbc.sql("SELECT * FROM evaluation_feedback WHERE evaluation_id = ?").param(id)
        .query((rs, n) -> {
          Map<Aspect, Integer> scores = new EnumMap<>(Aspect.class);
          Map<Aspect, String> comments = new EnumMap<>(Aspect.class);
          for (Aspect aspect : Aspect.values()) {
            scores.put(aspect, rs.getInt("score_" + aspect.column()));
            comments.put(aspect, rs.getString("comment_" + aspect.column()));
          }
          String participant = rs.getString("participant");
          return new Feedback(participant, participants.safeName(participant), rs.getString("worked"),
              rs.getString("obstacles"), rs.getString("ideas"), scores, comments,
              rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by"));
        })
        .list().stream()
        .sorted((a, b) -> Integer.compare(rank(order, a.participant()), rank(order, b.participant()))).toList();
  }

  private static int rank(List<String> order, String code) {
    int i = order.indexOf(code);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** Closes the round: what the meeting task shows (who answered, the scores, the ideas) and its choices. */
  public Summary summarise(long id) {
    jdbc.sql("UPDATE evaluation SET status = 'MEETING' WHERE id = ?").param(id).update();
    List<Feedback> answers = feedback(id);
    StringBuilder text = new StringBuilder("#### Umpan balik peserta\n");
    Map<String, String> participantOptions = new LinkedHashMap<>();
    Map<String, String> partnerOptions = new LinkedHashMap<>();
    String scope = participants.scopeOf(id);
    for (String participant : participants.participants(scope)) {
      String name = participants.nameOf(participant);
      participantOptions.put(participant, name);
      if (!EvaluationParticipants.PUSKESOS.equals(participant) && !EvaluationParticipants.SLRT.equals(participant)) {
        partnerOptions.put(participant, name);
      }
      boolean answered = answers.stream().anyMatch(a -> a.participant().equals(participant));
      text.append("- ").append(name).append(answered ? ": mengisi" : ": **tidak mengisi**").append('\n');
    }
    text.append("\n#### Rata-rata skor (1-5)\n");
    for (Aspect aspect : Aspect.values()) {
      text.append("- ").append(aspect.label()).append(": ")
          .append(Labels.decimal(EvaluationPack.average(answers, aspect))).append('\n');
    }
    text.append("\n#### Ide untuk periode berikutnya\n");
    answers.forEach(a -> text.append("- **").append(a.participantName()).append(":** ")
        .append(oneLine(a.ideas())).append('\n'));
    text.append("\n#### Hambatan\n");
    answers.forEach(a -> text.append("- **").append(a.participantName()).append(":** ")
        .append(oneLine(a.obstacles())).append('\n'));
    return new Summary(text.toString(), participantOptions, partnerOptions, participants.ownerOptions(scope));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  private static String text(Checks checks, Map<String, Object> answer, String field, String label, int max,
      boolean required) {
    Object raw = answer.get(field);
    String value = raw == null ? null : raw.toString().trim();
    if (value == null || value.isEmpty()) {
      checks.check(!required, field, label + " wajib diisi");
      return null;
    }
    checks.check(value.length() <= max, field, "%s paling banyak %d huruf".formatted(label, max));
    return value;
  }
}
