package id.puskesos.rujukan.grievance;

import static id.puskesos.rujukan.process.GrievanceProcess.Variables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.GrievanceProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;

/**
 * Grievances about the service (docs/grievances.md): opening one at any door, the koordinator's response, a
 * partner's answer. Every command checks who gives it here, so Tasklist, the API and Java callers meet the same rule.
 *
 * <p>For the inbound WhatsApp webhook: call {@link #open(GrievanceRequest, String)} with
 * {@code grievanceChannel = "WHATSAPP"} and the actor {@code Actors.SYSTEM} (no signed-in user) or the staff user
 * who read the message; it validates (400 with every field), numbers, stores, links the referral's timeline and
 * starts the koordinator's task, and returns the stored grievance.
 */
@Service
public class Grievances {

  private static final Logger LOG = LoggerFactory.getLogger(Grievances.class);
  private static final Pattern REFERRAL_NUMBER = Pattern.compile("RJK-(\\d{10}-)?\\d{4}-\\d{6}");
  static final int TEXT_LIMIT = 2000;

  /** A grievance registered: its number and the variables its process starts with. */
  public record Registered(String grievanceNumber, Map<String, Object> variables) {
  }

  /** The koordinator's response, as the form gives it. */
  public record Response(String finding, String actionTaken, String outcome, Boolean residentInformed) {
  }

  private final JdbcClient jdbc;
  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final GrievanceNumbers numbers;
  private final GrievanceQueries queries;
  private final CommandAuthority authority;
  private final CaseAccess caseAccess;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public Grievances(JdbcClient jdbc, CaseFile caseFile, ProgramCatalogue catalogue, GrievanceNumbers numbers,
      GrievanceQueries queries, CommandAuthority authority, CaseAccess caseAccess, RuntimeService runtimeService,
      Clock clock) {
    this.jdbc = jdbc;
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.numbers = numbers;
    this.queries = queries;
    this.authority = authority;
    this.caseAccess = caseAccess;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /**
   * Opens a grievance from the API or another Java caller (the WhatsApp webhook): registers it and starts its process
   * at {@code start_grievanceSubmitted}, in one transaction. Nothing is written when the input is invalid.
   */
  @Transactional
  public Grievance open(GrievanceRequest request, String actor) {
    Registered registered = register(request, actor);
    String number = registered.grievanceNumber();
    String processInstanceId = runtimeService.createMessageCorrelation(GrievanceProcess.MSG_GRIEVANCE_SUBMITTED)
        .processInstanceBusinessKey(number).setVariables(registered.variables()).correlateStartMessage().getId();
    attachProcess(number, processInstanceId);
    return queries.get(number);
  }

  /**
   * Validates and stores a grievance whose process the caller starts (Tasklist's start form, where the instance
   * exists already); records it on the linked referral's timeline.
   */
  @Transactional
  public Registered register(GrievanceRequest request, String actor) {
    authority.require("Pencatatan keluhan", "petugas Puskesos (front office, back office, koordinator)",
        Groups.FRONT_OFFICE, Groups.BACK_OFFICE, Groups.KOORDINATOR);
    Checks checks = new Checks();
    String referral = request.grievanceReferral() == null || request.grievanceReferral().isBlank() ? null
        : request.grievanceReferral().trim();
    if (referral != null) {
      checks.check(REFERRAL_NUMBER.matcher(referral).matches() && caseFile.find(referral).isPresent(),
          GRIEVANCE_REFERRAL.name(), "Nomor rujukan " + referral + " tidak ditemukan");
    }
    GrievanceKind kind = checks.oneOf(GrievanceKind.class, GRIEVANCE_KIND.name(), request.grievanceKind(),
        "Jenis keluhan");
    GrievanceChannel channel = checks.oneOf(GrievanceChannel.class, GRIEVANCE_CHANNEL.name(),
        request.grievanceChannel(), "Saluran keluhan");
    String text = checks.required(GRIEVANCE_TEXT.name(), request.grievanceText(), "Isi keluhan");
    checks.check(text == null || text.length() <= TEXT_LIMIT, GRIEVANCE_TEXT.name(),
        "Isi keluhan paling banyak 2.000 karakter");
    String about = checks.required(GRIEVANCE_ABOUT.name(), request.grievanceAbout(), "Lembaga yang dikeluhkan");
    checks.check(about == null || Grievance.PUSKESOS.equals(about) || catalogue.findPartner(about).isPresent(),
        GRIEVANCE_ABOUT.name(), "Lembaga yang dikeluhkan tidak dikenal: Puskesos atau mitra dari katalog");
    checks.throwIfAny();
    String number = numbers.next();
    jdbc.sql("""
        INSERT INTO grievance (grievance_number, referral_number, kind, channel, complaint_text, about_code, status,
                               received_at, received_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, referral, kind.name(), channel.name(), text, about, Grievance.OPEN, now(), actor).update();
    String aboutName = queries.organisationName(about);
    if (referral != null) {
      caseFile.record(referral, EventType.GRIEVANCE_OPENED, actor, "Keluhan %s dicatat (%s, %s) tentang %s"
          .formatted(number, kind.label(), channel.label(), aboutName));
    }
    LOG.info("Grievance {} opened ({}, about {})", number, kind, about);
    Map<String, Object> v = new HashMap<>();
    GRIEVANCE_NUMBER.put(v, number);
    if (referral != null) {
      CaseVariables.REFERRAL_NUMBER.put(v, referral);
    }
    GRIEVANCE_KIND.put(v, kind.name());
    GRIEVANCE_KIND_LABEL.put(v, kind.label());
    GRIEVANCE_CHANNEL.put(v, channel.name());
    GRIEVANCE_TEXT.put(v, text);
    GRIEVANCE_ABOUT.put(v, about);
    GRIEVANCE_ABOUT_NAME.put(v, aboutName);
    return new Registered(number, v);
  }

  @Transactional
  public void attachProcess(String number, String processInstanceId) {
    jdbc.sql("UPDATE grievance SET process_instance_id = ? WHERE grievance_number = ?")
        .params(processInstanceId, number).update();
  }

  /**
   * Records the koordinator's response; on a forward, returns the partner group that answers and lets it read this
   * grievance's process (and no other partner). A forward needs a grievance about a partner.
   */
  @Transactional
  public String respond(String number, Response response, String actor) {
    authority.require("Penanganan keluhan", "koordinator Puskesos", Groups.KOORDINATOR);
    Grievance grievance = queries.get(number);
    if (!Grievance.OPEN.equals(grievance.status())) {
      throw new ConflictException("Keluhan " + number + " sudah ditangani");
    }
    Checks checks = new Checks();
    String finding = limited(checks, GRIEVANCE_FINDING.name(), response.finding(), "Temuan");
    String action = limited(checks, GRIEVANCE_ACTION.name(), response.actionTaken(), "Tindakan yang diambil");
    GrievanceOutcome outcome = checks.oneOf(GrievanceOutcome.class, GRIEVANCE_OUTCOME.name(), response.outcome(),
        "Hasil penanganan");
    Partner partner = catalogue.findPartner(grievance.aboutCode()).orElse(null);
    checks.check(outcome != GrievanceOutcome.DITERUSKAN || partner != null, GRIEVANCE_OUTCOME.name(),
        "Hanya keluhan tentang mitra yang dapat diteruskan ke mitra");
    checks.throwIfAny();
    boolean forwarded = outcome == GrievanceOutcome.DITERUSKAN;
    boolean informed = Boolean.TRUE.equals(response.residentInformed());
    jdbc.sql("""
        UPDATE grievance SET finding = ?, action_taken = ?, outcome = ?, resident_informed = ?, resolved_at = ?,
               resolved_by = ?, status = ? WHERE grievance_number = ?""")
        .params(finding, action, outcome.name(), informed, now(), actor,
            forwarded ? Grievance.FORWARDED : Grievance.RESOLVED, number).update();
    if (grievance.referralNumber() != null) {
      caseFile.record(grievance.referralNumber(), EventType.GRIEVANCE_RESOLVED, actor, "Keluhan %s ditangani: %s; %s"
          .formatted(number, outcome.label(), informed ? "warga sudah diberi tahu" : "warga belum diberi tahu"));
    }
    if (!forwarded) {
      return null;
    }
    if (grievance.processInstanceId() != null) {
      caseAccess.grantReader(grievance.processInstanceId(), partner.group());
    }
    return partner.group();
  }

  /** The partner's answer to a forwarded grievance, by the staff of the partner it is about. */
  @Transactional
  public void answer(String number, String answer, String actor) {
    Grievance grievance = queries.get(number);
    Partner partner = catalogue.findPartner(grievance.aboutCode())
        .orElseThrow(() -> new ConflictException("Keluhan " + number + " bukan tentang mitra"));
    authority.require("Jawaban atas keluhan " + number, "petugas " + partner.name(), partner.group());
    if (!Grievance.FORWARDED.equals(grievance.status())) {
      throw new ConflictException("Keluhan " + number + " tidak sedang menunggu jawaban mitra");
    }
    Checks checks = new Checks();
    String text = limited(checks, PARTNER_ANSWER.name(), answer, "Jawaban mitra");
    checks.throwIfAny();
    jdbc.sql("""
        UPDATE grievance SET partner_answer = ?, partner_answered_at = ?, partner_answered_by = ?, status = ?
        WHERE grievance_number = ?""").params(text, now(), actor, Grievance.RESOLVED, number).update();
    if (grievance.referralNumber() != null) {
      caseFile.record(grievance.referralNumber(), EventType.GRIEVANCE_PARTNER_ANSWERED, actor,
          "%s menjawab keluhan %s".formatted(partner.name(), number));
    }
  }

  private static String limited(Checks checks, String field, String value, String label) {
    String text = checks.required(field, value, label);
    checks.check(text == null || text.length() <= TEXT_LIMIT, field, label + " paling banyak 2.000 karakter");
    return text;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
