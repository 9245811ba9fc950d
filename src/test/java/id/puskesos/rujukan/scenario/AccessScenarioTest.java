package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each organisation sees only its own work, through Camunda's REST API (what Tasklist uses) and the domain API. One
 * case goes to all three partners; for every ordered pair of partners, a user of one cannot list, read, claim or
 * complete the other's task, read its process variables or its history, or see its programs through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessScenarioTest extends ScenarioTestSupport {

  /** Partner user (named as its group) and a program of its own the shared case went to. */
  private static final Map<String, String> PROGRAM_OF = Map.of("dinsos", "ATENSI", "baznas", "BAZNAS_SEHAT",
      "salman", "SALMAN_SEMBAKO");

  private String shared;

  @BeforeAll
  void caseSentToEveryPartner() {
    CaseApi setup = new CaseApi(http, taskService);
    shared = setup.openCase("FOOD", "HEALTH", "ELDERLY");
    setup.verifyValid(shared);
    setup.assessEligible(shared, true, true, "FOOD", "HEALTH", "ELDERLY");
    // routing chooses one program per need (BPNT proposed for food, Bandung Sehat for health, Dinsos's ATENSI for the
    // elderly member); the back office adds Salman's
    assertThat(setup.post("bo", "/api/referrals/" + shared + "/programs", Map.of("programCode", "SALMAN_SEMBAKO",
        "need", "FOOD", "reason", "Warga butuh paket pangan segera")).getStatusCode().value())
        .isEqualTo(200);
    PROGRAM_OF.forEach((user, program) -> setup.programTask(shared, "task_decideReferral", program));
  }

  static Stream<Arguments> partnerPairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (String user : PROGRAM_OF.keySet()) {
      for (String other : PROGRAM_OF.keySet()) {
        if (!user.equals(other)) {
          pairs.add(Arguments.of(user, other));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} cannot touch the work of {1}")
  @MethodSource("partnerPairs")
  void partnerCannotSeeOrTouchAnotherPartnersWork(String user, String other) {
    Task theirs = api.programTask(shared, "task_decideReferral", PROGRAM_OF.get(other));
    Task mine = api.programTask(shared, "task_decideReferral", PROGRAM_OF.get(user));

    JsonNode listed = engine(user, HttpMethod.GET, "/task?processInstanceBusinessKey=" + shared).getBody();
    assertThat(ids(listed)).contains(mine.getId()).doesNotContain(theirs.getId());
    assertThat(engine(user, HttpMethod.GET, "/task/" + theirs.getId()).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(engine(user, HttpMethod.GET, "/task/" + theirs.getId() + "/variables").getStatusCode()
        .is2xxSuccessful()).isFalse();
    assertThat(engine(user, HttpMethod.POST, "/task/" + theirs.getId() + "/claim", Map.of("userId", user))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(api.submitForm(user, theirs.getId(), "decision", "REJECT", "rejectionCode", "OTHER",
        "rejectionReason", "bukan mitra ini").getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(theirs.getId()).singleResult().getAssignee()).isNull();

    String theirInstance = theirs.getProcessInstanceId();
    assertThat(engine(user, HttpMethod.GET, "/process-instance/" + theirInstance + "/variables").getStatusCode()
        .value()).isEqualTo(403);
    assertThat(engine(user, HttpMethod.GET, "/history/process-instance?processInstanceId=" + theirInstance)
        .getBody()).isEmpty();
    assertThat(engine(user, HttpMethod.GET, "/history/variable-instance?processInstanceId=" + theirInstance)
        .getBody()).isEmpty();
    assertThat(engine(user, HttpMethod.GET, "/history/process-instance?processInstanceId="
        + mine.getProcessInstanceId()).getBody()).hasSize(1);

    JsonNode view = api.get(user, "/api/referrals/" + shared).getBody();
    assertThat(view.get("programs").toString()).contains(PROGRAM_OF.get(user))
        .doesNotContain(PROGRAM_OF.get(other));
    assertThat(view.get("timeline")).isEmpty();
    assertThat(view.toString()).doesNotContain(theirs.getId());
  }

  @ParameterizedTest(name = "{0} cannot read a case sent only to {1}")
  @MethodSource("partnerPairs")
  void caseNeverSentToAPartnerDoesNotExistForIt(String user, String other) {
    String number = onlyFor(other);

    assertThat(api.get(user, "/api/referrals/" + number).getStatusCode().value()).isEqualTo(404);
    assertThat(api.get(other, "/api/referrals/" + number).getStatusCode().value()).isEqualTo(200);
    assertThat(engine(user, HttpMethod.GET, "/process-instance?businessKey=" + number).getBody()).isEmpty();
    assertThat(engine(user, HttpMethod.GET, "/task?processInstanceBusinessKey=" + number).getBody()).isEmpty();
  }

  @Test
  void partnerCannotReadTheCaseProcessWithTheFullNik() {
    String parent = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(shared)
        .processDefinitionKey("referral").singleResult().getId();

    for (String user : PROGRAM_OF.keySet()) {
      assertThat(engine(user, HttpMethod.GET, "/process-instance/" + parent + "/variables").getStatusCode().value())
          .as(user).isEqualTo(403);
      assertThat(engine(user, HttpMethod.GET, "/history/variable-instance?processInstanceId=" + parent).getBody())
          .as(user).isEmpty();
    }
    assertThat(engine("bo", HttpMethod.GET, "/process-instance/" + parent + "/variables").getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void managerReadsEveryCaseButChangesNothing() {
    Task task = api.programTask(shared, "task_decideReferral", "ATENSI");

    // one decision task per partner's program, and the registry's review tasks of the resident, if any
    assertThat(ids(engine("manajer", HttpMethod.GET, "/task?processInstanceBusinessKey=" + shared).getBody()))
        .hasSizeGreaterThanOrEqualTo(PROGRAM_OF.size());
    assertThat(api.get("manajer", "/api/referrals/" + shared).getBody().get("timeline")).isNotEmpty();
    assertThat(engine("manajer", HttpMethod.POST, "/task/" + task.getId() + "/claim", Map.of("userId", "manajer"))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(api.submitForm("manajer", task.getId(), "decision", "ACCEPT").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void analystReadsModelsButNoCase() {
    assertThat(engine("analis", HttpMethod.GET, "/deployment").getStatusCode().value()).isEqualTo(200);
    assertThat(engine("analis", HttpMethod.GET, "/decision-definition?key=program-eligibility").getBody()).isNotEmpty();
    assertThat(engine("analis", HttpMethod.GET, "/process-instance?businessKey=" + shared).getBody()).isEmpty();
    assertThat(engine("analis", HttpMethod.GET, "/task?processInstanceBusinessKey=" + shared).getBody()).isEmpty();
    assertThat(engine("analis", HttpMethod.GET, "/history/variable-instance?processInstanceBusinessKey=" + shared)
        .getBody()).isEmpty();
    assertThat(api.get("analis", "/api/referrals/" + shared).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void withoutCredentialsBothApisAnswer401() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.getForEntity("/api/referrals/" + shared, String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void onlyPuskesosStaffOpenOrWithdrawCases() {
    assertThat(api.submitIntake("baznas", CaseApi.intake("FOOD")).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("manajer", "/api/referrals/" + shared + "/withdrawal", Map.of("reason", "x"))
        .getStatusCode().value()).isEqualTo(403);
  }

  /** A case only the partner's program received (the coordinator routed it by hand). */
  private String onlyFor(String partnerUser) {
    String number = api.openCase(CaseApi.NOTHING_FITS);
    api.verifyValid(number);
    api.assessEligibleOnly(number, true, true, CaseApi.NOTHING_FITS);
    api.recommendByHand(number, switch (partnerUser) {
      case "dinsos" -> "ATENSI";
      case "baznas" -> "BAZNAS_PEDULI";
      default -> "SALMAN_YATIM";
    });
    return number;
  }

  private ResponseEntity<JsonNode> engine(String user, HttpMethod method, String path) {
    return engine(user, method, path, null);
  }

  private ResponseEntity<JsonNode> engine(String user, HttpMethod method, String path, Object body) {
    var headers = CaseApi.headers(user);
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }
}
