package id.puskesos.rujukan.evaluation;

import static id.puskesos.rujukan.process.EvaluationProcess.Variables.PERIOD_FROM;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.PERIOD_TO;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.grievance.GrievanceFigures;
import id.puskesos.rujukan.notification.Channel;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.report.PdfReport;
import id.puskesos.rujukan.report.Period;
import id.puskesos.rujukan.report.PeriodData;
import id.puskesos.rujukan.report.PeriodFigures.Figures;
import id.puskesos.rujukan.report.PeriodFigures;
import id.puskesos.rujukan.report.Report;
import id.puskesos.rujukan.report.ReportStorage;
import id.puskesos.rujukan.sla.SlaPlugin;
import id.puskesos.rujukan.tenant.PuskesosStaff;

/**
 * The participatory evaluation of a period with the partners, of one Puskesos or of the city ({@link EvaluationScopes}):
 * opening it with the pack from the records (a Puskesos's: its own cases; the city's: every case, and the Puskesos
 * side by side, {@link CityComparison}), sending the pack, and the pack as it stands. The feedback round ({@link EvaluationFeedback}), the meeting and its action items
 * ({@link EvaluationMeetings}) and the letters of appreciation ({@link Appreciations}) have their own services.
 */
@Service
@Transactional
public class Evaluations {

  /** A stored evaluation. */
  public record Evaluation(long id, Period period, String label, String status, String coordinator,
      LocalDate meetingDate, String attendance, String otherAttendees, String decisions, String ideasAdopted,
      Long packDocumentId, String scope) {
  }

  /** The result of opening: a new evaluation, or the period was evaluated already (by hand, before the timer). */
  public record Opened(long id, String label, String businessKey, List<String> participants, boolean alreadyEvaluated) {
  }

  private final JdbcClient jdbc;
  private final PeriodData periodData;
  private final EvaluationParticipants participants;
  private final EvaluationFeedback feedback;
  private final EvaluationMeetings meetings;
  private final ReportStorage storage;
  private final Documents documents;
  private final PdfReport pdfReport;
  private final Notifications notifications;
  private final Actors actors;
  private final SlaPlugin sla;
  private final EvaluationSettings settings;
  private final GrievanceFigures grievanceFigures;
  private final EvaluationSimulations simulations;
  private final EvaluationScopes scopes;
  private final CityComparison comparison;
  private final PuskesosStaff staff;
  private final Clock clock;

  public Evaluations(JdbcClient jdbc, PeriodData periodData, EvaluationParticipants participants,
      EvaluationFeedback feedback, EvaluationMeetings meetings, ReportStorage storage, Documents documents,
      PdfReport pdfReport, Notifications notifications, Actors actors, SlaPlugin sla, EvaluationSettings settings,
      GrievanceFigures grievanceFigures, EvaluationSimulations simulations, EvaluationScopes scopes,
      CityComparison comparison, PuskesosStaff staff, Clock clock) {
    this.scopes = scopes;
    this.comparison = comparison;
    this.staff = staff;
    this.jdbc = jdbc;
    this.periodData = periodData;
    this.participants = participants;
    this.feedback = feedback;
    this.meetings = meetings;
    this.storage = storage;
    this.documents = documents;
    this.pdfReport = pdfReport;
    this.notifications = notifications;
    this.actors = actors;
    this.sla = sla;
    this.settings = settings;
    this.grievanceFigures = grievanceFigures;
    this.simulations = simulations;
    this.clock = clock;
  }

  // ---- opening: the pack ----------------------------------------------------------------------------------------

  /**
   * Opens the evaluation of a period for a scope (a Puskesos's tenant id, or the city): the given days, or the last
   * complete quarter when neither is given. A period the scope evaluated before is refused when asked for by hand and
   * skipped on schedule.
   */
  public Opened open(String scope, String from, String to, boolean byHand, String actor) {
    Period period = period(from, to);
    Optional<Evaluation> existing = findByPeriod(scope, period);
    if (existing.isPresent()) {
      if (byHand) {
        throw new InvalidInputException(PERIOD_FROM.name(), "Periode %s sudah dievaluasi (evaluasi nomor %d)"
            .formatted(period.label(), existing.get().id()));
      }
      return new Opened(existing.get().id(), period.label(), businessKey(period, existing.get().id()), List.of(), true);
    }
    String tenant = EvaluationScopes.tenantOf(scope);
    Figures figures = PeriodFigures.compute(periodData.load(period, tenant));
    Figures previous = PeriodFigures.compute(periodData.load(period.previous(), tenant));
    Optional<Evaluation> last = jdbc.sql(SELECT + " WHERE scope = ? AND period_to < ? ORDER BY period_to DESC, id DESC")
        .params(scope, period.from()).query(this::map).list().stream().findFirst();
    List<ActionItem> earlier = meetings.before(scope, period);
    EvaluationPack.Inputs inputs = new EvaluationPack.Inputs(figures, previous,
        last.map(Evaluation::label).orElse(null), last.map(e -> feedback.feedback(e.id())).orElse(List.of()),
        earlier, Appreciation.reasons(figures, Map.of()), participants::groupName, scopes.title(scope),
        EvaluationScopes.isCity(scope) ? CityComparison.section(comparison.headlines(period)) : null);
    Report pack = EvaluationPack.build(inputs, grievanceFigures.of(period.start(), period.end(), tenant),
        storage.generated(actor));
    long document = documents.store("EVALUATION_PACK", pack.title() + " " + period.label(),
        "bahan-evaluasi-" + scope.toLowerCase(java.util.Locale.ROOT) + "-" + period.key() + ".pdf",
        pdfReport.render(pack), actor);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO evaluation (scope, period_from, period_to, label, status, pack, pack_document_id, opened_at,
          opened_by)
        VALUES (?, ?, ?, ?, 'FEEDBACK', ?, ?, ?, ?)""")
        .params(scope, period.from(), period.to(), period.label(), storage.write(pack), document, now(), actor)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return new Opened(id, period.label(), businessKey(period, id), participants.participants(scope), false);
  }

  /** When the feedback round closes: the configured working days from now. */
  public Date feedbackClosesAt() {
    return sla.dueAfter(settings.getFeedbackWindow(), Date.from(now().toInstant()));
  }

  private static String businessKey(Period period, long id) {
    String key = "EVAL-" + period.key();
    return key.length() <= 20 ? key : "EVAL-" + id;
  }

  private Period period(String from, String to) {
    Checks checks = new Checks();
    LocalDate first = checks.date(PERIOD_FROM.name(), from, "Awal periode", false);
    LocalDate last = checks.date(PERIOD_TO.name(), to, "Akhir periode", false);
    checks.throwIfAny();
    LocalDate today = Dates.today(clock);
    if (first == null && last == null) {
      return Period.quarterBefore(today);
    }
    checks.check(first != null, PERIOD_FROM.name(), "Awal periode wajib diisi bila akhir periode diisi");
    checks.check(last != null, PERIOD_TO.name(), "Akhir periode wajib diisi bila awal periode diisi");
    checks.throwIfAny();
    // an evaluation looks back: a period that has not ended would be judged on half its figures
    DateRule.of(checks, PERIOD_TO.name(), "Akhir periode", last)
        .notBefore("awal periode", first)
        .notInFuture(today)
        .notAfter("satu tahun setelah awal periode", first.plusYears(1));
    checks.throwIfAny();
    return new Period(first, last);
  }

  /** Tells every participant the pack is ready, with the PDF attached: of a Puskesos's, its own staff only. */
  public int sendPack(long id) {
    Evaluation evaluation = get(id);
    String subject = "Evaluasi partisipatif " + scopes.title(evaluation.scope()) + " " + evaluation.label();
    String body = "Bahan evaluasi bersama %s terlampir dan dapat dibuka di /api/evaluations/%d/pack. Mohon isi umpan "
        .formatted(evaluation.label(), id) + "balik lembaga Anda di Tasklist (tugas \"Isi umpan balik evaluasi\").";
    int queued = 0;
    for (String address : staff.emails(EvaluationScopes.tenantOf(evaluation.scope()),
        participants.groups(evaluation.scope()))) {
      if (notifications.enqueue(Channel.EMAIL, address, subject, body, "evaluation-pack:" + id, null,
          evaluation.packDocumentId())) {
        queued++;
      }
    }
    return queued;
  }

  // ---- reading --------------------------------------------------------------------------------------------------

  private static final String SELECT = """
      SELECT id, period_from, period_to, label, status, coordinator, meeting_date, attendance, other_attendees,
             decisions, ideas_adopted, pack_document_id, scope FROM evaluation
      """;

  @Transactional(readOnly = true)
  public Evaluation get(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional()
        .orElseThrow(() -> new NotFoundException("Evaluasi " + id + " tidak ditemukan"));
  }

  @Transactional(readOnly = true)
  public List<Evaluation> list() {
    return jdbc.sql(SELECT + " ORDER BY period_from DESC, scope, id DESC").query(this::map).list();
  }

  private Optional<Evaluation> findByPeriod(String scope, Period period) {
    return jdbc.sql(SELECT + " WHERE scope = ? AND period_from = ? AND period_to = ?")
        .params(scope, period.from(), period.to())
        .query(this::map).optional();
  }

  /** The pack as it was computed when the evaluation opened, with the round's results once there are any. */
  @Transactional(readOnly = true)
  public Report pack(long id) {
    Evaluation evaluation = get(id);
    byte[] stored = jdbc.sql("SELECT pack FROM evaluation WHERE id = ?").param(id).query(byte[].class).single();
    Report pack = storage.read(stored);
    List<Report.Section> sections = new ArrayList<>(pack.sections());
    List<Feedback> answers = feedback.feedback(id);
    if (!"FEEDBACK".equals(evaluation.status()) || !answers.isEmpty()) {
      String meeting = evaluation.meetingDate() == null ? null : meetingText(evaluation);
      sections.addAll(EvaluationPack.results(participants.participants(evaluation.scope()).stream()
          .map(participants::safeName)
          .toList(), answers, meeting, meetings.actions(id), participants::groupName));
    }
    sections.addAll(simulations.sections(id));
    return new Report(pack.title(), pack.subtitle(), pack.generatedAt(), sections);
  }

  private String meetingText(Evaluation e) {
    List<String> present = e.attendance() == null || e.attendance().isBlank() ? List.of()
        : Arrays.stream(e.attendance().split(",")).map(participants::safeName).toList();
    List<String> adopted = e.ideasAdopted() == null || e.ideasAdopted().isBlank() ? List.of()
        : Arrays.stream(e.ideasAdopted().split(",")).map(participants::safeName).toList();
    return "Rapat %s, dipimpin %s.\nHadir: %s%s.\nIde mitra yang diadopsi: %s.\nKeputusan bersama: %s".formatted(
        Period.day(e.meetingDate()), e.coordinator() == null ? "-" : actors.displayName(e.coordinator()),
        String.join(", ", present), e.otherAttendees() == null ? "" : " (" + e.otherAttendees() + ")",
        adopted.isEmpty() ? "-" : String.join(", ", adopted), e.decisions());
  }

  private Evaluation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Evaluation(rs.getLong("id"), new Period(rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_to", LocalDate.class)), rs.getString("label"), rs.getString("status"),
        rs.getString("coordinator"), rs.getObject("meeting_date", LocalDate.class), rs.getString("attendance"),
        rs.getString("other_attendees"), rs.getString("decisions"), rs.getString("ideas_adopted"),
        (Long) rs.getObject("pack_document_id", Long.class), rs.getString("scope"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
