package id.puskesos.rujukan.referral;
// Size: the one writer of a case's facts and timeline (see below); many small commands, each a few lines.

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * The case file: the one place where a referral's facts and outcome are written (who, when, which program,
 * what was given, why rejected) and read back for the API and reports. Every change also leaves a timeline entry.
 * Callers run inside the engine's transaction, so the case file and the process state commit together.
 */
@Service
@Transactional
public class CaseFile {

  private static final String REFERRAL_COLUMNS = """
      referral_number, resident_id, process_instance_id, channel, urgent, status, stage, outcome, outcome_reason,
      received_at, received_by, closed_at, closed_by, tenant_id""";
  private static final String PROGRAM_COLUMNS = """
      program_code, partner_code, status, status_reason, rejection_code, referred_at, proposed_amount, proposal_basis,
      info_request, info_response, planned_aid, granted_amount, decided_at, decided_by, letter_number, aid_amount,
      aid_items, distributed_on, proof_reference, distributed_by""";
  private static final String OPEN = "OPEN";
  private static final String CLOSED = "CLOSED";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Predicate<String> reaches;

  /** A case file whose timeline entries are told to nobody (unit tests). */
  public CaseFile(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, event -> { }, tenantId -> true);
  }

  @Autowired
  public CaseFile(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, CaseAccess caseAccess) {
    this(jdbc, clock, events, caseAccess::reaches);
  }

  private CaseFile(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, Predicate<String> reaches) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.reaches = reaches;
  }

  // ---- opening and intakes --------------------------------------------------------------------------------

  /** Opens a case of the Puskesos {@code tenantId} (its kelurahan code). */
  public void open(String number, String tenantId, long residentId, IntakeRecord intake, String actor) {
    OffsetDateTime now = now();
    jdbc.sql("""
        INSERT INTO referral (referral_number, tenant_id, resident_id, channel, urgent, status, stage, received_at,
                              received_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, tenantId, residentId, intake.channel().name(), intake.urgent(), OPEN, Stage.INTAKE.name(),
            now, actor)
        .update();
    insertIntake(number, intake, false, actor, now);
    addNeeds(number, intake.needs(), now);
    record(number, EventType.INTAKE_RECEIVED, actor, "Pengaduan diterima (%s): %s".formatted(
        intake.channel().label(), Need.summary(intake.needs())));
  }

  public void attachProcess(String number, String processInstanceId) {
    jdbc.sql("UPDATE referral SET process_instance_id = ? WHERE referral_number = ?")
        .params(processInstanceId, number).update();
  }

  /** The resident's open case, if any; the resident row is locked by the caller. */
  public Optional<ReferralRecord> findOpenCase(long residentId) {
    return jdbc.sql("SELECT " + REFERRAL_COLUMNS + " FROM referral WHERE resident_id = ? AND status = ?")
        .params(residentId, OPEN).query(this::mapReferral).optional();
  }

  /** Attaches a later complaint to an open case; returns the needs it added. */
  public Set<Need> merge(String number, IntakeRecord intake, String actor) {
    OffsetDateTime now = now();
    Set<Need> added = EnumSet.noneOf(Need.class);
    added.addAll(intake.needs());
    added.removeAll(needs(number));
    insertIntake(number, intake, true, actor, now);
    addNeeds(number, added, now);
    if (intake.urgent()) {
      jdbc.sql("UPDATE referral SET urgent = TRUE WHERE referral_number = ?").param(number).update();
    }
    record(number, EventType.INTAKE_MERGED, actor, "Pengaduan tambahan (%s) digabungkan; kebutuhan baru: %s".formatted(
        intake.channel().label(), added.isEmpty() ? "tidak ada" : Need.summary(added)));
    return added;
  }

  /** A complaint as received: the first of the case and each merged into it later, oldest first. */
  public record Complaint(OffsetDateTime receivedAt, Channel channel, List<Need> needs, String description,
      boolean urgent, boolean merged) {
  }

  public List<Complaint> complaints(String number) {
    return jdbc.sql("""
        SELECT received_at, channel, needs, description, urgent, merged FROM referral_intake
        WHERE referral_number = ? ORDER BY received_at, id""").param(number)
        .query((rs, i) -> new Complaint(rs.getObject("received_at", OffsetDateTime.class),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("needs").isEmpty() ? List.of()
                : Stream.of(rs.getString("needs").split(",")).map(Need::valueOf).toList(),
            rs.getString("description"), rs.getBoolean("urgent"), rs.getBoolean("merged")))
        .list();
  }

  public Set<Need> needs(String number) {
    List<String> rows = jdbc.sql("SELECT need FROM referral_need WHERE referral_number = ?").param(number)
        .query(String.class).list();
    Set<Need> needs = EnumSet.noneOf(Need.class);
    rows.forEach(n -> needs.add(Need.valueOf(n)));
    return needs;
  }

  /** The needs the assessment confirmed replace those given at intake. */
  public void confirmNeeds(String number, Set<Need> confirmed) {
    jdbc.sql("DELETE FROM referral_need WHERE referral_number = ?").param(number).update();
    addNeeds(number, confirmed, now());
  }

  // ---- stages and timeline --------------------------------------------------------------------------------

  /** Moves the case to a stage (once; re-entering the same stage records nothing). */
  public void enterStage(String number, Stage stage, String actor) {
    int changed = jdbc.sql("UPDATE referral SET stage = ? WHERE referral_number = ? AND stage <> ?")
        .params(stage.name(), number, stage.name()).update();
    if (changed > 0) {
      record(number, EventType.STAGE_ENTERED, actor, "Tahap: " + stage.label());
    }
  }

  /** The version of the eligibility table the case's latest routing evaluated. */
  public void recordEligibilityTableVersion(String number, int version) {
    jdbc.sql("UPDATE referral SET eligibility_table_version = ? WHERE referral_number = ?").params(version, number)
        .update();
  }

  /** The version of the eligibility table the case was last routed with; empty before routing. */
  public Optional<Integer> eligibilityTableVersion(String number) {
    return jdbc.sql("SELECT eligibility_table_version FROM referral WHERE referral_number = ?").param(number)
        .query((rs, row) -> (Integer) rs.getObject("eligibility_table_version", Integer.class)).optional()
        .filter(Objects::nonNull);
  }

  public void record(String number, EventType type, String actor, String detail) {
    record(number, type, actor, detail, null);
  }

  /**
   * Adds a timeline entry, about one program where {@code programCode} is given, and tells the listeners of
   * {@link Recorded} in the same transaction (the resident's messages are queued so, with the entry or not at all).
   */
  public void record(String number, EventType type, String actor, String detail, String programCode) {
    jdbc.sql("""
        INSERT INTO referral_event (referral_number, occurred_at, actor, event_type, detail) VALUES (?, ?, ?, ?, ?)""")
        .params(number, now(), actor, type.name(), truncate(detail, 2000)).update();
    events.publishEvent(new Recorded(number, type, programCode));
  }

  /** A timeline entry was added: of which case, what kind, and which program it is about (or null). */
  public record Recorded(String referralNumber, EventType type, String programCode) {
  }

  public List<TimelineEvent> timeline(String number) {
    return jdbc.sql("""
        SELECT occurred_at, actor, event_type, detail FROM referral_event WHERE referral_number = ? ORDER BY id""")
        .param(number)
        .query((rs, row) -> new TimelineEvent(rs.getObject("occurred_at", OffsetDateTime.class),
            rs.getString("actor"), EventType.valueOf(rs.getString("event_type")), rs.getString("detail")))
        .list();
  }

  // ---- programs -------------------------------------------------------------------------------------------

  /**
   * Refers the case to a program (or again, after it was not sent or was redirected), with what routing proposes:
   * the grant in the program's unit and why (e.g. the PKH components and the payee).
   */
  public void referProgram(String number, String programCode, String partnerCode, Long proposedAmount,
      String proposalBasis, String actor) {
    upsertProgram(number, programCode, partnerCode, ProgramStatus.RECOMMENDED, null, actor);
    jdbc.sql("UPDATE program_referral SET proposed_amount = ?, proposal_basis = ? WHERE referral_number = ? AND program_code = ?")
        .params(proposedAmount, truncate(proposalBasis, 500), number, programCode).update();
  }

  /**
   * A recommended program goes out on the koordinator's decision: to its partner ({@code REFERRED}) or, a national
   * program, into the period's proposal batch ({@code PROPOSED}). The time it went out counts as its referral.
   */
  public void markSent(String number, String programCode, ProgramStatus status) {
    jdbc.sql("""
        UPDATE program_referral SET status = ?, referred_at = ?
        WHERE referral_number = ? AND program_code = ? AND status = ?""")
        .params(status.name(), now(), number, programCode, ProgramStatus.RECOMMENDED.name()).update();
  }

  /** Records that a program fitted but was not sent, and why (no consent, not in DTKS, already received). */
  public void skipProgram(String number, String programCode, String partnerCode, String reason, String actor) {
    upsertProgram(number, programCode, partnerCode, ProgramStatus.NOT_SENT, reason, actor);
  }

  /** The partner's decision: accepted (with the grant), or rejected with its reason code and text. */
  public void recordDecision(String number, String programCode, ProgramStatus status, String rejectionCode,
      String reason, String plannedAid, Long grantedAmount, String actor) {
    requireUpdated(jdbc.sql("""
        UPDATE program_referral SET status = ?, rejection_code = ?, status_reason = ?, planned_aid = ?,
                                    granted_amount = ?, decided_at = ?, decided_by = ?
        WHERE referral_number = ? AND program_code = ?""")
        .params(status.name(), rejectionCode, truncate(reason, 1000), truncate(plannedAid, 300), grantedAmount, now(),
            actor, number, programCode).update(), number, programCode);
  }

  /** Moves a program on (budget arrived, service confirmed, cancelled), with a reason where there is one. */
  public void setProgramStatus(String number, String programCode, ProgramStatus status, String reason) {
    requireUpdated(jdbc.sql("""
        UPDATE program_referral SET status = ?, status_reason = COALESCE(?, status_reason)
        WHERE referral_number = ? AND program_code = ?""")
        .params(status.name(), truncate(reason, 1000), number, programCode).update(), number, programCode);
  }

  public void requestInformation(String number, String programCode, String programName, String question,
      String actor) {
    requireUpdated(jdbc.sql("""
        UPDATE program_referral SET status = ?, info_request = ?, info_response = NULL
        WHERE referral_number = ? AND program_code = ?""")
        .params(ProgramStatus.INFO_REQUESTED.name(), question, number, programCode).update(), number, programCode);
    record(number, EventType.INFO_REQUESTED, actor, "Mitra meminta informasi (%s): %s".formatted(programName, question));
  }

  public void provideInformation(String number, String programCode, String programName, String answer,
      String actor) {
    requireUpdated(jdbc.sql("""
        UPDATE program_referral SET status = ?, info_response = ? WHERE referral_number = ? AND program_code = ?""")
        .params(ProgramStatus.REFERRED.name(), answer, number, programCode).update(), number, programCode);
    record(number, EventType.INFO_PROVIDED, actor, "Informasi tambahan dikirim ke mitra (%s)".formatted(programName));
  }

  /**
   * The recommendation letter of a program, issued on the koordinator's decision on the case ("penetapan layanan")
   * when the program is sent; the decision's time is kept as the program's confirmation. The verification code printed
   * on it is unique (the table's constraint holds it; see {@link #verificationCodeTaken}).
   */
  public void issueLetter(String number, String programCode, String letterNumber, byte[] pdf, String code,
      String actor) {
    OffsetDateTime now = now();
    requireUpdated(jdbc.sql("""
        UPDATE program_referral SET letter_number = ?, confirmed_at = ?, confirmed_by = ?
        WHERE referral_number = ? AND program_code = ?""")
        .params(letterNumber, now, actor, number, programCode).update(),
        number, programCode);
    jdbc.sql("DELETE FROM recommendation_letter WHERE letter_number = ?").param(letterNumber).update();
    jdbc.sql("""
        INSERT INTO recommendation_letter (letter_number, referral_number, program_code, pdf, issued_at, issued_by,
                                           verification_code)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(letterNumber, number, programCode, pdf, now, actor, code).update();
  }

  /** Whether a letter already carries the code (a new one is drawn again before the insert would fail). */
  @Transactional(readOnly = true)
  public boolean verificationCodeTaken(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM recommendation_letter WHERE verification_code = ?").param(code)
        .query(Integer.class).single() > 0;
  }

  /** The letter issued for a program of the case, as the resident received it. */
  @Transactional(readOnly = true)
  public Optional<byte[]> letter(String number, String programCode) {
    return jdbc.sql("SELECT pdf FROM recommendation_letter WHERE referral_number = ? AND program_code = ?")
        .params(number, programCode).query((rs, row) -> rs.getBytes("pdf")).optional();
  }

  /**
   * Records one handover. The program shows the sums of all handovers so far, and is distributed with the last one.
   */
  public void recordDistribution(String number, String programCode, Distribution d, String actor) {
    OffsetDateTime now = now();
    jdbc.sql("""
        INSERT INTO program_distribution (referral_number, program_code, distributed_on, amount, items, quantity, place,
                                          handed_over_by, proof_reference, receipt_confirmed, final_handover,
                                          recorded_at, recorded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, programCode, d.distributedOn(), d.amount(), d.items(), d.quantity(), d.place(),
            d.handedOverBy(), d.proofReference(), d.receiptConfirmed(), d.last(), now, actor)
        .update();
    String items = jdbc.sql("""
        SELECT items FROM program_distribution
        WHERE referral_number = ? AND program_code = ? AND items IS NOT NULL AND voided_reason IS NULL
        ORDER BY id""").params(number, programCode).query(String.class).list().stream()
        .collect(Collectors.joining("; "));
    requireUpdated(jdbc.sql("""
        UPDATE program_referral SET status = ?,
               aid_amount = (SELECT SUM(amount) FROM program_distribution d
                             WHERE d.referral_number = program_referral.referral_number
                               AND d.program_code = program_referral.program_code AND d.voided_reason IS NULL),
               aid_items = ?, distributed_on = ?, proof_reference = ?, distributed_at = ?, distributed_by = ?
        WHERE referral_number = ? AND program_code = ?""")
        .params((d.last() ? ProgramStatus.DISTRIBUTED : ProgramStatus.PARTLY_DISTRIBUTED).name(),
            items.isEmpty() ? null : truncate(items, 500), d.distributedOn(), d.proofReference(), now, actor, number,
            programCode)
        .update(), number, programCode);
  }

  public List<ProgramReferral> programs(String number) {
    return jdbc.sql("SELECT " + PROGRAM_COLUMNS + " FROM program_referral WHERE referral_number = ? ORDER BY id")
        .param(number).query(this::mapProgram).list();
  }

  // ---- follow-up and closing ------------------------------------------------------------------------------

  public void recordFollowUp(String number, FollowUp followUp, String actor) {
    jdbc.sql("""
        UPDATE referral SET resident_reached = ?, aid_received = ?, aid_helped = ?, satisfaction = ?,
                            follow_up_notes = ?, followed_up_at = ?, followed_up_by = ?
        WHERE referral_number = ?""")
        .params(followUp.reached(), name(followUp.aidReceived()), name(followUp.aidHelped()),
            followUp.satisfaction(), truncate(followUp.notes(), 2000), now(), actor, number)
        .update();
    record(number, EventType.FOLLOWED_UP, actor, "Tindak lanjut: " + followUp.summary());
  }

  /** The latest follow-up of the case, if it had one. */
  @Transactional(readOnly = true)
  public Optional<FollowUp> followUp(String number) {
    return jdbc.sql("""
        SELECT resident_reached, aid_received, aid_helped, satisfaction, follow_up_notes FROM referral
        WHERE referral_number = ? AND followed_up_at IS NOT NULL""")
        .param(number)
        .query((rs, row) -> new FollowUp(!Boolean.FALSE.equals(rs.getObject("resident_reached", Boolean.class)),
            answer(rs.getString("aid_received")), answer(rs.getString("aid_helped")),
            rs.getObject("satisfaction", Integer.class), rs.getString("follow_up_notes")))
        .optional();
  }

  /** The koordinator's finding on aid the resident says never arrived. */
  public void resolveDiscrepancy(String number, String resolution, String note, String actor) {
    jdbc.sql("""
        UPDATE referral SET discrepancy_resolution = ?, discrepancy_note = ?, discrepancy_resolved_at = ?,
                            discrepancy_resolved_by = ?
        WHERE referral_number = ?""")
        .params(resolution, truncate(note, 2000), now(), actor, number).update();
  }

  /** A handover record and the program it was for. */
  public record Handover(String programCode, Distribution distribution) {
  }

  /** Every handover of the case that stands (not voided), oldest first. */
  @Transactional(readOnly = true)
  public List<Handover> distributions(String number) {
    return jdbc.sql("""
        SELECT program_code, distributed_on, amount, items, quantity, place, handed_over_by, proof_reference,
               receipt_confirmed, final_handover
        FROM program_distribution WHERE referral_number = ? AND voided_reason IS NULL ORDER BY id""")
        .param(number)
        .query((rs, row) -> new Handover(rs.getString("program_code"), new Distribution(
            rs.getObject("distributed_on", LocalDate.class), rs.getObject("amount", Long.class), rs.getString("items"),
            rs.getObject("quantity", Long.class), rs.getString("place"), rs.getString("handed_over_by"),
            rs.getString("proof_reference"), rs.getBoolean("receipt_confirmed"), rs.getBoolean("final_handover"))))
        .list();
  }

  /**
   * Marks a program's handovers void: the resident did not receive them, as the koordinator's check found. They stay
   * on record with the reason and no longer count as aid.
   */
  public void voidDistributions(String number, String programCode, String reason) {
    jdbc.sql("""
        UPDATE program_distribution SET voided_reason = ?
        WHERE referral_number = ? AND program_code = ? AND voided_reason IS NULL""")
        .params(truncate(reason, 300), number, programCode).update();
    jdbc.sql("""
        UPDATE program_referral SET aid_amount = NULL, aid_items = NULL, distributed_on = NULL, proof_reference = NULL
        WHERE referral_number = ? AND program_code = ?""")
        .params(number, programCode).update();
  }

  /**
   * Closes the case with its outcome. Programs still with a partner are cancelled, so no partner acts on a
   * closed case.
   */
  public void close(String number, Outcome outcome, String reason, String actor) {
    OffsetDateTime now = now();
    int closed = jdbc.sql("""
        UPDATE referral SET status = ?, stage = ?, outcome = ?, outcome_reason = ?, closed_at = ?, closed_by = ?
        WHERE referral_number = ? AND status = ?""")
        .params(CLOSED, Stage.CLOSED.name(), outcome.name(), truncate(reason, 1000), now, actor, number, OPEN)
        .update();
    if (closed == 0) {
      throw new IllegalStateException("Rujukan " + number + " tidak terbuka");
    }
    // what was handed over in part stands; everything else still open is cancelled
    jdbc.sql("UPDATE program_referral SET status = ?, status_reason = ? WHERE referral_number = ? AND status = ?")
        .params(ProgramStatus.DISTRIBUTED.name(), "Penyaluran sebagian; kasus ditutup: " + outcome.label(), number,
            ProgramStatus.PARTLY_DISTRIBUTED.name()).update();
    String openStatuses = EnumSet.allOf(ProgramStatus.class).stream().filter(ProgramStatus::isOpen)
        .map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    jdbc.sql("UPDATE program_referral SET status = ?, status_reason = ? WHERE referral_number = ? AND status IN ("
            + openStatuses + ")")
        .params(ProgramStatus.CANCELLED.name(), "Kasus ditutup: " + outcome.label(), number).update();
    record(number, EventType.CLOSED, actor, "Kasus ditutup: %s%s".formatted(outcome.label(),
        reason == null ? "" : " (" + reason + ")"));
  }

  // ---- reading --------------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  /**
   * The case, when the caller may reach it: a signed-in user of another Puskesos finds nothing (as for a number that
   * does not exist), whatever command they try on it.
   */
  public Optional<ReferralRecord> find(String number) {
    return jdbc.sql("SELECT " + REFERRAL_COLUMNS + " FROM referral WHERE referral_number = ?").param(number)
        .query(this::mapReferral).optional().filter(found -> reaches.test(found.tenantId()));
  }

  @Transactional(readOnly = true)
  public ReferralRecord get(String number) {
    return find(number).orElseThrow(() -> new NotFoundException("Rujukan " + number + " tidak ditemukan"));
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  private void insertIntake(String number, IntakeRecord intake, boolean merged, String actor, OffsetDateTime at) {
    jdbc.sql("""
        INSERT INTO referral_intake (referral_number, channel, needs, description, urgent, merged, received_at,
                                     received_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, intake.channel().name(),
            intake.needs().stream().sorted().map(Need::name).collect(Collectors.joining(",")),
            intake.description(), intake.urgent(), merged, at, actor)
        .update();
  }

  private void addNeeds(String number, Set<Need> needs, OffsetDateTime at) {
    for (Need need : needs) {
      jdbc.sql("INSERT INTO referral_need (referral_number, need, added_at) VALUES (?, ?, ?)")
          .params(number, need.name(), at).update();
    }
  }

  private void upsertProgram(String number, String programCode, String partnerCode, ProgramStatus status,
      String reason, String actor) {
    OffsetDateTime now = now();
    int updated = jdbc.sql("""
        UPDATE program_referral SET status = ?, status_reason = ?, referred_at = ?, referred_by = ?,
                                    info_request = NULL, info_response = NULL, decided_at = NULL, decided_by = NULL,
                                    rejection_code = NULL, granted_amount = NULL, letter_number = NULL
        WHERE referral_number = ? AND program_code = ?""")
        .params(status.name(), reason, now, actor, number, programCode).update();
    if (updated == 0) {
      jdbc.sql("""
          INSERT INTO program_referral (referral_number, program_code, partner_code, status, status_reason,
                                        referred_at, referred_by)
          VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(number, programCode, partnerCode, status.name(), reason, now, actor).update();
    }
  }

  private static void requireUpdated(int rows, String number, String programCode) {
    if (rows == 0) {
      throw new NotFoundException("Rujukan " + number + " tidak dirujuk ke program " + programCode);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static FollowUp.Answer answer(String value) {
    return value == null ? null : FollowUp.Answer.valueOf(value);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private ReferralRecord mapReferral(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new ReferralRecord(rs.getString("referral_number"), rs.getLong("resident_id"),
        rs.getString("process_instance_id"), Channel.valueOf(rs.getString("channel")), rs.getBoolean("urgent"),
        OPEN.equals(rs.getString("status")), Stage.valueOf(rs.getString("stage")),
        outcome == null ? null : Outcome.valueOf(outcome), rs.getString("outcome_reason"),
        rs.getObject("received_at", OffsetDateTime.class),
        rs.getString("received_by"), rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closed_by"),
        rs.getString("tenant_id"));
  }

  private ProgramReferral mapProgram(ResultSet rs, int row) throws SQLException {
    return new ProgramReferral(rs.getString("program_code"), rs.getString("partner_code"),
        ProgramStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getString("rejection_code"),
        rs.getObject("referred_at", OffsetDateTime.class), rs.getObject("proposed_amount", Long.class),
        rs.getString("proposal_basis"), rs.getString("info_request"), rs.getString("info_response"),
        rs.getString("planned_aid"), rs.getObject("granted_amount", Long.class),
        rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("letter_number"),
        rs.getBigDecimal("aid_amount"), rs.getString("aid_items"), rs.getObject("distributed_on", LocalDate.class),
        rs.getString("proof_reference"), rs.getString("distributed_by"));
  }

  /**
   * Records that the partner-referral process instance works on the case's program now (sent, redirected to it, or
   * gone on with it as the next alternative); the program it worked on before, if any, is no longer its own.
   */
  public void assignPartnerInstance(String number, String programCode, String processInstanceId) {
    jdbc.sql("UPDATE program_referral SET partner_instance_id = NULL WHERE partner_instance_id = ?")
        .param(processInstanceId).update();
    int rows = jdbc.sql("""
        UPDATE program_referral SET partner_instance_id = ? WHERE referral_number = ? AND program_code = ?""")
        .params(processInstanceId, number, programCode).update();
    if (rows != 1) {
      throw new IllegalStateException(number + " was not referred to " + programCode);
    }
  }

  /** The case and program the partner-referral process instance works on, as recorded; empty before it was sent. */
  @Transactional(readOnly = true)
  public Optional<PartnerAssignment> partnerAssignment(String processInstanceId) {
    return jdbc.sql("SELECT referral_number, program_code FROM program_referral WHERE partner_instance_id = ?")
        .param(processInstanceId)
        .query((rs, row) -> new PartnerAssignment(rs.getString("referral_number"), rs.getString("program_code")))
        .optional();
  }

  /** The partner-referral process instance working on the case's program, if one does. */
  @Transactional(readOnly = true)
  public Optional<String> partnerInstance(String number, String programCode) {
    return jdbc.sql("""
        SELECT partner_instance_id FROM program_referral
        WHERE referral_number = ? AND program_code = ? AND partner_instance_id IS NOT NULL""")
        .params(number, programCode).query(String.class).optional();
  }

  /** The case and the program a partner-referral process instance works on. */
  public record PartnerAssignment(String referralNumber, String programCode) {
  }

  /** When the coordinator confirmed the program's service ("penetapan layanan"); null before that. */
  @Transactional(readOnly = true)
  public OffsetDateTime serviceConfirmedAt(String number, String programCode) {
    List<OffsetDateTime> at = jdbc.sql(
        "SELECT confirmed_at FROM program_referral WHERE referral_number = ? AND program_code = ?")
        .params(number, programCode).query((rs, row) -> rs.getObject("confirmed_at", OffsetDateTime.class)).list();
    return at.isEmpty() ? null : at.get(0);
  }
}
