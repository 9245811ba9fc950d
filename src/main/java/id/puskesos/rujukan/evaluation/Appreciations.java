package id.puskesos.rujukan.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Documents;
import id.puskesos.rujukan.common.NotFoundException;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.report.PeriodData;
import id.puskesos.rujukan.report.PeriodFigures;
import id.puskesos.rujukan.report.PeriodFigures.Figures;
import id.puskesos.rujukan.tenant.Letterhead;

/**
 * The letters of appreciation that close an evaluation: one per partner, with the reasons its period earned (in a
 * Puskesos's evaluation, with that Puskesos's cases), under the letterhead of the Puskesos or of the city SLRT.
 */
@Service
@Transactional
public class Appreciations {

  private final JdbcClient jdbc;
  private final Evaluations evaluations;
  private final EvaluationParticipants participants;
  private final PeriodData periodData;
  private final AppreciationLetter appreciationLetter;
  private final Documents documents;
  private final Notifications notifications;
  private final Actors actors;
  private final EvaluationScopes scopes;
  private final Clock clock;

  public Appreciations(JdbcClient jdbc, Evaluations evaluations, EvaluationParticipants participants,
      PeriodData periodData, AppreciationLetter appreciationLetter, Documents documents, Notifications notifications,
      Actors actors, EvaluationScopes scopes, Clock clock) {
    this.scopes = scopes;
    this.jdbc = jdbc;
    this.evaluations = evaluations;
    this.participants = participants;
    this.periodData = periodData;
    this.appreciationLetter = appreciationLetter;
    this.documents = documents;
    this.notifications = notifications;
    this.actors = actors;
    this.clock = clock;
  }

  /**
   * Issues each partner's letter of appreciation, signed by the koordinator who recorded the meeting, and e-mails
   * it to the partner's staff. Idempotent: a letter issued before is not issued again.
   */
  public int issueAppreciation(long id) {
    Evaluations.Evaluation evaluation = evaluations.get(id);
    Figures figures = PeriodFigures.compute(periodData.load(evaluation.period(),
        EvaluationScopes.tenantOf(evaluation.scope())));
    Letterhead head = scopes.letterhead(evaluation.scope());
    Map<String, Integer> ideas = new HashMap<>();
    if (evaluation.ideasAdopted() != null && !evaluation.ideasAdopted().isBlank()) {
      Arrays.stream(evaluation.ideasAdopted().split(",")).forEach(code -> ideas.merge(code, 1, Integer::sum));
    }
    Map<String, List<String>> reasons = Appreciation.reasons(figures, ideas);
    String coordinator = evaluation.coordinator() == null ? head.signer()
        : actors.displayName(evaluation.coordinator());
    LocalDate today = LocalDate.now(clock);
    int issued = 0;
    for (Partner partner : participants.partners()) {
      boolean exists = jdbc.sql("SELECT COUNT(*) FROM evaluation_appreciation WHERE evaluation_id = ? AND partner_code = ?")
          .params(id, partner.code()).query(Long.class).single() > 0;
      if (exists) {
        continue;
      }
      List<String> list = reasons.getOrDefault(partner.code(), List.of());
      String number = "%d/APR/%s/%s/%s".formatted(id, evaluation.scope(), partner.code(), evaluation.period().key());
      byte[] pdf = appreciationLetter.render(new AppreciationLetter.Content(number, partner.name(),
          evaluation.label(), list, today, coordinator), head);
      long document = documents.store("APPRECIATION", "Surat apresiasi " + partner.name() + " " + evaluation.label(),
          "surat-apresiasi-" + partner.code().toLowerCase(Locale.ROOT) + "-" + evaluation.period().key() + ".pdf", pdf,
          actors.current());
      jdbc.sql("""
          INSERT INTO evaluation_appreciation (evaluation_id, partner_code, reasons, document_id, issued_at, issued_by)
          VALUES (?, ?, ?, ?, ?, ?)""")
          .params(id, partner.code(), cut(String.join("\n", list), 2000), document, OffsetDateTime.now(clock),
              actors.current()).update();
      notifications.emailGroups(List.of(partner.group()), "Surat apresiasi " + head.author() + " " + evaluation.label(),
          "Terima kasih atas kerja sama %s dalam layanan rujukan %s. Surat apresiasi dari %s terlampir."
              .formatted(partner.name(), evaluation.label(), head.author()),
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

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
