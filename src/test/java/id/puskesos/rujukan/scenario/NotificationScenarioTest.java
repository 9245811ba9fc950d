package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import id.puskesos.rujukan.notification.Channel;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.notification.OutboxDispatcher;
import id.puskesos.rujukan.registry.Consents;
import id.puskesos.rujukan.registry.Registry;

/**
 * The notification outbox against a real SMTP server (GreenMail) and a local WhatsApp gateway: a message exists once
 * its cause is committed and is sent once, even after a crash between commit and send or mid-send; a failing gateway
 * is retried and ends FAILED, visible to the manager; residents are messaged only with their consent.
 */
class NotificationScenarioTest extends ScenarioTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  private static HttpServer gateway;
  private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  @Autowired
  private Notifications notifications;
  @Autowired
  private OutboxDispatcher dispatcher;
  @Autowired
  private TransactionTemplate transaction;
  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private Registry registry;
  @Autowired
  private Consents consents;

  @BeforeAll
  static void startGateway() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress("localhost", 18089), 0);
    gateway.createContext("/kirim", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
      if (status == 200) {
        RECEIVED.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + body);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    gateway.start();
  }

  @AfterAll
  static void stopGateway() {
    gateway.stop(0);
  }

  @Test
  void aCommittedMessageIsSentOnceEvenAfterACrashBetweenCommitAndSend() throws Exception {
    String key = "uji-" + System.nanoTime();
    transaction.executeWithoutResult(t -> notifications.enqueue(Channel.EMAIL, "koordinator@puskesos.example",
        "Eskalasi: uji", "Tugas melewati batas waktu", key, null));
    transaction.executeWithoutResult(t -> notifications.enqueue(Channel.EMAIL, "koordinator@puskesos.example",
        "Eskalasi: uji", "Tugas melewati batas waktu", key, null));
    // the application "crashed" here: nothing was sent, the message waits in the outbox

    dispatcher.dispatch();
    dispatcher.dispatch();

    assertThat(smtp.getReceivedMessages()).filteredOn(m -> subject(m).equals("Eskalasi: uji")).hasSize(1)
        .allSatisfy(m -> assertThat(m.getMessageID()).startsWith("<rujukan-outbox-"));
    assertThat(status(key)).isEqualTo("SENT");
  }

  @Test
  void aMessageClaimedByANodeThatDiedIsSentAgainWithTheSameKey() {
    String key = "klaim-" + System.nanoTime();
    notifications.enqueue(Channel.WHATSAPP, "081234500001", "Puskesos", "Pesan uji klaim", key, null);
    jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', claimed_at = ?, attempts = 1 WHERE dedup_key = ?")
        .params(java.time.OffsetDateTime.now().minusHours(1), key).update();

    dispatcher.dispatch();

    assertThat(RECEIVED).filteredOn(r -> r.contains("Pesan uji klaim")).singleElement()
        .satisfies(r -> assertThat(r).startsWith("rujukan-outbox-"));
    assertThat(status(key)).isEqualTo("SENT");
  }

  @Test
  void anEmailTheMailServerRefusesIsRetriedThenFailedWithAnIncidentOfTheCase() {
    String key = "surel-gagal-" + System.nanoTime();
    String number = api.openCase("ELDERLY");
    notifications.enqueue(Channel.EMAIL, "alamat tanpa domain@@", "Uji", "Pesan uji surel gagal", key, number);

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(status(key)).as("before attempt %d", attempt).isEqualTo("PENDING");
      dispatcher.dispatch();
    }

    assertThat(status(key)).isEqualTo("FAILED");
    assertThat(smtp.getReceivedMessages()).noneMatch(m -> subject(m).equals("Uji"));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getId();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance)
        .incidentType(OutboxDispatcher.INCIDENT_TYPE).count()).isOne();
  }

  @Test
  void aFailingGatewayIsRetriedThenTheMessageIsFailedListedForTheManagerAndAnIncidentOfTheCase() {
    String key = "gagal-" + System.nanoTime();
    String number = api.openCase("ELDERLY");
    notifications.enqueue(Channel.WHATSAPP, "081234500002", "Puskesos", "Pesan uji gagal", key, number);
    FAILURES_LEFT.set(3);

    dispatcher.dispatch();
    assertThat(status(key)).isEqualTo("PENDING");
    dispatcher.dispatch();
    dispatcher.dispatch();

    assertThat(status(key)).isEqualTo("FAILED");
    assertThat(RECEIVED).noneMatch(r -> r.contains("Pesan uji gagal"));
    String failed = api.get("manajer", "/api/notifications?status=FAILED").getBody().toString();
    assertThat(failed).contains("****0002", "\"attempts\":3", "500").doesNotContain("081234500002");
    assertThat(api.get("fasilitator", "/api/notifications").getStatusCode().value()).isEqualTo(403);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getId();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance)
        .incidentType(OutboxDispatcher.INCIDENT_TYPE).singleResult().getIncidentMessage())
        .contains("gagal dikirim", "500").doesNotContain("081234500002");
  }

  @Test
  void theResidentIsMessagedOnlyWithConsentWhenTheLetterIsIssued() {
    Map<String, Object> consenting = CaseApi.intake("ELDERLY");
    String withConsent = api.submitIntake("fo", consenting).getBody().get("referralNumber").asText();
    long resident = registry.findByNik(consenting.get("nik").toString()).orElseThrow().id();
    consents.record(resident, Consents.CONTACT_WHATSAPP, true, Consents.Source.REQUEST, null, "fo");
    String without = api.openCase("ELDERLY");
    for (String number : List.of(withConsent, without)) {
      api.verifyValid(number);
      api.assessEligible(number, false, false, "ELDERLY");
      api.partnerDecides(number, "ATENSI", "dinsos", "decision", "ACCEPT");
    }

    dispatcher.dispatch();

    assertThat(RECEIVED).filteredOn(r -> r.contains("REK/" + withConsent + "/ATENSI")).hasSize(1);
    assertThat(RECEIVED).noneMatch(r -> r.contains("REK/" + without + "/ATENSI"));
  }

  private String status(String key) {
    return jdbc.sql("SELECT status FROM notification_outbox WHERE dedup_key = ?").param(key).query(String.class)
        .single();
  }

  private static String subject(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
