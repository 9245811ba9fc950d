package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.SignedIn;
import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;

/**
 * Commands carry their own authority. A command on a case (a partner's decision and handover, the back office's
 * answer and review, the koordinator's confirmation, check and routing, the follow-up, a withdrawal) acts on the case
 * of its process instance and the program the application recorded for it, whatever the user submits; a form
 * submission may set only the keys its form declares (400 otherwise, nothing written); the user must belong to the
 * group the command is for (403 otherwise, the task stays); nobody but an administrator sets variables directly.
 * Over real HTTP, as Tasklist submits forms, and through the engine's Java API where the form check is bypassed.
 */
class CommandAuthorityScenarioTest extends ScenarioTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private IdentityService identityService;
  @Autowired
  private AuthorizationService authorizationService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private Budgets budgets;
  @Autowired
  private ProgramCatalogue catalogue;

  // ---- dinsos's forged program -------------------------------------------------------------------------------

  @Test
  void dinsosCannotDecideBaznasProgramByAddingItsCodeToItsOwnDecision() {
    String number = caseForDinsosAndBaznas();
    Task atensi = api.programTask(number, "task_decideReferral", "ATENSI");

    ResponseEntity<String> forged = api.submitForm("dinsos", atensi.getId(), "decision", "REJECT",
        "rejectionCode", "NOT_ELIGIBLE", "programCode", "BAZNAS_KONSUMTIF");

    assertRefusedKeys(forged, "programCode");
    assertThat(taskService.createTaskQuery().taskId(atensi.getId()).count()).as("the task stays").isEqualTo(1);
    assertThat(status(number, "BAZNAS_KONSUMTIF")).isEqualTo("REFERRED");
    assertThat(status(number, "ATENSI")).isEqualTo("REFERRED");
  }

  @Test
  void aForgedProgramThatGetsPastTheFormCheckStillDecidesOnlyTheTasksOwnProgram() {
    String number = caseForDinsosAndBaznas();
    Task atensi = api.programTask(number, "task_decideReferral", "ATENSI");

    // the engine's Java API knows nothing of forms: the delegate alone must hold
    completeAs("dinsos", atensi.getId(), "decision", "REJECT", "rejectionCode", "NOT_ELIGIBLE",
        "programCode", "BAZNAS_KONSUMTIF");

    assertThat(status(number, "BAZNAS_KONSUMTIF")).isEqualTo("REFERRED");
    assertThat(api.program(number, "BAZNAS_KONSUMTIF").get("decidedBy").isNull()).isTrue();
    assertThat(status(number, "ATENSI")).isEqualTo("REJECTED");
    assertThat(api.program(number, "ATENSI").get("decidedBy").asText()).isEqualTo("dinsos");
    assertThat(api.programTask(number, "task_decideReferral", "BAZNAS_KONSUMTIF")).isNotNull();
  }

  // ---- baznas's forged case ----------------------------------------------------------------------------------

  @Test
  void baznasCannotRejectAnotherCasesProgramByNamingItsNumber() {
    String mine = caseForDinsosAndBaznas();
    String other = caseForDinsosAndSalman();
    Task sehat = api.programTask(mine, "task_decideReferral", "BAZNAS_SEHAT");

    ResponseEntity<String> forged = api.submitForm("baznas", sehat.getId(), "decision", "REJECT",
        "rejectionCode", "NOT_ELIGIBLE", "referralNumber", other, "programCode", "SALMAN_SEMBAKO");

    assertRefusedKeys(forged, "programCode", "referralNumber");
    assertThat(taskService.createTaskQuery().taskId(sehat.getId()).count()).isEqualTo(1);
    assertThat(status(other, "SALMAN_SEMBAKO")).isEqualTo("REFERRED");
    assertThat(api.timeline(other, "PARTNER_REJECTED")).isEmpty();
    assertThat(status(mine, "BAZNAS_SEHAT")).isEqualTo("REFERRED");
  }

  @Test
  void aForgedCaseThatGetsPastTheFormCheckStillDecidesOnlyTheTasksOwnCase() {
    String mine = caseForDinsosAndBaznas();
    String other = caseForDinsosAndSalman();
    Task sehat = api.programTask(mine, "task_decideReferral", "BAZNAS_SEHAT");

    completeAs("baznas", sehat.getId(), "decision", "REJECT", "rejectionCode", "NOT_ELIGIBLE",
        "referralNumber", other, "programCode", "SALMAN_SEMBAKO");

    assertThat(status(other, "SALMAN_SEMBAKO")).isEqualTo("REFERRED");
    assertThat(api.timeline(other, "PARTNER_REJECTED")).isEmpty();
    assertThat(status(mine, "BAZNAS_SEHAT")).isEqualTo("REJECTED");
    assertThat(api.program(mine, "BAZNAS_SEHAT").get("decidedBy").asText()).isEqualTo("baznas");
  }

  // ---- the user must belong to the group the command is for --------------------------------------------------

  @Test
  void aPartnerGrantedAnotherPartnersTaskCannotDecideOrHandOverForIt() {
    String number = caseForDinsosAndBaznas();
    Task atensi = api.programTask(number, "task_decideReferral", "ATENSI");
    grantTask("salman", atensi.getId());

    ResponseEntity<String> decided = api.submitForm("salman", atensi.getId(), "decision", "REJECT",
        "rejectionCode", "NOT_ELIGIBLE");

    assertForbidden(decided, "Dinas Sosial");
    assertThat(taskService.createTaskQuery().taskId(atensi.getId()).count()).as("the task stays").isEqualTo(1);
    assertThat(status(number, "ATENSI")).isEqualTo("REFERRED");

    // and the handover, once dinsos accepted
    api.partnerDecides(number, "ATENSI", "dinsos", "decision", "ACCEPT");
    Task handover = api.programTask(number, "task_distributeAid", "ATENSI");
    grantTask("baznas", handover.getId());
    ResponseEntity<String> handedOver = api.submitForm("baznas", handover.getId(), "distributionDate",
        CaseApi.today().toString(), "aidAmount", 200000, "distributionPlace", "Kantor Puskesos",
        "handedOverBy", "Petugas", "proofReference", "BA-1", "receiptConfirmed", true, "finalHandover", true);

    assertForbidden(handedOver, "Dinas Sosial");
    assertThat(taskService.createTaskQuery().taskId(handover.getId()).count()).isEqualTo(1);
    assertThat(status(number, "ATENSI")).isEqualTo("ACCEPTED");
  }

  @Test
  void aPuskesosUserGrantedAnotherRolesTaskCannotCompleteIt() {
    String number = caseForDinsosAndBaznas();
    api.partnerDecides(number, "ATENSI", "dinsos", "decision", "REQUEST_INFO", "infoRequest", "Berapa anak?");
    Task info = api.programTask(number, "task_provideInformation", "ATENSI");
    grantTask("fasilitator", info.getId());

    ResponseEntity<String> answered = api.submitForm("fasilitator", info.getId(), "infoResponse", "Dua anak");

    assertForbidden(answered, "back office");
    assertThat(taskService.createTaskQuery().taskId(info.getId()).count()).isEqualTo(1);
    assertThat(status(number, "ATENSI")).isEqualTo("INFO_REQUESTED");
  }

  // ---- every command takes only its form's keys --------------------------------------------------------------

  @Test
  void everyCommandOfACaseRefusesKeysItsFormDoesNotDeclareAndTakesItsOwn() {
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");

    refusedThenDone("dinsos", number, "task_decideReferral", List.of("programCode"),
        List.of("decision", "REQUEST_INFO", "infoRequest", "Berapa anggota keluarga?"), "programCode", "PKH");
    refusedThenDone("bo", number, "task_provideInformation", List.of("referralNumber"),
        List.of("infoResponse", "Dua orang dewasa"), "referralNumber", "RJK-2000-000001");
    refusedThenDone("dinsos", number, "task_decideReferral", List.of("budgetReserved", "partnerGroup"),
        List.of("decision", "ACCEPT"), "budgetReserved", true, "partnerGroup", "baznas");
    refusedThenDone("dinsos", number, "task_distributeAid", List.of("distributionComplete"),
        List.of("distributionDate", CaseApi.today().toString(), "aidAmount", 200000, "distributionPlace",
            "Kantor Puskesos", "handedOverBy", "Petugas Dinsos", "proofReference", "BA-2", "receiptConfirmed", true,
            "finalHandover", true), "distributionComplete", true);
    refusedThenDone("fasilitator", number, "task_followUp", List.of("followUpResult"),
        List.of("residentReached", "YES", "aidReceived", "NO", "aidHelped", "NO", "satisfaction", "1",
            "followUpNotes", "Belum diterima"), "followUpResult", "CLOSE");
    refusedThenDone("koordinator", number, "task_checkDiscrepancy", List.of("programs", "redistribute"),
        List.of("discrepancyResolution", "RECEIVED", "discrepancyNote", "Tanda terima ada"),
        "redistribute", true, "programs", List.of("BAZNAS_SEHAT"));

    JsonNode closed = api.view(number);
    assertThat(closed.get("outcome").asText()).isEqualTo("FACILITATED");
    assertThat(closed.get("programs")).extracting(p -> p.get("code").asText()).containsExactly("ATENSI");
  }

  @Test
  void routingByHandAndStartFormsRefuseKeysTheirFormsDoNotDeclare() {
    String number = api.caseNothingFits(false);
    Task route = api.task(number, "task_prepareRecommendation");
    assertRefusedKeys(api.submitForm("bo", route.getId(), "recommendation", "REFER", "addedPrograms",
        List.of("BAZNAS_PEDULI"), "recommendationReason", "Utang", "programs", List.of("ATENSI")), "programs");
    assertRefusedKeys(api.submitForm("bo", route.getId(), "recommendation", "REFER", "caseRoute", "PARTNERS"),
        "caseRoute");
    assertThat(taskService.createTaskQuery().taskId(route.getId()).count()).isEqualTo(1);

    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("referralNumber", number);
    ResponseEntity<JsonNode> started = api.submitStartForm("fo", "referral", CaseApi.startForm(intake));
    assertThat(started.getStatusCode().value()).isEqualTo(400);
    assertThat(started.getBody().get("message").asText()).contains("referralNumber");

    ResponseEntity<JsonNode> withdrawn = api.submitStartForm("fo", "referral-withdrawal", "referralNumber", number,
        "withdrawalReason", "Pindah", "closingOutcome", "FACILITATED");
    assertThat(withdrawn.getStatusCode().value()).isEqualTo(400);
    assertThat(withdrawn.getBody().get("message").asText()).contains("closingOutcome");
    ResponseEntity<JsonNode> keyed = api.post("fo", "/engine-rest/process-definition/key/referral-withdrawal/start",
        Map.of("businessKey", number, "variables", Map.of("referralNumber", Map.of("value", number),
            "withdrawalReason", Map.of("value", "Pindah"))));
    assertThat(keyed.getStatusCode().value()).isEqualTo(400);
    assertThat(keyed.getBody().get("message").asText()).contains("businessKey");
    assertThat(api.view(number).get("status").asText()).isEqualTo("OPEN");

    // the form's own keys still start it
    assertThat(api.submitStartForm("fo", "referral-withdrawal", "referralNumber", number, "withdrawalReason",
        "Pindah ke Cimahi").getStatusCode().value()).isEqualTo(200);
    assertThat(api.view(number).get("outcome").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void theBackOfficesRedirectIsTheProgramThePartnerReferralGoesOnWith() {
    String scarce = api.testProgram();
    String other = api.testProgram();
    String period = budgets.currentPeriod(catalogue.program(other));
    assertThat(api.post("dinsos", "/api/programs/" + other + "/budgets/" + period + "/top-ups",
        Map.of("amount", 1000)).getStatusCode().value()).isEqualTo(200);
    String number = api.caseNothingFits(false);
    api.recommendByHand(number, scarce);
    api.partnerDecides(number, scarce, "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    String partnerReferral = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("partner-referral").singleResult().getId();
    Job timer = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> managementService
        .createJobQuery().processInstanceId(partnerReferral).timers().activityId("timer_waitLimit").singleResult(),
        j -> j != null);
    managementService.setJobDuedate(timer.getId(), new java.util.Date());
    Task review = api.programTask(number, "task_reviewWaiting", scarce);

    assertRefusedKeys(api.submitForm("bo", review.getId(), "waitingAction", "REDIRECT", "redirectProgram", other,
        "programCode", "ATENSI"), "programCode");
    api.completeProgramTask("bo", number, "task_reviewWaiting", scarce, "waitingAction", "REDIRECT",
        "redirectProgram", other, "waitingNote", "Anggaran belum ada");

    // the partner referral goes on with the program the review chose, and decides on it
    api.partnerDecides(number, other, "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    assertThat(status(number, other)).isEqualTo("ACCEPTED");
    assertThat(status(number, scarce)).isEqualTo("CANCELLED");
  }

  // ---- variables are set through forms only -------------------------------------------------------------------

  @Test
  void nobodyButAnAdministratorSetsVariablesOrMovesACaseDirectly() {
    String number = caseForDinsosAndBaznas();
    Task atensi = api.programTask(number, "task_decideReferral", "ATENSI");
    String instance = atensi.getProcessInstanceId();
    Map<String, Object> forged = Map.of("value", "BAZNAS_KONSUMTIF");

    assertThat(engine("dinsos", HttpMethod.PUT, "/task/" + atensi.getId() + "/variables/programCode", forged))
        .isEqualTo(403);
    assertThat(engine("dinsos", HttpMethod.PUT, "/task/" + atensi.getId() + "/localVariables/programCode", forged))
        .isEqualTo(403);
    assertThat(engine("dinsos", HttpMethod.POST, "/task/" + atensi.getId() + "/variables",
        Map.of("modifications", Map.of("programCode", forged)))).isEqualTo(403);
    assertThat(engine("bo", HttpMethod.POST, "/process-instance/" + instance + "/variables",
        Map.of("modifications", Map.of("programCode", forged)))).isEqualTo(403);
    assertThat(engine("bo", HttpMethod.PUT, "/process-instance/" + instance + "/variables/programCode", forged))
        .isEqualTo(403);
    assertThat(engine("bo", HttpMethod.DELETE, "/process-instance/" + instance + "/variables/programCode", null))
        .isEqualTo(403);
    assertThat(engine("bo", HttpMethod.PUT, "/execution/" + instance + "/localVariables/programCode", forged))
        .isEqualTo(403);
    assertThat(engine("bo", HttpMethod.POST, "/process-instance/" + instance + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "task_distributeAid"))))
    ).isEqualTo(403);
    assertThat(engine("fo", HttpMethod.POST, "/message", Map.of("messageName", "msg_budgetReserved",
        "businessKey", number, "processVariables", Map.of("programCode", forged)))).isEqualTo(403);
    // nor does a national decision come in but through the decision list's import
    assertThat(engine("dinsos", HttpMethod.POST, "/message", Map.of("messageName", "msg_proposalDecided",
        "businessKey", number))).isEqualTo(403);
    assertThat(engine("dinsos", HttpMethod.POST, "/task/" + atensi.getId() + "/bpmnError",
        Map.of("errorCode", "DECISION_TIMED_OUT"))).isEqualTo(403);
    assertThat(runtimeService.getVariable(instance, "programCode")).isEqualTo("ATENSI");
    assertThat(status(number, "ATENSI")).isEqualTo("REFERRED");

    // the administrator still administers
    assertThat(engine("admin", HttpMethod.PUT, "/process-instance/" + instance + "/variables/adminNote",
        Map.of("value", "diperiksa"))).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, "adminNote")).isEqualTo("diperiksa");
  }

  @Test
  void tasklistsOwnApiTakesTheFormsKeysAndRefusesOthers() throws Exception {
    String number = caseForDinsosAndBaznas();
    Task atensi = api.programTask(number, "task_decideReferral", "ATENSI");
    Tasklist tasklist = new Tasklist("dinsos");
    String task = "/camunda/api/engine/engine/default/task/" + atensi.getId();

    assertThat(tasklist.get(task + "/form-variables").statusCode()).isEqualTo(200);
    HttpResponse<String> forged = tasklist.post(task + "/submit-form", Map.of("variables", Map.of(
        "decision", Map.of("value", "REJECT"), "rejectionCode", Map.of("value", "NOT_ELIGIBLE"),
        "programCode", Map.of("value", "BAZNAS_KONSUMTIF"))));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(JSON.readTree(forged.body()).get("message").asText()).contains("programCode");
    assertThat(tasklist.put(task + "/variables/programCode", Map.of("value", "BAZNAS_KONSUMTIF")).statusCode())
        .isEqualTo(403);
    assertThat(status(number, "BAZNAS_KONSUMTIF")).isEqualTo("REFERRED");

    HttpResponse<String> submitted = tasklist.post(task + "/submit-form", Map.of("variables", Map.of(
        "decision", Map.of("value", "REJECT"), "rejectionCode", Map.of("value", "NOT_ELIGIBLE"))));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(status(number, "ATENSI")).isEqualTo("REJECTED");
    assertThat(status(number, "BAZNAS_KONSUMTIF")).isEqualTo("REFERRED");
  }

  @Test
  void withoutCredentialsAForgedSubmissionIsStill401() {
    String number = caseForDinsosAndBaznas();
    Task atensi = api.programTask(number, "task_decideReferral", "ATENSI");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> answer = http.exchange("/engine-rest/task/" + atensi.getId() + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("programCode", Map.of("value", "PKH"))),
            headers), String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(401);
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  /**
   * A food and health case: routing sends BPNT (Dinsos) for food and Bandung Sehat (BAZNAS) for health; the back
   * office adds BAZNAS's consumptive aid by hand.
   */
  private String caseForDinsosAndBaznas() {
    // the elderly member's need goes to Dinsos's ATENSI, health to BAZNAS's Bandung Sehat
    String number = api.openCase("ELDERLY", "HEALTH");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "ELDERLY", "HEALTH");
    addProgram(number, "BAZNAS_KONSUMTIF");
    api.programTask(number, "task_decideReferral", "ATENSI");
    api.programTask(number, "task_decideReferral", "BAZNAS_SEHAT");
    api.programTask(number, "task_decideReferral", "BAZNAS_KONSUMTIF");
    return number;
  }

  /** A food case never sent to BAZNAS: BPNT (Dinsos) and, added by hand, Salman's food package. */
  private String caseForDinsosAndSalman() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, false, true, "FOOD");
    addProgram(number, "SALMAN_SEMBAKO");
    api.programTask(number, "task_decideReferral", "SALMAN_SEMBAKO");
    return number;
  }

  private void addProgram(String number, String program) {
    ResponseEntity<JsonNode> added = api.post("bo", "/api/referrals/" + number + "/programs", Map.of(
        "programCode", program, "need", "FOOD", "reason", "Warga butuh bantuan pangan segera"));
    assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
  }

  /**
   * The case's open task at the element: refused with the forged keys added to the form's own answers (400 naming
   * them, the task stays, the case's timeline unchanged), then completed with the form's own answers.
   */
  private void refusedThenDone(String user, String number, String element, List<String> forgedKeys,
      List<Object> answers, Object... forged) {
    Task task = api.task(number, element);
    int events = api.view(number).get("timeline").size();
    Object[] all = new Object[answers.size() + forged.length];
    answers.toArray(all);
    System.arraycopy(forged, 0, all, answers.size(), forged.length);

    assertRefusedKeys(api.submitForm(user, task.getId(), all), forgedKeys.toArray(String[]::new));
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(element + " stays").isEqualTo(1);
    assertThat(api.view(number).get("timeline").size()).as("nothing written").isEqualTo(events);

    ResponseEntity<String> done = api.submitForm(user, task.getId(), answers.toArray());
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }

  private static void assertRefusedKeys(ResponseEntity<String> answer, String... keys) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    JsonNode body = read(answer.getBody());
    assertThat(body.get("type").asText()).isEqualTo("InvalidInputException");
    assertThat(body.get("message").asText()).contains(keys);
    assertThat(body.get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder(keys);
  }

  private static void assertForbidden(ResponseEntity<String> answer, String who) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
    JsonNode body = read(answer.getBody());
    assertThat(body.get("type").asText()).isEqualTo("ForbiddenException");
    assertThat(body.get("message").asText()).contains(who);
  }

  private String status(String number, String program) {
    return api.program(number, program).get("status").asText();
  }

  /** Completes the task through the engine's Java API as the user: no HTTP, no form check. */
  private void completeAs(String user, String taskId, Object... pairs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put((String) pairs[i], pairs[i + 1]);
    }
    SignedIn.as(identityService, user, List.of(user));
    try {
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A grant the user should not have: reading and working on one task of another group. */
  private void grantTask(String user, String taskId) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(user);
    grant.setResource(Resources.TASK);
    grant.setResourceId(taskId);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.UPDATE);
    authorizationService.saveAuthorization(grant);
  }

  private int engine(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class)
        .getStatusCode().value();
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /** Tasklist's own session: signed in on the login page, its CSRF token sent with every change. */
  private final class Tasklist {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String csrf;

    Tasklist(String user) throws Exception {
      get("/camunda/app/tasklist/default/");
      HttpResponse<String> login = send(HttpRequest.newBuilder(
          uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo")));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      get("/camunda/api/admin/auth/user/default");
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpResponse<String> put(String path, Object body) throws Exception {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (csrf != null) {
        request.header("X-XSRF-TOKEN", csrf);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
      return response;
    }

    private URI uri(String path) {
      return URI.create(http.getRootUri() + path);
    }
  }
}
