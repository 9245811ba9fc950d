package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;

/**
 * Intake through both doors, the API and Tasklist's start form, and what each does with bad input: one set of
 * rules, one numbering, nothing written when the input is refused.
 */
class IntakeScenarioTest extends ScenarioTestSupport {

  @Autowired
  private HistoryService historyService;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void apiRefusesRequestsWithoutValidCredentials() {
    ResponseEntity<String> anonymous = http.exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>(CaseApi.intake("FOOD"), jsonHeaders()), String.class);
    HttpHeaders wrongPassword = jsonHeaders();
    wrongPassword.setBasicAuth("analis", "salah");
    ResponseEntity<String> wrong = http.exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>(CaseApi.intake("FOOD"), wrongPassword), String.class);
    ResponseEntity<String> engineRest = http.getForEntity("/engine-rest/task", String.class);

    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(engineRest.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void invalidIntakeListsEveryProblemAndStartsNothing() {
    Map<String, Object> bad = CaseApi.intake("FOOD", "JETSKI");
    bad.put("nik", "32730145078");
    bad.put("birthDate", LocalDate.now(RujukanApplication.ZONE).plusDays(3).toString());
    bad.put("sex", "X");
    bad.put("rt", "1234");
    bad.put("phone", "12345");
    bad.put("channel", "TELEGRAM");
    bad.put("fullName", " ");
    long referrals = referralRows();
    long instances = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<JsonNode> refused = api.submitIntake("fo", bad);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("nik", "fullName", "birthDate", "sex", "rt",
        "phone", "channel", "needs");
    assertThat(refused.getBody().toString()).contains("NIK harus 16 digit angka", "Nama lengkap wajib diisi",
        "Tanggal lahir (", "tidak boleh di masa depan; hari ini", "Kebutuhan tidak dikenal");
    assertThat(referralRows()).isEqualTo(referrals);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void malformedOrMistypedBodiesAreRefusedClearly() {
    ResponseEntity<JsonNode> notJson = raw("{\"nik\": ", MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> wrongType = raw("{\"urgent\": \"ya\", \"needs\": [\"FOOD\"]}", MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> notAList = raw("{\"needs\": \"FOOD\"}", MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> form = raw("nik=1", MediaType.APPLICATION_FORM_URLENCODED);

    assertThat(notJson.getStatusCode().value()).isEqualTo(400);
    assertThat(notJson.getBody().get("message").asText()).isEqualTo("Badan permintaan bukan JSON yang valid");
    assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(wrongType.getBody())).containsExactly("urgent");
    assertThat(wrongType.getBody().toString()).contains("true atau false");
    assertThat(notAList.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(notAList.getBody())).containsExactly("needs");
    assertThat(form.getStatusCode().value()).isEqualTo(415);
  }

  @Test
  void tasklistStartFormRegistersThroughTheSameIntake() {
    Map<String, Object> intake = CaseApi.intake("FOOD");

    ResponseEntity<JsonNode> started = api.submitStartForm("fo", "referral", CaseApi.startForm(intake));

    assertThat(started.getStatusCode().value()).isEqualTo(200);
    String instanceId = started.getBody().get("id").asText();
    String number = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();
    assertThat(number).matches("RJK-3273021006-\\d{4}-\\d{6}");
    api.awaitRegistryChecked(number); // after the intake's save point
    JsonNode view = api.view(number);
    assertThat(view.get("stage").asText()).isEqualTo("VERIFICATION");
    assertThat(view.get("timeline").get(0).get("actor").asText()).isEqualTo("fo");
    Map<String, Object> variables = runtimeService.getVariables(instanceId);
    assertThat(variables).containsEntry("referralNumber", number).containsEntry("residentName", "Siti Aminah")
        .doesNotContainKeys("kkNumber", "birthDate", "phone", "fullName", "sex", "rt", "rw", "kelurahan");
    assertThat(variables.get("address").toString()).isEqualTo(
        "Jl. Tamansari Gg. Sukaasih No. 12, RT 003/RW 007, Lebak Siliwangi");
  }

  @Test
  void tasklistStartFormForAResidentWithAnOpenCaseMergesIntoIt() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    intake.put("needs", List.of("HOUSING"));

    ResponseEntity<JsonNode> started = api.submitStartForm("fo", "referral", CaseApi.startForm(intake));

    String instanceId = started.getBody().get("id").asText();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo("end_mergedIntoOpenCase");
    assertThat(CaseApi.texts(api.view(number).get("needs"))).containsExactly("FOOD", "HOUSING");
  }

  @Test
  void tasklistStartFormWithBadDataFailsWithTheReasonAndRegistersNothing() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("rt", "abc");
    intake.put("birthDate", "1985-13-45");
    long referrals = referralRows();

    ResponseEntity<JsonNode> refused = api.submitStartForm("fo", "referral", CaseApi.startForm(intake));

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody().get("message").asText())
        .contains("RT harus 1 sampai 3 digit angka", "Tanggal lahir harus berformat TTTT-BB-HH");
    assertThat(referralRows()).isEqualTo(referrals);
  }

  @Test
  void sameNewResidentSubmittedFourTimesAtOnceOpensOneCase() throws Exception {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(pool.submit(() -> api.submitIntake("fo", intake)));
    }
    List<Integer> statuses = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (Future<ResponseEntity<JsonNode>> answer : answers) {
      statuses.add(answer.get().getStatusCode().value());
      numbers.add(answer.get().getBody().get("referralNumber").asText());
    }
    pool.shutdown();

    assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
    assertThat(numbers).containsOnly(numbers.get(0));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(numbers.get(0)).count())
        .isOne();
  }

  @Test
  void numbersAreSequentialWithinTheYear() {
    String first = api.openCase("FOOD");
    String second = api.openCase("FOOD");

    int serial = first.lastIndexOf('-') + 1;
    assertThat(second.substring(0, serial)).isEqualTo(first.substring(0, serial));
    assertThat(Long.parseLong(second.substring(serial))).isEqualTo(Long.parseLong(first.substring(serial)) + 1);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** The intake form's fields as Tasklist submits them: a checklist as a JSON list, the rest as typed values. */
  private ResponseEntity<JsonNode> raw(String body, MediaType type) {
    HttpHeaders headers = CaseApi.headers("fo");
    headers.setContentType(type);
    return http.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long referralRows() {
    return jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single();
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static List<String> fields(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields.stream().distinct().toList();
  }
}
