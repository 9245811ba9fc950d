package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import id.puskesos.rujukan.process.ReferralProcess;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.security.WhatsAppWebhook;

/**
 * Issue 20 items 2 and 3, through the gateway's webhook as the gateway calls it: status on request (number and birth
 * date from the registered phone), the same answer for every mismatch, the sender's throttle, the shared secret; the
 * resident's YA and TIDAK to the receipt question after a handover, the TIDAK opening the koordinator's check; and no
 * full phone number or birth date in the inbound log, the audit trail or the application's log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResidentInboundScenarioTest extends ScenarioTestSupport {

  private static final String TOKEN = "test-webhook-secret";
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private CaseFile caseFile;
  @Autowired
  private Consents consents;

  @Test
  void theRightNumberAndBirthDateFromTheRegisteredPhoneGetOneStatusReplyWithoutPersonalData() {
    String phone = freshPhone();
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("phone", "+62" + phone.substring(1));
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    LocalDate born = LocalDate.parse(intake.get("birthDate").toString());

    assertThat(send(TOKEN, "+62" + phone.substring(1), "Status " + number + " " + born.format(DAY_MONTH_YEAR))
        .getStatusCode().value()).isEqualTo(200);

    List<String> replies = replies(phone);
    assertThat(replies).singleElement().asString().startsWith("Puskesos Lebak Siliwangi: rujukan " + number)
        .doesNotContain(born.format(DAY_MONTH_YEAR), born.toString(), intake.get("nik").toString(), "Siti Aminah",
            "Tamansari");
    assertThat(log(phone)).containsExactly("STATUS ANSWERED " + number);
  }

  @Test
  void aWrongBirthDateAnUnknownSenderAndAnUnknownNumberGetTheSameReply() {
    String phone = freshPhone();
    String stranger = freshPhone();
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("phone", phone);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    LocalDate born = LocalDate.parse(intake.get("birthDate").toString());

    send(TOKEN, phone, number + " " + born.plusDays(1).format(DAY_MONTH_YEAR));
    send(TOKEN, stranger, number + " " + born.format(DateTimeFormatter.ofPattern("d-M-yyyy")));
    send(TOKEN, phone, "RJK-1999-999999 " + born.format(DAY_MONTH_YEAR));

    List<String> replies = replies(phone);
    replies.addAll(replies(stranger));
    assertThat(replies).hasSize(3).allMatch(r -> r.equals(replies.get(0)));
    assertThat(replies.get(0)).startsWith("Nomor rujukan atau tanggal lahir tidak cocok");
    assertThat(log(stranger)).containsExactly("STATUS NOT_MATCHED null");
  }

  @Test
  void theSixthMessageWithinTheHourIsHeldBackToldOnceThenSilence(CapturedOutput output) {
    String phone = freshPhone();
    for (int i = 0; i < 7; i++) {
      assertThat(send(TOKEN, phone, "RJK-2026-00000" + i + " 01-01-1990").getStatusCode().value()).isEqualTo(200);
    }

    List<String> replies = replies(phone);
    assertThat(replies).hasSize(6);
    assertThat(replies.subList(0, 5)).allMatch(r -> r.startsWith("Nomor rujukan atau tanggal lahir tidak cocok"));
    assertThat(replies.get(5)).startsWith("Terlalu banyak pesan dari nomor ini. Silakan coba lagi nanti");
    assertThat(log(phone)).endsWith("OTHER THROTTLED null", "OTHER THROTTLED null");
    assertThat(output.getAll()).doesNotContain(phone, phone.substring(1), "01-01-1990");
  }

  @Test
  void aMissingOrWrongWebhookTokenIsRefusedAndNothingIsRecorded() {
    String phone = freshPhone();

    assertThat(send(null, phone, "RJK-2026-000001 01-01-1990").getStatusCode().value()).isEqualTo(403);
    assertThat(send("wrong-secret", phone, "YA").getStatusCode().value()).isEqualTo(403);
    assertThat(send(TOKEN.substring(1), phone, "YA").getStatusCode().value()).isEqualTo(403);
    // Basic credentials are no way around the secret
    HttpHeaders staff = CaseApi.headers("admin");
    staff.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.postForEntity(WhatsAppWebhook.PATH, new HttpEntity<>(Map.of("from", phone, "text", "YA"), staff),
        String.class).getStatusCode().value()).isEqualTo(403);

    assertThat(log(phone)).isEmpty();
    assertThat(replies(phone)).isEmpty();
  }

  @Test
  void aYesFromTheResidentsNumberIsRecordedWithTimeAndChannelAndAYesFromAnotherNumberIsIgnored() {
    String phone = freshPhone();
    String number = handedOverWithWhatsAppConsent(phone);
    assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE recipient = ? AND dedup_key LIKE ?")
        .params(phone, "receipt-question:" + number + ":BAZNAS_KONSUMTIF:%").query(String.class).list())
        .singleElement().asString().contains("apakah Anda sudah menerima bantuan", "Balas YA atau TIDAK");

    // a YA from a number that is not the resident's: the polite answer, nothing recorded
    String other = freshPhone();
    send(TOKEN, other, "YA");
    assertThat(replies(other)).singleElement().asString().startsWith("Terima kasih. Pesan Anda tidak dapat kami");
    assertThat(answers(number)).containsExactly("null null false");

    send(TOKEN, phone, "ya ");

    assertThat(answers(number)).containsExactly("YA WHATSAPP true");
    assertThat(api.timeline(number, "RESIDENT_ANSWERED_RECEIPT")).containsExactly(
        "Warga menjawab lewat WhatsApp: bantuan Bantuan konsumtif fakir miskin sudah diterima (YA)");
    assertThat(replies(phone)).containsExactly("Terima kasih, jawaban Anda sudah kami catat.");
    // a second YA finds no open question
    send(TOKEN, phone, "YA");
    assertThat(answers(number)).containsExactly("YA WHATSAPP true");
  }

  @Test
  void aNoFromTheResidentOpensTheKoordinatorsCheckOfAidNotReceived() {
    String phone = freshPhone();
    String number = handedOverWithWhatsAppConsent(phone);
    api.task(number, ReferralProcess.TASK_FOLLOW_UP);

    send(TOKEN, phone, "TIDAK");

    assertThat(answers(number)).containsExactly("TIDAK WHATSAPP true");
    Task check = api.task(number, ReferralProcess.TASK_CHECK_DISCREPANCY);
    assertThat(taskService.getIdentityLinksForTask(check.getId())).anyMatch(l -> "koordinator".equals(l.getGroupId()));
    assertThat(String.valueOf(runtimeService.getVariable(check.getProcessInstanceId(), "handoverRecords")))
        .contains("Bantuan konsumtif fakir miskin", "Rp500.000");
    assertThat(api.tasks(number, ReferralProcess.TASK_FOLLOW_UP)).isEmpty();
    assertThat(api.timeline(number, "DISCREPANCY_OPENED")).singleElement().asString()
        .contains("Bantuan konsumtif fakir miskin");

    // the same check as after the follow-up: the koordinator's finding closes the case
    api.complete("koordinator", number, ReferralProcess.TASK_CHECK_DISCREPANCY, "discrepancyResolution", "RECEIVED",
        "discrepancyNote", "Tanda terima bertanda tangan warga");
    assertThat(api.view(number).get("outcome").asText()).isEqualTo("FACILITATED");
  }

  @Test
  void theInboundLogAndTheAuditTrailHoldNoFullPhoneNumberOrBirthDate() {
    String phone = freshPhone();
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("phone", phone);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    LocalDate born = LocalDate.parse(intake.get("birthDate").toString());
    send(TOKEN, phone, number + " " + born.format(DAY_MONTH_YEAR));
    send("wrong", phone, number + " " + born.format(DAY_MONTH_YEAR));

    String masked = phone.substring(0, 4) + "****" + phone.substring(phone.length() - 4);
    assertThat(jdbc.sql("SELECT sender_masked FROM resident_inbound_log WHERE sender_masked = ?").param(masked)
        .query(String.class).list()).containsExactly(masked);
    for (String table : List.of("resident_inbound_log", "audit_event")) {
      String everything = String.join("|", jdbc.sql("SELECT * FROM " + table).query((rs, row) -> {
        StringBuilder line = new StringBuilder();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
          line.append(rs.getString(c)).append(';');
        }
        return line.toString();
      }).list());
      assertThat(everything).as(table).doesNotContain(phone.substring(1), born.format(DAY_MONTH_YEAR));
    }
  }

  /** A food case of a resident with this phone and WhatsApp consent, BAZNAS's aid handed over in full. */
  @Test
  void aComplaintByWhatsAppOpensAGrievanceForTheKoordinatorOnTheResidentsCase() {
    String phone = freshPhone();
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("phone", "+62" + phone.substring(1));
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();

    assertThat(send(TOKEN, "+62" + phone.substring(1), "keluhan: petugas datang terlambat dua jam dan tidak sopan")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(replies(phone)).singleElement().asString().startsWith("Keluhan Anda tercatat dengan nomor ADU-")
        .contains("rujukan " + number);
    assertThat(log(phone)).containsExactly("GRIEVANCE GRIEVANCE_OPENED " + number);
    List<String> opened = jdbc.sql("""
        SELECT channel || ' ' || kind || ' ' || about_code || ' ' || complaint_text FROM grievance
        WHERE referral_number = ?""").param(number).query(String.class).list();
    assertThat(opened).containsExactly("WHATSAPP LAINNYA PUSKESOS petugas datang terlambat dua jam dan tidak sopan");
    assertThat(api.timeline(number, "GRIEVANCE_OPENED")).hasSize(1);

    // from a number the registry does not know: how to complain, and nothing opened
    String stranger = freshPhone();
    send(TOKEN, stranger, "KELUHAN bantuan tidak sesuai janji sama sekali");
    assertThat(replies(stranger)).singleElement().asString().startsWith("Untuk menyampaikan keluhan");
    assertThat(log(stranger)).containsExactly("GRIEVANCE NOT_MATCHED null");
  }

  private String handedOverWithWhatsAppConsent(String phone) {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("phone", phone);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    consents.record(caseFile.get(number).residentId(), Consents.CONTACT_WHATSAPP, true, Consents.Source.REQUEST, null,
        "fo");
    api.verifyValid(number);
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.topUp("BAZNAS_KONSUMTIF", 5_000_000L);
    api.partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT");
    api.partnerHandsOver(number, "BAZNAS_KONSUMTIF", "baznas", true, "aidAmount", 500000);
    await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(number).messageEventSubscriptionName(ReferralProcess.MSG_RESIDENT_SAYS_NOT_RECEIVED)
        .count() > 0);
    return number;
  }

  private ResponseEntity<String> send(String token, String from, String text) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      headers.set(WhatsAppWebhook.TOKEN_HEADER, token);
    }
    return http.postForEntity(WhatsAppWebhook.PATH, new HttpEntity<>(Map.of("from", from, "text", text), headers),
        String.class);
  }

  /** The replies queued for the number, oldest first. */
  private List<String> replies(String phone) {
    return new java.util.ArrayList<>(jdbc.sql("""
        SELECT body FROM notification_outbox WHERE recipient = ? AND (dedup_key LIKE 'inbound-reply:%')
        ORDER BY id""").param(phone).query(String.class).list());
  }

  /** The inbound log of the number (masked as it is kept): "KIND OUTCOME number". */
  private List<String> log(String phone) {
    String masked = phone.substring(0, 4) + "****" + phone.substring(phone.length() - 4);
    return jdbc.sql("SELECT kind, outcome, referral_number FROM resident_inbound_log WHERE sender_masked = ? ORDER BY id")
        .param(masked).query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
  }

  /** The case's receipt answers: "answer channel hasTime". */
  private List<String> answers(String number) {
    return jdbc.sql("""
        SELECT answer, channel, received_at FROM resident_receipt_answer WHERE referral_number = ? ORDER BY id""")
        .param(number).query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " "
            + (rs.getObject(3) != null)).list();
  }

  /** A number nobody else in the run has, in the national form the registry keeps: 0813 and eight digits. */
  private static String freshPhone() {
    return "0813" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
