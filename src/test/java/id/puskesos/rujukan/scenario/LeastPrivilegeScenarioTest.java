package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.registry.AccessLog;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * Those asked once see only their own part, the engine's own work is the administrator's, and the manager changes
 * nothing: a health worker asked for one opinion reads the open opinion task's data and nothing of the case or its
 * history; nobody but an administrator changes the history cleanup job, job definitions or incidents; the manager
 * cannot comment; the full NIK, KK number and phone reach only the fasilitator at the home visit, and every such read
 * is in the access log.
 */
class LeastPrivilegeScenarioTest extends ScenarioTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the opinion form shows (forms/professional-opinion.form), and the profession asked. */
  private static final List<String> OPINION_TASK_DATA = List.of("referralNumber", "residentName", "nikMasked",
      "address", "needsSummary", "description", "visitFindings", "urgent", "opinionGroup");

  @Autowired
  private HistoryService historyService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private FilterService filterService;
  @Autowired
  private Registry registry;
  @Autowired
  private AccessLog accessLog;

  static Stream<String> everyoneButTheAdministrator() {
    return Stream.of("fo", "fasilitator", "bo", "koordinator", "dinsos", "baznas", "salman", "nakes", "babinsa",
        "analis", "manajer");
  }

  @Test
  void healthWorkerSeesTheOpenOpinionTaskAndNothingOfTheCase() {
    String number = api.openCase("FOOD", "HEALTH");
    askOpinions(number, "nakes");
    Task opinion = api.partnerTask(number, "task_giveOpinion", "nakes");
    String caseInstance = caseInstance(number);
    String phone = resident(number).phone();

    // the open task: what its form shows, nothing more
    JsonNode variables = json(engine("nakes", HttpMethod.GET, "/task/" + opinion.getId() + "/variables"));
    assertThat(names(variables)).containsAll(List.of("residentName", "address", "visitFindings"))
        .isSubsetOf(OPINION_TASK_DATA);
    JsonNode formVariables = json(engine("nakes", HttpMethod.GET, "/task/" + opinion.getId() + "/form-variables"));
    assertThat(names(formVariables)).isSubsetOf(OPINION_TASK_DATA);
    assertThat(variables.toString() + formVariables).doesNotContain(phone);

    // nothing of the case: its instance, its variables, its history
    assertThat(engine("nakes", HttpMethod.GET, "/process-instance/" + caseInstance + "/variables").getStatusCode()
        .is2xxSuccessful()).isFalse();
    for (String path : List.of("/variable-instance?processInstanceIdIn=", "/history/variable-instance?processInstanceId=",
        "/history/detail?processInstanceId=", "/history/task?processInstanceId=",
        "/history/process-instance?processInstanceId=", "/history/activity-instance?processInstanceId=")) {
      assertThat(json(engine("nakes", HttpMethod.GET, path + caseInstance))).as(path).isEmpty();
    }
    // Babinsa, not asked on this case, sees nothing of it at all
    assertThat(json(engine("babinsa", HttpMethod.GET, "/task?processInstanceBusinessKey=" + number))).isEmpty();
    assertThat(json(engine("babinsa", HttpMethod.GET, "/history/task?processInstanceBusinessKey=" + number)))
        .isEmpty();

    // once the opinion is given, the task's data is gone for the health worker too
    assertThat(api.submitForm("nakes", opinion.getId(), "opinion", "Hipertensi, perlu kontrol rutin")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(engine("nakes", HttpMethod.GET, "/task/" + opinion.getId()).getStatusCode().is2xxSuccessful())
        .isFalse();
    assertThat(json(engine("nakes", HttpMethod.GET, "/history/task?taskId=" + opinion.getId()))).isEmpty();
    assertThat(json(engine("nakes", HttpMethod.GET, "/history/variable-instance?processInstanceId="
        + opinion.getProcessInstanceId()))).isEmpty();
    assertThat(json(engine("nakes", HttpMethod.GET, "/history/variable-instance?processInstanceId="
        + caseInstance))).isEmpty();
    // the case went on with the opinion recorded
    assertThat(api.timeline(number, "OPINION_GIVEN")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} cannot change the history cleanup job")
  @MethodSource("everyoneButTheAdministrator")
  void onlyTheAdministratorChangesTheHistoryCleanupJob(String user) {
    List<Job> cleanup = historyService.findHistoryCleanupJobs();
    assertThat(cleanup).as("the nightly cleanup is scheduled").isNotEmpty();
    Job before = cleanup.get(0);
    String job = "/job/" + before.getId();

    // anyone can find the job (Camunda's FindHistoryCleanupJobsCmd checks nothing); changing it is another matter
    assertThat(engine(user, HttpMethod.GET, "/history/cleanup/jobs").getBody()).contains(before.getId());
    assertThat(engine(user, HttpMethod.PUT, job + "/retries", Map.of("retries", 0)).getStatusCode().value())
        .isEqualTo(403);
    assertThat(engine(user, HttpMethod.PUT, job + "/suspended", Map.of("suspended", true)).getStatusCode().value())
        .isEqualTo(403);
    assertThat(engine(user, HttpMethod.PUT, job + "/duedate", Map.of("duedate", "2099-01-01T01:00:00.000+0700"))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(engine(user, HttpMethod.PUT, job + "/priority", Map.of("priority", 99)).getStatusCode().value())
        .isEqualTo(403);
    assertThat(engine(user, HttpMethod.DELETE, job).getStatusCode().value()).isEqualTo(403);
    // nor run it outside its window, or reschedule the cleanup
    ResponseEntity<String> run = engine(user, HttpMethod.POST, job + "/execute");
    assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(403);
    assertThat(engine(user, HttpMethod.POST, "/history/cleanup?immediatelyDue=false").getStatusCode().value())
        .isEqualTo(403);

    Job after = managementService.createJobQuery().jobId(before.getId()).singleResult();
    assertThat(after).as("the job is still there").isNotNull();
    assertThat(after.getRetries()).isEqualTo(before.getRetries());
    assertThat(after.isSuspended()).isEqualTo(before.isSuspended());
    assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
  }

  @Test
  void theAdministratorStillChangesTheHistoryCleanupJob() {
    Job job = historyService.findHistoryCleanupJobs().get(0);
    Date due = job.getDuedate();
    try {
      assertThat(engine("admin", HttpMethod.PUT, "/job/" + job.getId() + "/duedate",
          Map.of("duedate", "2099-01-01T01:00:00.000+0700")).getStatusCode().value()).isEqualTo(204);
      assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getDuedate())
          .isNotEqualTo(due);
    } finally {
      managementService.setJobDuedate(job.getId(), due);
    }
  }

  @Test
  void jobDefinitionsAndIncidentsAreTheAdministratorsOnly() {
    String number = api.openCase("FOOD");
    api.awaitRegistryChecked(number);
    String instance = caseInstance(number);
    String checkRegistry = managementService.createJobDefinitionQuery().processDefinitionKey("referral")
        .activityIdIn("task_checkRegistry").list().get(0).getId();
    Incident incident = runtimeService.createIncident("rujukan-uji", instance, "uji", "insiden uji");
    try {
      // bo and koordinator work every case of the referral process: still not its jobs or incidents
      for (String user : List.of("bo", "koordinator", "manajer", "analis")) {
        assertThat(engine(user, HttpMethod.PUT, "/job-definition/" + checkRegistry + "/suspended",
            Map.of("suspended", true, "includeJobs", false)).getStatusCode().value()).as(user).isEqualTo(403);
        assertThat(engine(user, HttpMethod.PUT, "/job-definition/" + checkRegistry + "/jobPriority",
            Map.of("priority", 99)).getStatusCode().value()).as(user).isEqualTo(403);
        assertThat(engine(user, HttpMethod.PUT, "/job-definition/" + checkRegistry + "/retries",
            Map.of("retries", 0)).getStatusCode().value()).as(user).isEqualTo(403);
        assertThat(engine(user, HttpMethod.PUT, "/incident/" + incident.getId() + "/annotation",
            Map.of("annotation", "sudah ditangani")).getStatusCode().value()).as(user).isEqualTo(403);
        assertThat(engine(user, HttpMethod.DELETE, "/incident/" + incident.getId()).getStatusCode().value())
            .as(user).isEqualTo(403);
      }
      assertThat(managementService.createJobDefinitionQuery().jobDefinitionId(checkRegistry).singleResult()
          .isSuspended()).isFalse();
      assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).singleResult().getAnnotation())
          .isNull();
      assertThat(engine("admin", HttpMethod.PUT, "/incident/" + incident.getId() + "/annotation",
          Map.of("annotation", "sudah ditangani")).getStatusCode().value()).isEqualTo(204);
    } finally {
      // written first against code that let bo do this: leave the shared engine as it was
      managementService.activateJobDefinitionById(checkRegistry);
      managementService.clearOverridingJobPriorityForJobDefinition(checkRegistry);
      if (runtimeService.createIncidentQuery().incidentId(incident.getId()).count() > 0) {
        runtimeService.resolveIncident(incident.getId());
      }
    }
  }

  @Test
  void sharedTasklistFiltersAreTheAdministratorsOnly() {
    String filter = filterService.createFilterQuery().filterName("Semua tugas").singleResult().getId();
    for (String user : List.of("koordinator", "manajer", "fo")) {
      assertThat(engine(user, HttpMethod.PUT, "/filter/" + filter, Map.of("resourceType", "Task", "name",
          "Semua tugas", "query", Map.of())).getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(engine(user, HttpMethod.DELETE, "/filter/" + filter).getStatusCode().value()).as(user)
          .isEqualTo(403);
      assertThat(engine(user, HttpMethod.POST, "/filter/create", Map.of("resourceType", "Task", "name", "Milik saya",
          "query", Map.of())).getStatusCode().value()).as(user).isEqualTo(403);
    }
  }

  @Test
  void managerCannotCommentAndNobodyCommentsOnAnotherCase() {
    // an elderly member's need: Dinas Sosial decides the ATENSI referral (no PKH component in the household)
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    Task decision = api.programTask(number, "task_decideReferral", "ATENSI");
    String other = caseInstance(api.openCase("FOOD"));

    assertThat(engine("manajer", HttpMethod.POST, "/task/" + decision.getId() + "/comment/create",
        Map.of("message", "Mohon dipercepat")).getStatusCode().value()).isEqualTo(403);
    assertThat(engine("manajer", HttpMethod.POST, "/task/" + decision.getId() + "/comment/create",
        Map.of("message", "Mohon dipercepat", "processInstanceId", decision.getProcessInstanceId()))
        .getStatusCode().value()).isEqualTo(403);
    // a partner comments on its own task, but cannot hang the comment on a case it was never sent
    assertThat(engine("dinsos", HttpMethod.POST, "/task/" + decision.getId() + "/comment/create",
        Map.of("message", "Sedang diverifikasi", "processInstanceId", other)).getStatusCode().value())
        .isEqualTo(403);
    assertThat(taskService.getTaskComments(decision.getId())).isEmpty();
    assertThat(taskService.getProcessInstanceComments(other)).isEmpty();
    assertThat(engine("dinsos", HttpMethod.POST, "/task/" + decision.getId() + "/comment/create",
        Map.of("message", "Sedang diverifikasi")).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theFullIdentityReachesOnlyTheFasilitatorAtTheHomeVisitAndEveryReadIsLogged() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    Resident resident = resident(number);
    String caseInstance = caseInstance(number);
    List<String> identity = List.of(resident.nik(), resident.kkNumber(), resident.phone());

    for (String user : List.of("fo", "bo", "koordinator", "manajer")) {
      for (String path : List.of("/task/" + visit.getId() + "/variables", "/task/" + visit.getId() + "/form-variables",
          "/process-instance/" + caseInstance + "/variables", "/variable-instance?processInstanceIdIn=" + caseInstance,
          "/history/variable-instance?processInstanceId=" + caseInstance)) {
        String body = String.valueOf(engine(user, HttpMethod.GET, path).getBody());
        identity.forEach(value -> assertThat(body).as("%s %s", user, path).doesNotContain(value));
      }
    }

    int logged = accessLog.entries(resident.id()).size();
    String form = String.valueOf(engine("fasilitator", HttpMethod.GET, "/task/" + visit.getId() + "/form-variables")
        .getBody());
    identity.forEach(value -> assertThat(form).contains(value));
    engine("fasilitator", HttpMethod.GET, "/task/" + visit.getId() + "/form-variables");
    List<AccessLog.Entry> reads = accessLog.entries(resident.id()).subList(logged,
        accessLog.entries(resident.id()).size());
    assertThat(reads).hasSize(2).allSatisfy(entry -> {
      assertThat(entry.by()).isEqualTo("fasilitator");
      assertThat(entry.purpose()).isEqualTo(AccessLog.Purpose.TASK_FORM);
      assertThat(entry.detail()).contains("task_homeVisit");
    });
  }

  @Test
  void dinasSosialReadsTheIdentityItFilesTheDtksProposalUnderAndNobodyElseDoes() {
    String number = api.openCase("FOOD");
    api.verifyInField(number, "NOT_LISTED");
    Task proposal = api.partnerTask(number, "task_submitDtksProposal", "dinsos");
    Resident resident = resident(number);

    for (String user : List.of("fasilitator", "bo", "koordinator", "manajer")) {
      String body = String.valueOf(engine(user, HttpMethod.GET, "/task/" + proposal.getId() + "/form-variables")
          .getBody());
      assertThat(body).as(user).doesNotContain(resident.nik()).doesNotContain(resident.kkNumber());
    }
    int logged = accessLog.entries(resident.id()).size();
    String form = String.valueOf(engine("dinsos", HttpMethod.GET, "/task/" + proposal.getId() + "/form-variables")
        .getBody());
    assertThat(form).contains(resident.nik(), resident.kkNumber()).doesNotContain(resident.phone());
    assertThat(accessLog.entries(resident.id()).subList(logged, accessLog.entries(resident.id()).size()))
        .singleElement().satisfies(entry -> {
          assertThat(entry.by()).isEqualTo("dinsos");
          assertThat(entry.detail()).contains("task_submitDtksProposal", "NIK", "No. KK");
        });
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** The fasilitator's home visit of a fresh case, asking the given professions for their opinion. */
  private void askOpinions(String number, String... groups) {
    api.complete("fasilitator", number, "task_homeVisit", "visitDate", CaseApi.today().toString(),
        "visitFindings", "Suami sakit, tidak bekerja", "correctedAddress", "Jl. Tamansari Gg. Sukaasih No. 12",
        "correctedRt", "3", "correctedRw", "7", "dtksStatus", "LISTED", "desil", 2, "deceased", false,
        "movedAway", false, "opinionsRequested", List.of(groups), "verificationResult", "VALID");
  }

  private String caseInstance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getId();
  }

  private Resident resident(String number) {
    long id = ((Number) runtimeService.getVariable(caseInstance(number), "residentId")).longValue();
    return registry.get(id);
  }

  private ResponseEntity<String> engine(String user, HttpMethod method, String path) {
    return engine(user, method, path, null);
  }

  private ResponseEntity<String> engine(String user, HttpMethod method, String path, Object body) {
    var headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static JsonNode json(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    try {
      return JSON.readTree(answer.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> names(JsonNode variables) {
    List<String> names = new ArrayList<>();
    variables.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
