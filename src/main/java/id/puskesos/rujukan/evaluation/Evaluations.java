package id.puskesos.rujukan.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.evaluation.PeriodFigures.Figures;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.sla.SlaPlugin;

/**
 * The participatory evaluation of a period with the partners: the pack from the records, each participant's
 * feedback, the joint meeting's decisions and action items (tracked until reported), and the appreciation letters.
 */
@Service
@Transactional
public class Evaluations {

  /** The Puskesos team as a participant; the partners take part under their catalogue codes. */
  public static final String PUSKESOS = "PUSKESOS";
  static final List<String> PUSKESOS_GROUPS = List.of(Groups.KOORDINATOR, Groups.BACK_OFFICE, Groups.FASILITATOR,
      Groups.FRONT_OFFICE);
  private static final Map<String, String> PUSKESOS_GROUP_NAMES = Map.of(Groups.KOORDINATOR, "Koordinator Puskesos",
      Groups.BACK_OFFICE, "Back office Puskesos", Groups.FASILITATOR, "Fasilitator Puskesos", Groups.FRONT_OFFICE,
      "Front office Puskesos");
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm 'WIB'",
      Locale.forLanguageTag("id-ID"));

  /** A stored evaluation. */
  public record Evaluation(long id, Period period, String label, String status, String coordinator,
      LocalDate meetingDate, String attendance, String otherAttendees, String decisions, String ideasAdopted,
      Long packDocumentId) {
  }

  /** The result of opening: a new evaluation, or the period was evaluated already (by hand, before the timer). */
  public record Opened(long id, String label, String businessKey, List<String> participants, boolean alreadyEvaluated) {
  }

  /** What the meeting task shows and offers. */
  public record Summary(String text, Map<String, String> participantOptions, Map<String, String> partnerOptions,
      Map<String, String> ownerOptions) {
  }

  private final JdbcClient jdbc;
  private final PeriodData periodData;
  private final Documents documents;
  private final PdfReport pdfReport;
  private final AppreciationLetter appreciationLetter;
  private final Notifications notifications;
  private final Actors actors;
  private final SlaPlugin sla;
  private final EvaluationSettings settings;
  private final ObjectMapper json;
  private final Clock clock;

  public Evaluations(JdbcClient jdbc, PeriodData periodData, Documents documents, PdfReport pdfReport,
      AppreciationLetter appreciationLetter, Notifications notifications, Actors actors, SlaPlugin sla,
      EvaluationSettings settings, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.periodData = periodData;
    this.documents = documents;
    this.pdfReport = pdfReport;
    this.appreciationLetter = appreciationLetter;
    this.notifications = notifications;
    this.actors = actors;
    this.sla = sla;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  // ---- participants ---------------------------------------------------------------------------------------------

  public List<String> participants() {
    List<String> codes = new ArrayList<>(List.of(PUSKESOS));
    periodData.partners().forEach(p -> codes.add(p.code()));
    return codes;
  }

  /** The candidate groups of a participant's feedback task. */
  public String groupsOf(String participant) {
    return PUSKESOS.equals(participant) ? String.join(",", PUSKESOS_GROUPS) : partner(participant).group();
  }

  public String nameOf(String participant) {
    return PUSKESOS.equals(participant) ? "Tim Puskesos" : partner(participant).name();
  }

  /** The name of a group that can own an action item. */
  public String groupName(String group) {
    if (PUSKESOS_GROUP_NAMES.containsKey(group)) {
      return PUSKESOS_GROUP_NAMES.get(group);
    }
    return periodData.partners().stream().filter(p -> p.group().equals(group)).map(Partner::name).findFirst()
        .orElse(group);
  }

  private Map<String, String> ownerOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    PUSKESOS_GROUPS.forEach(g -> options.put(g, PUSKESOS_GROUP_NAMES.get(g)));
    periodData.partners().forEach(p -> options.put(p.group(), p.name()));
    return options;
  }

  private Partner partner(String code) {
    return periodData.partners().stream().filter(p -> p.code().equals(code)).findFirst()
        .orElseThrow(() -> new NotFoundException("Mitra " + code + " tidak dikenal"));
  }

  // ---- opening: the pack ----------------------------------------------------------------------------------------

  /**
   * Opens the evaluation of a period: the given days, or the last complete quarter when neither is given. A period
   * evaluated before is refused when asked for by hand and skipped on schedule.
   */
  public Opened open(String from, String to, boolean byHand, String actor) {
    Period period = period(from, to);
    Optional<Evaluation> existing = findByPeriod(period);
    if (existing.isPresent()) {
      if (byHand) {
        throw new InvalidInputException("periodFrom", "Periode %s sudah dievaluasi (evaluasi nomor %d)"
            .formatted(period.label(), existing.get().id()));
      }
      return new Opened(existing.get().id(), period.label(), businessKey(period, existing.get().id()), List.of(), true);
    }
    Figures figures = PeriodFigures.compute(periodData.load(period));
    Figures previous = PeriodFigures.compute(periodData.load(period.previous()));
    Optional<Evaluation> last = jdbc.sql(SELECT + " WHERE period_to < ? ORDER BY period_to DESC, id DESC")
        .param(period.from()).query(this::map).list().stream().findFirst();
    List<ActionItem> earlier = jdbc.sql(ACTIONS + """
         WHERE e.period_from < ? AND (a.status = 'OPEN' OR a.reported_at >= ?) ORDER BY e.period_from, a.position""")
        .params(period.from(), period.previous().start()).query(this::mapAction).list();
    EvaluationPack.Inputs inputs = new EvaluationPack.Inputs(figures, previous,
        last.map(Evaluation::label).orElse(null), last.map(e -> feedback(e.id())).orElse(List.of()), earlier,
        Appreciation.reasons(figures, Map.of()), this::groupName);
    Report pack = EvaluationPack.build(inputs, generated(actor));
    long document = documents.store("EVALUATION_PACK", pack.title() + " " + period.label(),
        "bahan-evaluasi-" + period.key() + ".pdf", pdfReport.render(pack), actor);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO evaluation (period_from, period_to, label, status, pack, pack_document_id, opened_at, opened_by)
        VALUES (?, ?, ?, 'FEEDBACK', ?, ?, ?, ?)""")
        .params(period.from(), period.to(), period.label(), write(pack), document, now(), actor)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return new Opened(id, period.label(), businessKey(period, id), participants(), false);
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
    LocalDate first = checks.date("periodFrom", from, "Awal periode", false);
    LocalDate last = checks.date("periodTo", to, "Akhir periode", false);
    checks.throwIfAny();
    LocalDate today = Dates.today(clock);
    if (first == null && last == null) {
      return Period.quarterBefore(today);
    }
    checks.check(first != null, "periodFrom", "Awal periode wajib diisi bila akhir periode diisi");
    checks.check(last != null, "periodTo", "Akhir periode wajib diisi bila awal periode diisi");
    checks.throwIfAny();
    // an evaluation looks back: a period that has not ended would be judged on half its figures
    DateRule.of(checks, "periodTo", "Akhir periode", last)
        .notBefore("awal periode", first)
        .notInFuture(today)
        .notAfter("satu tahun setelah awal periode", first.plusYears(1));
    checks.throwIfAny();
    return new Period(first, last);
  }

  /** Tells every participant the pack is ready, with the PDF attached. */
  public int sendPack(long id) {
    Evaluation evaluation = get(id);
    List<String> groups = new ArrayList<>(PUSKESOS_GROUPS);
    periodData.partners().forEach(p -> groups.add(p.group()));
    return notifications.emailGroups(groups, "Evaluasi partisipatif " + evaluation.label(),
        "Bahan evaluasi bersama %s terlampir dan dapat dibuka di /api/evaluations/%d/pack. Mohon isi umpan balik "
            .formatted(evaluation.label(), id) + "lembaga Anda di Tasklist (tugas \"Isi umpan balik evaluasi\").",
        "evaluation-pack:" + id, null, evaluation.packDocumentId());
  }

  // ---- feedback -------------------------------------------------------------------------------------------------

  /** Records a participant's answer (again, if the task is answered again); every score must be 1 to 5. */
  public void recordFeedback(long id, String participant, Map<String, Object> answer, String actor) {
    Checks checks = new Checks();
    String worked = text(checks, answer, "worked", "Yang berjalan baik", 2000, true);
    String obstacles = text(checks, answer, "obstacles", "Hambatan", 2000, true);
    String ideas = text(checks, answer, "ideas", "Ide untuk periode berikutnya", 2000, true);
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
            comments.get(Aspect.INTERPROFESSIONAL), now(), actor)
        .update();
  }

  @Transactional(readOnly = true)
  public List<Feedback> feedback(long id) {
    List<String> order = participants();
    return jdbc.sql("SELECT * FROM evaluation_feedback WHERE evaluation_id = ?").param(id)
        .query((rs, n) -> {
          Map<Aspect, Integer> scores = new EnumMap<>(Aspect.class);
          Map<Aspect, String> comments = new EnumMap<>(Aspect.class);
          for (Aspect aspect : Aspect.values()) {
            scores.put(aspect, rs.getInt("score_" + aspect.column()));
            comments.put(aspect, rs.getString("comment_" + aspect.column()));
          }
          String participant = rs.getString("participant");
          return new Feedback(participant, safeName(participant), rs.getString("worked"), rs.getString("obstacles"),
              rs.getString("ideas"), scores, comments, rs.getObject("answered_at", OffsetDateTime.class),
              rs.getString("answered_by"));
        })
        .list().stream()
        .sorted((a, b) -> Integer.compare(rank(order, a.participant()), rank(order, b.participant()))).toList();
  }

  private static int rank(List<String> order, String code) {
    int i = order.indexOf(code);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private String safeName(String participant) {
    try {
      return nameOf(participant);
    } catch (NotFoundException e) {
      return participant;
    }
  }

  /** Closes the round: what the meeting task shows (who answered, the scores, the ideas) and its choices. */
  public Summary summarise(long id) {
    jdbc.sql("UPDATE evaluation SET status = 'MEETING' WHERE id = ?").param(id).update();
    List<Feedback> answers = feedback(id);
    StringBuilder text = new StringBuilder("#### Umpan balik peserta\n");
    Map<String, String> participantOptions = new LinkedHashMap<>();
    Map<String, String> partnerOptions = new LinkedHashMap<>();
    for (String participant : participants()) {
      participantOptions.put(participant, nameOf(participant));
      if (!PUSKESOS.equals(participant)) {
        partnerOptions.put(participant, nameOf(participant));
      }
      boolean answered = answers.stream().anyMatch(a -> a.participant().equals(participant));
      text.append("- ").append(nameOf(participant)).append(answered ? ": mengisi" : ": **tidak mengisi**")
          .append('\n');
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
    return new Summary(text.toString(), participantOptions, partnerOptions, ownerOptions());
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  // ---- the meeting ----------------------------------------------------------------------------------------------

  /** One action item as the meeting form submits it. */
  public record ActionInput(String description, String ownerGroup, String dueOn) {
  }

  /** Records the meeting and its action items; returns the items' ids, in the order given. */
  public List<Long> recordMeeting(long id, String meetingDate, List<String> attendance, String otherAttendees,
      String decisions, List<String> ideasAdopted, List<ActionInput> actions, String actor) {
    Checks checks = new Checks();
    LocalDate date = checks.date("meetingDate", meetingDate, "Tanggal rapat", true);
    LocalDate today = Dates.today(clock);
    OffsetDateTime opened = jdbc.sql("SELECT opened_at FROM evaluation WHERE id = ?").param(id)
        .query((rs, row) -> rs.getObject("opened_at", OffsetDateTime.class)).optional().orElse(null);
    // the meeting discusses the pack and the feedback, which exist from the day the evaluation opened
    DateRule.of(checks, "meetingDate", "Tanggal rapat", date)
        .notBefore("evaluasi dibuka", opened)
        .notInFuture(today);
    List<String> known = participants();
    checks.check(!attendance.isEmpty(), "attendance", "Pilih lembaga yang hadir");
    checks.check(known.containsAll(attendance), "attendance", "Lembaga yang hadir tidak dikenal");
    checks.check(known.containsAll(ideasAdopted) && !ideasAdopted.contains(PUSKESOS), "ideasAdopted",
        "Ide yang diadopsi hanya dari mitra yang dikenal");
    String decided = checks.required("decisions", decisions, "Keputusan bersama");
    checks.check(decided == null || decided.length() <= 4000, "decisions", "Keputusan bersama paling banyak 4000 huruf");
    checks.check(otherAttendees == null || otherAttendees.length() <= 500, "otherAttendees",
        "Nama peserta rapat paling banyak 500 huruf");
    Map<String, String> owners = ownerOptions();
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
      jdbc.sql("""
          INSERT INTO evaluation_action (evaluation_id, position, description, owner_group, due_on, status)
          VALUES (?, ?, ?, ?, ?, 'OPEN')""")
          .params(id, i + 1, actions.get(i).description().trim(), actions.get(i).ownerGroup(), dues.get(i))
          .update(keys, "id");
      ids.add(keys.getKey().longValue());
    }
    if (ids.isEmpty()) {
      close(id);
    }
    return ids;
  }

  // ---- appreciation ---------------------------------------------------------------------------------------------

  /**
   * Issues each partner's letter of appreciation, signed by the koordinator who recorded the meeting, and e-mails
   * it to the partner's staff. Idempotent: a letter issued before is not issued again.
   */
  public int issueAppreciation(long id) {
    Evaluation evaluation = get(id);
    Figures figures = PeriodFigures.compute(periodData.load(evaluation.period()));
    Map<String, Integer> ideas = new HashMap<>();
    if (evaluation.ideasAdopted() != null && !evaluation.ideasAdopted().isBlank()) {
      Arrays.stream(evaluation.ideasAdopted().split(",")).forEach(code -> ideas.merge(code, 1, Integer::sum));
    }
    Map<String, List<String>> reasons = Appreciation.reasons(figures, ideas);
    String coordinator = evaluation.coordinator() == null ? "Koordinator Puskesos"
        : actors.displayName(evaluation.coordinator());
    LocalDate today = LocalDate.now(clock);
    int issued = 0;
    for (Partner partner : periodData.partners()) {
      boolean exists = jdbc.sql("SELECT COUNT(*) FROM evaluation_appreciation WHERE evaluation_id = ? AND partner_code = ?")
          .params(id, partner.code()).query(Long.class).single() > 0;
      if (exists) {
        continue;
      }
      List<String> list = reasons.getOrDefault(partner.code(), List.of());
      String number = "%d/APR/PUSKESOS-LS/%s/%s".formatted(id, partner.code(), evaluation.period().key());
      byte[] pdf = appreciationLetter.render(new AppreciationLetter.Content(number, partner.name(),
          evaluation.label(), list, today, coordinator));
      long document = documents.store("APPRECIATION", "Surat apresiasi " + partner.name() + " " + evaluation.label(),
          "surat-apresiasi-" + partner.code().toLowerCase(Locale.ROOT) + "-" + evaluation.period().key() + ".pdf", pdf,
          actors.current());
      jdbc.sql("""
          INSERT INTO evaluation_appreciation (evaluation_id, partner_code, reasons, document_id, issued_at, issued_by)
          VALUES (?, ?, ?, ?, ?, ?)""")
          .params(id, partner.code(), cut(String.join("\n", list), 2000), document, now(), actors.current()).update();
      notifications.emailGroups(List.of(partner.group()), "Surat apresiasi Puskesos " + evaluation.label(),
          "Terima kasih atas kerja sama %s dalam layanan rujukan %s. Surat apresiasi dari koordinator Puskesos "
              .formatted(partner.name(), evaluation.label()) + "terlampir.",
          "appreciation:" + id + ":" + partner.code(), null, document);
      issued++;
    }
    return issued;
  }

  /** The letter a partner received, as issued. */
  @Transactional(readOnly = true)
  public Documents.Document appreciationLetter(long id, String partnerCode) {
    Long document = jdbc.sql("SELECT document_id FROM evaluation_appreciation WHERE evaluation_id = ? AND partner_code = ?")
        .params(id, partnerCode).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("Surat apresiasi belum diterbitkan"));
    return documents.get(document);
  }

  // ---- action items ---------------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public ActionItem action(long actionId) {
    return jdbc.sql(ACTIONS + " WHERE a.id = ?").param(actionId).query(this::mapAction).optional()
        .orElseThrow(() -> new NotFoundException("Tindak lanjut " + actionId + " tidak ditemukan"));
  }

  /** The owner reports the item done or dropped, with what came of it; the last report closes the evaluation. */
  public void reportAction(long actionId, String outcome, String result, String actor) {
    Checks checks = new Checks();
    ActionItem.Status status = checks.oneOf(ActionItem.Status.class, "actionOutcome", outcome, "Hasil");
    checks.check(status != ActionItem.Status.OPEN, "actionOutcome", "Pilih sudah dilaksanakan atau tidak dapat dilaksanakan");
    String text = checks.required("actionResult", result, "Uraian hasil atau alasan");
    checks.check(text == null || text.length() <= 1000, "actionResult", "Uraian paling banyak 1000 huruf");
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

  @Transactional(readOnly = true)
  public List<ActionItem> actions(long id) {
    return jdbc.sql(ACTIONS + " WHERE a.evaluation_id = ? ORDER BY a.position").param(id).query(this::mapAction).list();
  }

  // ---- reading --------------------------------------------------------------------------------------------------

  private static final String SELECT = """
      SELECT id, period_from, period_to, label, status, coordinator, meeting_date, attendance, other_attendees,
             decisions, ideas_adopted, pack_document_id FROM evaluation
      """;
  private static final String ACTIONS = """
      SELECT a.id, a.evaluation_id, e.label, a.position, a.description, a.owner_group, a.due_on, a.status, a.result,
             a.reported_at
      FROM evaluation_action a JOIN evaluation e ON e.id = a.evaluation_id
      """;

  @Transactional(readOnly = true)
  public Evaluation get(long id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional()
        .orElseThrow(() -> new NotFoundException("Evaluasi " + id + " tidak ditemukan"));
  }

  @Transactional(readOnly = true)
  public List<Evaluation> list() {
    return jdbc.sql(SELECT + " ORDER BY period_from DESC, id DESC").query(this::map).list();
  }

  private Optional<Evaluation> findByPeriod(Period period) {
    return jdbc.sql(SELECT + " WHERE period_from = ? AND period_to = ?").params(period.from(), period.to())
        .query(this::map).optional();
  }

  /** The pack as it was computed when the evaluation opened, with the round's results once there are any. */
  @Transactional(readOnly = true)
  public Report pack(long id) {
    Evaluation evaluation = get(id);
    byte[] stored = jdbc.sql("SELECT pack FROM evaluation WHERE id = ?").param(id).query(byte[].class).single();
    Report pack = read(stored);
    List<Report.Section> sections = new ArrayList<>(pack.sections());
    List<Feedback> answers = feedback(id);
    if (!"FEEDBACK".equals(evaluation.status()) || !answers.isEmpty()) {
      String meeting = evaluation.meetingDate() == null ? null : meetingText(evaluation);
      sections.addAll(EvaluationPack.results(participants().stream().map(this::safeName).toList(), answers, meeting,
          actions(id), this::groupName));
    }
    return new Report(pack.title(), pack.subtitle(), pack.generatedAt(), sections);
  }

  private String meetingText(Evaluation e) {
    List<String> present = e.attendance() == null || e.attendance().isBlank() ? List.of()
        : Arrays.stream(e.attendance().split(",")).map(this::safeName).toList();
    List<String> adopted = e.ideasAdopted() == null || e.ideasAdopted().isBlank() ? List.of()
        : Arrays.stream(e.ideasAdopted().split(",")).map(this::safeName).toList();
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
        (Long) rs.getObject("pack_document_id", Long.class));
  }

  private ActionItem mapAction(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ActionItem(rs.getLong("id"), rs.getLong("evaluation_id"), rs.getString("label"), rs.getInt("position"),
        rs.getString("description"), rs.getString("owner_group"), rs.getObject("due_on", LocalDate.class),
        ActionItem.Status.valueOf(rs.getString("status")), rs.getString("result"),
        rs.getObject("reported_at", OffsetDateTime.class));
  }

  // ---- small helpers --------------------------------------------------------------------------------------------

  String generated(String actor) {
    return "Disusun " + AT.format(now().atZoneSameInstant(Dates.BANDUNG)) + " oleh "
        + (Actors.SYSTEM.equals(actor) ? "sistem (jadwal)" : actors.displayName(actor));
  }

  byte[] write(Report report) {
    try {
      return json.writeValueAsBytes(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Report read(byte[] stored) {
    try {
      return json.readValue(stored, Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
