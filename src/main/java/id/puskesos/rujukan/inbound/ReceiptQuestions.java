package id.puskesos.rujukan.inbound;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.followup.ClosingService;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.tenant.PuskesosDirectory;
import id.puskesos.rujukan.referral.EventType;

/**
 * The resident confirms receipt. When a partner records a handover, the resident who consented to WhatsApp contact
 * is asked whether the aid arrived (one question per case, program and handover). A YA or TIDAK from the resident's
 * registered number answers that resident's most recent open question of an open case: recorded with its channel
 * and time, and on the timeline. A TIDAK opens the koordinator's check of aid not received, the same check the
 * follow-up's "not received" opens ({@link ClosingService#openDiscrepancy}, message
 * {@value ReferralProcess#MSG_RESIDENT_SAYS_NOT_RECEIVED}), when the case waits for its follow-up or the follow-up
 * task is open; earlier (other partners still deciding or handing over) the answer is recorded and the follow-up
 * asks again. No answer changes nothing: the fasilitator's follow-up asks as always.
 */
@Service
@Transactional
public class ReceiptQuestions {

  static final String CHANNEL = "WHATSAPP";
  private static final String ACTOR = "warga (WhatsApp)";

  private final JdbcClient jdbc;
  private final PuskesosDirectory directory;
  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final Notifications notifications;
  private final ClosingService closingService;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public ReceiptQuestions(JdbcClient jdbc, CaseFile caseFile, ProgramCatalogue catalogue,
      Notifications notifications, ClosingService closingService, RuntimeService runtimeService, Clock clock,
      PuskesosDirectory directory) {
    this.directory = directory;
    this.jdbc = jdbc;
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.notifications = notifications;
    this.closingService = closingService;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Asks the resident about the program's latest handover, with their consent only; returns whether it was asked. */
  public boolean ask(String referralNumber, String programCode) {
    var referral = caseFile.get(referralNumber);
    long residentId = referral.residentId();
    Optional<Long> handover = jdbc.sql("""
        SELECT MAX(id) FROM program_distribution WHERE referral_number = ? AND program_code = ?""")
        .params(referralNumber, programCode).query(Long.class).optional();
    if (handover.isEmpty()) {
      return false;
    }
    String text = "%s: apakah Anda sudah menerima bantuan %s (rujukan %s)? Balas YA atau TIDAK.".formatted(
        directory.of(referral.tenantId()).title(), catalogue.program(programCode).name(), referralNumber);
    if (!notifications.whatsAppResident(residentId, text,
        "receipt-question:%s:%s:%d".formatted(referralNumber, programCode, handover.get()), referralNumber)) {
      return false;
    }
    return jdbc.sql("""
        INSERT INTO resident_receipt_answer (referral_number, program_code, handover_id, resident_id, asked_at)
        SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM resident_receipt_answer
          WHERE referral_number = ? AND program_code = ? AND handover_id = ?)""")
        .params(referralNumber, programCode, handover.get(), residentId, OffsetDateTime.now(clock), referralNumber,
            programCode, handover.get())
        .update() == 1;
  }

  /** A YA ({@code received}) or TIDAK from the sender's number (national form). */
  Reply answer(String sender, boolean received) {
    record Open(long id, String referralNumber, String programCode) {
    }
    Optional<Open> open = jdbc.sql("""
        SELECT a.id, a.referral_number, a.program_code FROM resident_receipt_answer a
        JOIN resident r ON r.id = a.resident_id JOIN referral f ON f.referral_number = a.referral_number
        WHERE a.answer IS NULL AND r.phone = ? AND f.status = 'OPEN'
        ORDER BY a.asked_at DESC, a.id DESC""").param(sender)
        .query((rs, row) -> new Open(rs.getLong(1), rs.getString(2), rs.getString(3))).list().stream().findFirst();
    if (open.isEmpty() || jdbc.sql("""
        UPDATE resident_receipt_answer SET answer = ?, channel = ?, received_at = ? WHERE id = ? AND answer IS NULL""")
        .params(received ? "YA" : "TIDAK", CHANNEL, OffsetDateTime.now(clock), open.get().id()).update() != 1) {
      return new Reply(Reply.Outcome.IGNORED, Reply.NO_QUESTION_TEXT, null);
    }
    String number = open.get().referralNumber();
    String program = catalogue.program(open.get().programCode()).name();
    caseFile.record(number, EventType.RESIDENT_ANSWERED_RECEIPT, ACTOR, received
        ? "Warga menjawab lewat WhatsApp: bantuan %s sudah diterima (YA)".formatted(program)
        : "Warga menjawab lewat WhatsApp: bantuan %s belum diterima (TIDAK)".formatted(program));
    if (received) {
      return new Reply(Reply.Outcome.RECORDED, "Terima kasih, jawaban Anda sudah kami catat.", number);
    }
    if (runtimeService.createExecutionQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ReferralProcess.PROCESS_ID)
        .messageEventSubscriptionName(ReferralProcess.MSG_RESIDENT_SAYS_NOT_RECEIVED).count() > 0) {
      String records = closingService.openDiscrepancy(number, ACTOR, "Lewat WhatsApp");
      runtimeService.createMessageCorrelation(ReferralProcess.MSG_RESIDENT_SAYS_NOT_RECEIVED)
          .processInstanceBusinessKey(number).setVariable(CaseVariables.HANDOVER_RECORDS.name(), records).correlateAll();
    }
    return new Reply(Reply.Outcome.RECORDED, "Terima kasih, jawaban Anda sudah kami catat. Koordinator Puskesos akan "
        + "memeriksa penyerahan bantuan ini.", number);
  }
}
