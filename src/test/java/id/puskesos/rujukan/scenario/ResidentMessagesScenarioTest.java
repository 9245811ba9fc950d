package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import id.puskesos.rujukan.audit.AuditTrail;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.notification.FakeWhatsAppGateway;
import id.puskesos.rujukan.notification.OutboxDispatcher;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.ResidentDetails;
import id.puskesos.rujukan.registry.Sex;

/**
 * The resident's WhatsApp messages through the outbox and the fake gateway (on the sender's port, as the test
 * profile configures it): a case from intake to close tells a consenting resident each turn once and in order; no
 * consent, no message; a withdrawal stops them; a resend after a crash is delivered once; no message holds the NIK or
 * the birth date; only the administrator edits the templates, with the placeholders of their turn.
 */
class ResidentMessagesScenarioTest extends ScenarioTestSupport {

  private static final int SENDER_PORT = 18089;
  private static FakeWhatsAppGateway gateway;

  @Autowired
  private OutboxDispatcher dispatcher;
  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private Registry registry;
  @Autowired
  private Consents consents;
  @Autowired
  private AuditTrail audit;

  @BeforeAll
  static void startGateway() throws IOException {
    gateway = new FakeWhatsAppGateway(SENDER_PORT, null, null).start();
  }

  @AfterAll
  static void stopGateway() {
    gateway.stop();
  }

  @BeforeEach
  void emptyGateway() {
    gateway.clear();
  }

  @Test
  void aConsentingResidentHearsOfEachTurnOnceInOrderFromIntakeToClose() {
    Map<String, Object> intake = residentWhoConsented("FOOD");

    String number = runFoodCaseToClose(intake);
    dispatcher.dispatch();
    dispatcher.dispatch();

    assertThat(queued(number)).containsExactly("RECEIVED", "VISIT_PLANNED", "REFERRED:BAZNAS_KONSUMTIF",
        "LETTER_READY:BAZNAS_KONSUMTIF", "ACCEPTED:BAZNAS_KONSUMTIF", "HANDED_OVER:BAZNAS_KONSUMTIF",
        "RECEIPT_QUESTION:BAZNAS_KONSUMTIF", "FOLLOW_UP", "CLOSED");
    List<String> texts = delivered(number);
    assertThat(texts).hasSize(9);
    assertThat(texts.get(0)).contains(number, "kirim nomor rujukan dan tanggal lahir ke nomor ini");
    assertThat(texts.get(1)).contains("akan berkunjung ke rumah Anda");
    assertThat(texts.get(3)).contains("REK/" + number + "/BAZNAS_KONSUMTIF", "Bawa KTP");
    assertThat(texts.get(8)).contains("Terfasilitasi");
    assertThat(texts.get(6)).contains("Balas YA atau TIDAK");
    assertThat(gateway.sent()).filteredOn(s -> s.text().contains(number))
        .allSatisfy(s -> assertThat(s.to()).endsWith("81234567890"));
    LocalDate born = LocalDate.parse(intake.get("birthDate").toString());
    assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(intake.get("nik").toString(),
        intake.get("nik").toString().substring(6, 12), born.toString(), Dates.written(born), Dates.numeric(born),
        intake.get("kkNumber").toString()));
  }

  @Test
  void aResidentWithoutConsentGetsNoMessage() {
    String number = runFoodCaseToClose(CaseApi.intake("FOOD"));
    dispatcher.dispatch();

    assertThat(queued(number)).isEmpty();
    assertThat(delivered(number)).isEmpty();
  }

  @Test
  void aWithdrawnConsentStopsTheMessages() {
    Map<String, Object> intake = residentWhoConsented("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    long resident = registry.findByNik(intake.get("nik").toString()).orElseThrow().id();
    api.task(number, "task_homeVisit"); // the visit is planned after the intake's save point: told before the withdrawal
    consents.record(resident, Consents.CONTACT_WHATSAPP, false, Consents.Source.REQUEST, "Warga minta berhenti", "fo");

    api.verifyValid(number);
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.awaitProgramStatus(number, "BAZNAS_KONSUMTIF", "REFERRED");
    dispatcher.dispatch();

    assertThat(queued(number)).containsExactly("RECEIVED", "VISIT_PLANNED");
    assertThat(delivered(number)).hasSize(2);
  }

  @Test
  void aMessageResentAfterACrashMidSendReachesTheResidentOnce() {
    Map<String, Object> intake = residentWhoConsented("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.task(number, "task_homeVisit");
    // committed with the case; the application "crashed" before sending: they wait in the outbox
    assertThat(queued(number)).containsExactly("RECEIVED", "VISIT_PLANNED");
    dispatcher.dispatch();
    // the node died after the gateway took it but before marking it sent: claimed long ago, sent again
    jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', claimed_at = ? WHERE referral_number = ?")
        .params(OffsetDateTime.now().minusHours(1), number).update();

    dispatcher.dispatch();

    assertThat(delivered(number)).hasSize(2);
    assertThat(gateway.resends()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT status FROM notification_outbox WHERE referral_number = ?").param(number)
        .query(String.class).list()).containsExactly("SENT", "SENT");
  }

  @Test
  void onlyTheAdministratorEditsATemplateWithItsOwnPlaceholdersAndTheChangeIsAudited() {
    assertThat(api.get("fo", "/api/notifications/templates").getStatusCode().value()).isEqualTo(403);
    assertThat(api.put("fo", "/api/notifications/templates/FOLLOW_UP", Map.of("body", "Halo {nomor}"))
        .getStatusCode().value()).isEqualTo(403);
    JsonNode all = api.get("admin", "/api/notifications/templates").getBody();
    assertThat(all.findValuesAsText("key"))
        .containsExactly("RECEIVED", "VISIT_PLANNED", "REFERRED", "LETTER_READY", "ACCEPTED", "WAITING_BUDGET", "REJECTED",
            "HANDED_OVER", "FOLLOW_UP", "CLOSED");
    String before = all.findParents("key").stream().filter(t -> t.get("key").asText().equals("FOLLOW_UP"))
        .findFirst().orElseThrow().get("body").asText();

    var wrong = api.put("admin", "/api/notifications/templates/FOLLOW_UP", Map.of("body", "Bantuan {program} {nomor}"));
    var identity = api.put("admin", "/api/notifications/templates/FOLLOW_UP", Map.of("body", "NIK Anda {nik}"));
    var edited = api.put("admin", "/api/notifications/templates/FOLLOW_UP",
        Map.of("body", "Rujukan {nomor}: fasilitator kami akan datang."));
    try {
      assertThat(wrong.getStatusCode().value()).isEqualTo(400);
      assertThat(wrong.getBody().toString()).contains("Placeholder {program} tidak tersedia untuk pesan FOLLOW_UP");
      assertThat(identity.getStatusCode().value()).isEqualTo(400);
      assertThat(identity.getBody().toString()).contains("tidak boleh memuat NIK");
      assertThat(edited.getStatusCode().value()).isEqualTo(200);
      assertThat(edited.getBody().get("updatedBy").asText()).isEqualTo("admin");
      assertThat(audit.read(CaseApi.today(), CaseApi.today(), "MESSAGE_TEMPLATE_SET", "admin", 10))
          .anySatisfy(e -> assertThat(e.detail()).contains("fasilitator kami akan datang"));
    } finally {
      api.put("admin", "/api/notifications/templates/FOLLOW_UP", Map.of("body", before));
    }
  }

  @Test
  void theGatewayForwardsAResidentsMessageToTheInboundWebhookWithTheToken() throws Exception {
    HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StringBuilder received = new StringBuilder();
    webhook.createContext("/api/whatsapp/inbound", exchange -> {
      received.append(exchange.getRequestHeaders().getFirst("X-Rujukan-Webhook-Token")).append(' ')
          .append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    webhook.start();
    FakeWhatsAppGateway forwarding = new FakeWhatsAppGateway(0, "http://127.0.0.1:%d/api/whatsapp/inbound"
        .formatted(webhook.getAddress().getPort()), "rahasia-uji").start();
    try {
      FakeWhatsAppGateway.Forwarded answer = forwarding.forwardInbound("+6281234567890", "YA");

      assertThat(answer.status()).isEqualTo(202);
      assertThat(received.toString()).startsWith("rahasia-uji ").contains("\"from\":\"+6281234567890\"",
          "\"text\":\"YA\"");
    } finally {
      forwarding.stop();
      webhook.stop(0);
    }
  }

  /** An intake of a resident the registry knows and who agreed to be contacted by WhatsApp before it. */
  private Map<String, Object> residentWhoConsented(String... needs) {
    Map<String, Object> intake = CaseApi.intake(needs);
    long resident = registry.lockOrCreate(new ResidentDetails(intake.get("nik").toString(),
        intake.get("kkNumber").toString(), intake.get("fullName").toString(),
        LocalDate.parse(intake.get("birthDate").toString()), Sex.F, intake.get("address").toString(),
        intake.get("rt").toString(), intake.get("rw").toString(), intake.get("kelurahan").toString(),
        intake.get("phone").toString()), "fo", "Uji pesan warga").id();
    consents.record(resident, Consents.CONTACT_WHATSAPP, true, Consents.Source.REQUEST, null, "fo");
    return intake;
  }

  private String runFoodCaseToClose(Map<String, Object> intake) {
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    api.referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    api.topUp("BAZNAS_KONSUMTIF", 5_000_000L);
    api.partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT");
    api.partnerHandsOver(number, "BAZNAS_KONSUMTIF", "baznas", true, "aidAmount", 500000);
    api.followUp(number, "YES", "YES", "YES", 5);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> "CLOSED".equals(api.view(number).get("status").asText()));
    return number;
  }

  /** The resident's messages the case queued, as template and program, in the order they were queued. */
  private List<String> queued(String number) {
    return jdbc.sql("""
        SELECT dedup_key FROM notification_outbox WHERE referral_number = ? AND channel = 'WHATSAPP' ORDER BY id""")
        .param(number).query(String.class).list().stream()
        .map(key -> key.startsWith("receipt-question:") // the receipt question (inbound.ReceiptQuestions)
            ? "RECEIPT_QUESTION:" + key.split(":")[2]
            : key.substring(("warga:" + number + ":").length())).toList();
  }

  /** What the gateway delivered about the case, in order. */
  private List<String> delivered(String number) {
    return gateway.sent().stream().map(FakeWhatsAppGateway.Sent::text).filter(t -> t.contains(number)).toList();
  }
}
