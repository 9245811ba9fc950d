package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.ACTION_OUTCOME;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.ACTION_RESULT;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.ATTENDANCE;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.DECISIONS;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.IDEAS_ADOPTED;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.MEETING_DATE;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.OTHER_ATTENDEES;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.report.Period;

/**
 * The joint meeting of an evaluation and what it decided to follow up: its record, and the action items tracked
 * until their owners report them; the last report closes the evaluation.
 */
@Service
@Transactional
public class EvaluationMeetings {

  /** One action item as the meeting form submits it. */
  public record ActionInput(String description, String ownerGroup, String dueOn) {
  }

  private static final String ACTIONS = """
      SELECT a.id, a.evaluation_id, e.label, a.position, a.description, a.owner_group, a.owner_tenant, a.due_on,
             a.status, a.result, a.reported_at
      FROM evaluation_action a JOIN evaluation e ON e.id = a.evaluation_id
      """;

  private final JdbcClient jdbc;
  private final EvaluationParticipants participants;
  private final Clock clock;

  public EvaluationMeetings(JdbcClient jdbc, EvaluationParticipants participants, Clock clock) {
    this.jdbc = jdbc;
    this.participants = participants;
    this.clock = clock;
  }

  /** Records the meeting and its action items; returns the items' ids, in the order given. */
  public List<Long> recordMeeting(long id, String meetingDate, List<String> attendance, String otherAttendees,
      String decisions, List<String> ideasAdopted, List<ActionInput> actions, String actor) {
    Checks checks = new Checks();
    LocalDate date = checks.date(MEETING_DATE.name(), meetingDate, "Tanggal rapat", true);
    LocalDate today = Dates.today(clock);
    OffsetDateTime opened = jdbc.sql("SELECT opened_at FROM evaluation WHERE id = ?").param(id)
        .query((rs, row) -> rs.getObject("opened_at", OffsetDateTime.class)).optional().orElse(null);
    // the meeting discusses the pack and the feedback, which exist from the day the evaluation opened
    DateRule.of(checks, MEETING_DATE.name(), "Tanggal rapat", date)
        .notBefore("evaluasi dibuka", opened)
        .notInFuture(today);
    String scope = participants.scopeOf(id);
    List<String> known = participants.participants(scope);
    checks.check(!attendance.isEmpty(), ATTENDANCE.name(), "Pilih lembaga yang hadir");
    checks.check(known.containsAll(attendance), ATTENDANCE.name(), "Lembaga yang hadir tidak dikenal");
    checks.check(known.containsAll(ideasAdopted) && !ideasAdopted.contains(EvaluationParticipants.PUSKESOS)
        && !ideasAdopted.contains(EvaluationParticipants.SLRT),
        IDEAS_ADOPTED.name(), "Ide yang diadopsi hanya dari mitra yang dikenal");
    String decided = checks.required(DECISIONS.name(), decisions, "Keputusan bersama");
    checks.check(decided == null || decided.length() <= 4000, DECISIONS.name(),
        "Keputusan bersama paling banyak 4000 huruf");
    checks.check(otherAttendees == null || otherAttendees.length() <= 500, OTHER_ATTENDEES.name(),
        "Nama peserta rapat paling banyak 500 huruf");
    Map<String, String> owners = participants.ownerOptions(scope);
    List<LocalDate> dues = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      ActionInput a = actions.get(i);
      String which = "Tindak lanjut ke-" + (i + 1) + ": ";
      checks.check(a.description() != null && !a.description().isBlank(), "actionItems", which + "uraian wajib diisi");
      checks.check(a.description() == null || a.description().length() <= 500, "actionItems",
          which + "uraian paling banyak 500 huruf");
      checks.check(a.ownerGroup() != null && owners.containsKey(a.ownerGroup()), "actionItems",
          which + "penanggung jawab wajib dipilih dari daftar");
      Checks dueCheck = new Checks();
      LocalDate due = dueCheck.date("dueOn", a.dueOn(), "batas waktu", true);
      dueCheck.errors().forEach(e -> checks.add("actionItems", which + e.message()));
      // still to come, and within the year the next evaluations can follow it up (a typed 2062 is a slip)
      DateRule.of(checks, "actionItems", which + "batas waktu", due)
          .notInPast(today)
          .notAfter("satu tahun setelah rapat", date == null ? null : date.plusYears(1));
      dues.add(due);
    }
    checks.throwIfAny();
    jdbc.sql("""
        UPDATE evaluation SET status = 'FOLLOW_UP', meeting_date = ?, attendance = ?, other_attendees = ?,
          decisions = ?, ideas_adopted = ?, coordinator = ?, meeting_recorded_at = ? WHERE id = ?""")
        .params(date, String.join(",", attendance), blankToNull(otherAttendees), decided,
            String.join(",", ideasAdopted), actor, now(), id)
        .update();
    jdbc.sql("DELETE FROM evaluation_action WHERE evaluation_id = ?").param(id).update();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      // an item of the city's evaluation addressed to a Puskesos: its koordinator, of that Puskesos only
      String owner = actions.get(i).ownerGroup();
      boolean toPuskesos = owner.startsWith(EvaluationParticipants.PUSKESOS_OWNER);
      jdbc.sql("""
          INSERT INTO evaluation_action (evaluation_id, position, description, owner_group, owner_tenant, due_on,
            status)
          VALUES (?, ?, ?, ?, ?, ?, 'OPEN')""")
          .params(id, i + 1, actions.get(i).description().trim(), toPuskesos ? Groups.KOORDINATOR : owner,
              toPuskesos ? owner.substring(EvaluationParticipants.PUSKESOS_OWNER.length()) : null, dues.get(i))
          .update(keys, "id");
      ids.add(keys.getKey().longValue());
    }
    if (ids.isEmpty()) {
      close(id);
    }
    return ids;
  }

  @Transactional(readOnly = true)
  public ActionItem action(long actionId) {
    return jdbc.sql(ACTIONS + " WHERE a.id = ?").param(actionId).query(this::mapAction).optional()
        .orElseThrow(() -> new NotFoundException("Tindak lanjut " + actionId + " tidak ditemukan"));
  }

  /** The owner reports the item done or dropped, with what came of it; the last report closes the evaluation. */
  public void reportAction(long actionId, String outcome, String result, String actor) {
    Checks checks = new Checks();
    ActionItem.Status status = checks.oneOf(ActionItem.Status.class, ACTION_OUTCOME.name(), outcome, "Hasil");
    checks.check(status != ActionItem.Status.OPEN, ACTION_OUTCOME.name(),
        "Pilih sudah dilaksanakan atau tidak dapat dilaksanakan");
    String text = checks.required(ACTION_RESULT.name(), result, "Uraian hasil atau alasan");
    checks.check(text == null || text.length() <= 1000, ACTION_RESULT.name(), "Uraian paling banyak 1000 huruf");
    checks.throwIfAny();
    ActionItem item = action(actionId);
    jdbc.sql("UPDATE evaluation_action SET status = ?, result = ?, reported_at = ?, reported_by = ? WHERE id = ?")
        .params(status.name(), text, now(), actor, actionId).update();
    long open = jdbc.sql("SELECT COUNT(*) FROM evaluation_action WHERE evaluation_id = ? AND status = 'OPEN'")
        .param(item.evaluationId()).query(Long.class).single();
    if (open == 0) {
      close(item.evaluationId());
    }
  }

  private void close(long id) {
    jdbc.sql("UPDATE evaluation SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(now(), id).update();
  }

  /** The action items of an evaluation, in the meeting's order. */
  @Transactional(readOnly = true)
  public List<ActionItem> actions(long id) {
    return jdbc.sql(ACTIONS + " WHERE a.evaluation_id = ? ORDER BY a.position").param(id).query(this::mapAction).list();
  }

  /**
   * The items of the scope's earlier evaluations a new one looks back on: still open, or reported since the previous
   * period. A Puskesos's evaluation also looks back on what the city's addressed to it.
   */
  @Transactional(readOnly = true)
  public List<ActionItem> before(String scope, Period period) {
    return jdbc.sql(ACTIONS + """
         WHERE (e.scope = ? OR a.owner_tenant = ?) AND e.period_from < ? AND (a.status = 'OPEN' OR a.reported_at >= ?)
         ORDER BY e.period_from, a.position""")
        .params(scope, scope, period.from(), period.previous().start()).query(this::mapAction).list();
  }

  private ActionItem mapAction(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ActionItem(rs.getLong("id"), rs.getLong("evaluation_id"), rs.getString("label"), rs.getInt("position"),
        rs.getString("description"), rs.getString("owner_tenant") == null ? rs.getString("owner_group")
            : EvaluationParticipants.PUSKESOS_OWNER + rs.getString("owner_tenant"), rs.getObject("due_on", LocalDate.class),
        ActionItem.Status.valueOf(rs.getString("status")), rs.getString("result"),
        rs.getObject("reported_at", OffsetDateTime.class));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
