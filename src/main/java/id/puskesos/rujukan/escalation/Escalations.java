package id.puskesos.rujukan.escalation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.access.CommandAuthority;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.common.Json;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.recommendation.Recommendations;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.referral.ReferralQueries;
import id.puskesos.rujukan.routing.RecommendationView;
import id.puskesos.rujukan.tenant.PuskesosDirectory;

/**
 * A case the Puskesos cannot resolve goes to the city SLRT (Permensos 15/2018: the Puskesos refers on to the
 * kabupaten/kota SLRT): the case file (the case as the API shows it, NIK masked, with the recommendation and why it is
 * escalated) is kept in {@code escalation} as it was sent, the city SLRT's staff (group {@code slrt}) are told, and
 * the city answers in this system's Tasklist or over the API: it takes the case over (the case closes with that
 * outcome) or returns it with its direction to the back office.
 */
@Service
@Transactional
public class Escalations {

  /** The city SLRT's answer. */
  public enum Answer {
    TAKEN_OVER, RETURNED
  }

  private final JdbcClient jdbc;
  private final CaseFile caseFile;
  private final ReferralQueries queries;
  private final RecommendationView recommendation;
  private final Recommendations recommendations;
  private final Notifications notifications;
  private final CaseAccess caseAccess;
  private final CommandAuthority authority;
  private final PuskesosDirectory puskesos;
  private final Clock clock;

  public Escalations(JdbcClient jdbc, CaseFile caseFile, ReferralQueries queries, RecommendationView recommendation,
      Recommendations recommendations, Notifications notifications, CaseAccess caseAccess,
      CommandAuthority authority, PuskesosDirectory puskesos, Clock clock) {
    this.jdbc = jdbc;
    this.caseFile = caseFile;
    this.queries = queries;
    this.recommendation = recommendation;
    this.recommendations = recommendations;
    this.notifications = notifications;
    this.caseAccess = caseAccess;
    this.authority = authority;
    this.puskesos = puskesos;
    this.clock = clock;
  }

  /** Hands the case to the city SLRT with its file; returns the summary the city's task shows. */
  public String escalate(String referralNumber, String actor) {
    String reason = recommendations.escalationReason(referralNumber);
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("referralNumber", referralNumber);
    file.put("escalatedAt", OffsetDateTime.now(clock));
    file.put("escalatedBy", actor);
    file.put("reason", reason);
    file.put("recommendation", recommendation.summary(referralNumber));
    file.put("case", caseAccess.withoutAuthorization(() -> queries.view(referralNumber)));
    byte[] json = Json.write(file).getBytes(StandardCharsets.UTF_8);
    try {
      jdbc.sql("""
          INSERT INTO escalation (referral_number, open_referral, escalated_at, escalated_by, reason, case_file)
          VALUES (?, ?, ?, ?, ?, ?)""")
          .params(referralNumber, referralNumber, OffsetDateTime.now(clock), actor, reason, json).update();
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new ConflictException("Rujukan %s sudah dieskalasi dan menunggu jawaban SLRT kota".formatted(referralNumber));
    }
    caseAccess.grantReader(caseFile.get(referralNumber).processInstanceId(), Groups.SLRT);
    caseFile.record(referralNumber, EventType.ESCALATED_TO_CITY, actor, "Kasus dieskalasi ke SLRT kota: " + reason);
    String from = puskesos.of(caseFile.get(referralNumber).tenantId()).title();
    notifications.emailGroups(List.of(Groups.SLRT), "Eskalasi dari " + from + ": " + referralNumber,
        ("%s mengeskalasi rujukan %s ke SLRT kota: %s. Berkas kasus: "
            + "/api/referrals/%s/escalation; jawab di Tasklist (Jawab eskalasi dari Puskesos).")
            .formatted(from, referralNumber, reason, referralNumber), "escalation:" + referralNumber + ":" + reason.hashCode(),
        referralNumber);
    return "**Alasan eskalasi:** %s\n\n**Rekomendasi Puskesos:**\n%s".formatted(reason,
        recommendation.summary(referralNumber));
  }

  /** The city SLRT's answer onto the case. */
  public Answer answer(String referralNumber, String answer, String note, String actor) {
    authority.require("Jawaban eskalasi", "SLRT kota", Groups.SLRT);
    Checks checks = new Checks();
    Answer what = checks.oneOf(Answer.class, CaseVariables.CITY_ANSWER.name(), answer, "Jawaban SLRT kota");
    String text = checks.required(CaseVariables.CITY_NOTE.name(), note, "Catatan atau arahan SLRT kota");
    checks.throwIfAny();
    int updated = jdbc.sql("""
        UPDATE escalation SET answer = ?, answer_note = ?, answered_at = ?, answered_by = ?, open_referral = NULL
        WHERE referral_number = ? AND open_referral IS NOT NULL""")
        .params(what.name(), text, OffsetDateTime.now(clock), actor, referralNumber).update();
    if (updated == 0) {
      throw new ConflictException("Rujukan %s tidak menunggu jawaban SLRT kota".formatted(referralNumber));
    }
    if (what == Answer.TAKEN_OVER) {
      recommendations.cancelRecommended(referralNumber, "Kasus diambil alih SLRT kota: " + text);
    }
    caseFile.record(referralNumber, EventType.CITY_ANSWERED, actor, (what == Answer.TAKEN_OVER
        ? "SLRT kota mengambil alih kasus: " : "SLRT kota mengembalikan kasus ke Puskesos dengan arahan: ") + text);
    return what;
  }

  /** The case file as it was sent to the city SLRT (JSON), the latest escalation first. */
  @Transactional(readOnly = true)
  public byte[] file(String referralNumber) {
    authority.require("Berkas eskalasi", "SLRT kota, back office, koordinator atau manajer", Groups.SLRT,
        Groups.BACK_OFFICE, Groups.KOORDINATOR, Groups.MANAJER);
    return jdbc.sql("SELECT case_file FROM escalation WHERE referral_number = ? ORDER BY escalated_at DESC, id DESC")
        .param(referralNumber).query((rs, row) -> rs.getBytes("case_file")).list().stream().findFirst()
        .orElseThrow(() -> new NotFoundException("Eskalasi rujukan " + referralNumber));
  }
}
