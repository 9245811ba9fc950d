package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.partner.VerificationCodes;

/**
 * Letters with authority (docs/partners.md): the letter names the koordinator who approved the case with their NIP
 * and carries a verification code; anyone checks the code without a login and learns four facts, nothing of the
 * resident; forged and malformed codes get the same 404; an address that keeps guessing is held back (429) and the
 * audit trail says so; nothing else under {@code /api/public} is open.
 */
class LetterAuthorityScenarioTest extends ScenarioTestSupport {

  /** A koordinator of the test configuration's signer-nips (application-test.yaml). */
  static final String SIGNER = "koordinatordewi";
  static final String SIGNER_PASSWORD = "Lebak-Siliwangi-2026!";
  private static final Pattern CODE = Pattern.compile("Kode verifikasi: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private IdentityService identityService;
  @LocalServerPort
  private int port;

  @Test
  void theLetterNamesItsApproverWithNipAndItsCodeChecksAsValidUntilTheResidentWithdraws() throws Exception {
    String number = api.caseNothingFits(false);
    String program = api.testProgram();
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of(program), "recommendationReason", "Program uji");
    approveAs(SIGNER, number);
    api.awaitProgramStatus(number, program, "REFERRED");

    String letter = pdfText(api.bytes("manajer", "/api/referrals/" + number + "/letters/" + program).getBody());
    assertThat(letter).contains("Dewi Kartika Sari", "NIP. 19790425 200604 2 001",
        "https://rujukan.example.id/verifikasi/");
    Matcher printed = CODE.matcher(letter);
    assertThat(printed.find()).as(letter).isTrue();
    String code = printed.group(1);

    ResponseEntity<JsonNode> checked = http.getForEntity("/api/public/letters/" + code, JsonNode.class);
    assertThat(checked.getStatusCode().value()).isEqualTo(200);
    JsonNode facts = checked.getBody();
    assertThat(facts.fieldNames()).toIterable().containsExactlyInAnyOrder("valid", "letterNumber", "issuedOn",
        "programName");
    assertThat(facts.get("valid").asBoolean()).isTrue();
    assertThat(facts.get("letterNumber").asText()).isEqualTo("REK/" + number + "/" + program);
    assertThat(facts.get("issuedOn").asText()).isEqualTo(CaseApi.today().toString());
    assertThat(facts.get("programName").asText()).isEqualTo("Bantuan uji");
    JsonNode resident = api.view(number).get("resident");
    String nik = api.get("fo", "/api/referrals/" + number + "/resident/nik").getBody().get("nik").asText();
    assertThat(facts.toString()).doesNotContain(resident.get("name").asText()).doesNotContain(nik)
        .doesNotContain(resident.get("nikMasked").asText());
    // as a partner types it: lower case, without hyphens
    assertThat(http.getForEntity("/api/public/letters/" + code.replace("-", "").toLowerCase(), JsonNode.class)
        .getBody().get("letterNumber").asText()).isEqualTo("REK/" + number + "/" + program);

    assertThat(api.post("fo", "/api/referrals/" + number + "/withdrawal", Map.of("reason", "Warga pindah"))
        .getStatusCode().value()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode withdrawn = http.getForEntity("/api/public/letters/" + code, JsonNode.class).getBody();
      assertThat(withdrawn.get("valid").asBoolean()).as(withdrawn.toString()).isFalse();
      assertThat(withdrawn.get("letterNumber").asText()).isEqualTo("REK/" + number + "/" + program);
    });
  }

  @Test
  void aForgedCodeAndTextThatIsNoCodeGetTheSame404() throws Exception {
    List<String> tried = List.of(VerificationCodes.next(), "ABCD-EFGH-JKM0", "ABC", "1%27%20OR%20%271%27%3D%271",
        "%3Cscript%3E", "ABCD-EFGH-JKMN-PQRS");
    List<JsonNode> answers = new ArrayList<>();
    for (int i = 0; i < tried.size(); i++) {
      String code = tried.get(i);
      // each from an address of its own: this test is not about the throttle
      FromAddress.Answer answer = FromAddress.get("127.0.0.6" + i, port, "/api/public/letters/" + code, null, null);
      assertThat(answer.status()).as(code).isEqualTo(404);
      JsonNode problem = JSON.readTree(body(answer));
      answers.add(JSON.createObjectNode().put("type", problem.get("type").asText())
          .put("title", problem.get("title").asText()).put("detail", problem.get("detail").asText()));
    }
    assertThat(answers).as("one answer for every code that is not a letter's").allMatch(answers.get(0)::equals);
    assertThat(answers.get(0).get("detail").asText()).startsWith("Kode verifikasi tidak dikenal");
  }

  @Test
  void theSixthUnknownCodeFromOneAddressIsHeldBackAndTheTrailSaysSo() throws Exception {
    String client = "127.0.0.43";
    for (int i = 1; i <= 5; i++) {
      assertThat(FromAddress.get(client, port, "/api/public/letters/" + VerificationCodes.next(), null, null)
          .status()).as("unknown code %d", i).isEqualTo(404);
    }
    String sixth = VerificationCodes.next();
    FromAddress.Answer held = FromAddress.get(client, port, "/api/public/letters/" + sixth, null, null);

    assertThat(held.status()).isEqualTo(429);
    assertThat(Long.parseLong(held.headers().get("retry-after"))).isPositive();
    assertThat(JSON.readTree(body(held)).get("detail").asText()).contains("Terlalu banyak kode");
    // another address is not held back by this one's guesses
    assertThat(FromAddress.get("127.0.0.51", port, "/api/public/letters/" + VerificationCodes.next(), null, null)
        .status()).isEqualTo(404);
    JsonNode events = api.get("admin", "/api/audit?from=" + CaseApi.today().minusDays(1)
        + "&action=LETTER_CHECK_THROTTLED").getBody().get("events");
    assertThat(events).as(events.toString()).anySatisfy(e -> {
      assertThat(e.get("clientAddress").asText()).isEqualTo(client);
      assertThat(e.get("target").asText()).isEqualTo("GET /api/public/letters/" + sixth);
      assertThat(e.get("status").asInt()).isEqualTo(429);
    });
  }

  @Test
  void onlyTheCheckOfOneCodeIsOpenUnderApiPublic() throws Exception {
    String code = VerificationCodes.next();
    for (String path : List.of("/api/public/letters", "/api/public/letters/", "/api/public/other/" + code,
        "/api/public/letters/" + code + "/pdf", "/api/public", "/api/referrals")) {
      assertThat(FromAddress.get("127.0.0.52", port, path, null, null).status()).as(path).isEqualTo(401);
    }
    assertThat(FromAddress.send("127.0.0.52", port, "POST", "/api/public/letters/" + code, null, null, "{}")
        .status()).isEqualTo(401);
    // a wrong password sent along is not looked at, so the check tells nothing about it
    assertThat(FromAddress.get("127.0.0.53", port, "/api/public/letters/" + code, "fo", "salah-sekali").status())
        .isEqualTo(404);
  }

  @Test
  void theCheckPageAnswersAtItsFolderWithoutALogin() {
    ResponseEntity<String> page = http.getForEntity("/verifikasi/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Verifikasi Surat Rekomendasi", "verifikasi.js");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'self'");
    assertThat(http.getForEntity("/verifikasi/verifikasi.js", String.class).getBody())
        .contains("/api/public/letters/");
  }

  /** The koordinator who approves: a user of the koordinator group with a name of their own. */
  private void approveAs(String user, String number) {
    if (identityService.createUserQuery().userId(user).count() == 0) {
      User signer = identityService.newUser(user);
      signer.setFirstName("Dewi");
      signer.setLastName("Kartika Sari");
      signer.setPassword(SIGNER_PASSWORD);
      identityService.saveUser(signer);
      identityService.createMembership(user, "koordinator");
      identityService.createTenantUserMembership("3273021006", user); // Lebak Siliwangi's
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, SIGNER_PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = http.exchange("/engine-rest/task/" + api.task(number, "task_decideService").getId()
        + "/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of("variables",
            Map.of("caseDecision", Map.of("value", "APPROVE"))), headers), String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** The body of an answer, its chunks joined if it came chunked. */
  static String body(FromAddress.Answer answer) {
    if (!"chunked".equalsIgnoreCase(answer.headers().get("transfer-encoding"))) {
      return answer.body();
    }
    byte[] raw = answer.body().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(raw, at);
      int size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
      if (size == 0) {
        return out.toString(StandardCharsets.UTF_8);
      }
      out.write(raw, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] raw, int from) {
    for (int i = from; i < raw.length - 1; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n') {
        return i;
      }
    }
    throw new IllegalStateException("chunk size line without its end");
  }
}
