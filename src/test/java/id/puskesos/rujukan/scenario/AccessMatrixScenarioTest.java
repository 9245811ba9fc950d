package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;
import id.puskesos.rujukan.scenario.WebappSession.Answer;

/**
 * Every role, every action, every surface: each role tries to list, read, read the variables of, claim, complete,
 * set variables on, read the history of and comment on a task and an instance of a case that is not theirs, over
 * Camunda's REST API ({@code /engine-rest}, HTTP Basic), the webapps' API ({@code /camunda/api/engine/...}, a
 * Tasklist session with its CSRF token, as Tasklist and Cockpit call it) and the domain API ({@code /api}); the test
 * asserts that none of it succeeds. A read succeeds when it returns the data (a 2xx with the task, the instance, a
 * non-empty list or variables), a change when it answers 2xx or the engine's state changed (assignee, task gone,
 * variable set, comment added). Refusals must be refusals: no attempt may answer 401 (the credentials work) or 5xx.
 *
 * <p>What "not theirs" means, per role:
 * <ul>
 * <li><b>dinsos, baznas, salman</b> (partners): a case never sent to their organisation: the other partner's
 * decision task, its partner referral instance and the case's referral instance; through {@code /api} that case, its
 * resident's record, export and consents, another partner's waiting list, and withdrawing the case or adding it a
 * program. Everything about it, reads included.</li>
 * <li><b>nakes, babinsa</b>: anything beyond their own open opinion task: the other profession's opinion task on the
 * same case (and its instance), and the case's referral instance, its variables and its history (their own task's
 * data is theirs while it is open, {@code LeastPrivilegeScenarioTest}); through {@code /api} the case, the resident's
 * record, export and consents, a waiting list, withdrawing or adding a program.</li>
 * <li><b>analis</b>: any case data: a case at the home visit, its task and instance; through {@code /api} the same
 * as a health worker.</li>
 * <li><b>manajer</b>: reads every case by design, so a read is "not theirs" only when it returns the resident's
 * full identity (NIK, KK number, phone of a case at the home visit); any change is not theirs: claim, complete,
 * set variables and comment on a partner's decision task and its instances, withdraw a case, add a program; through
 * {@code /api} also the registry import's rejects and the resident's export.</li>
 * <li><b>fo, bo, koordinator, fasilitator</b> (Puskesos): read every Puskesos case by design, so a read is "not
 * theirs" when it returns a full identity that belongs to another group's form (fo, bo, koordinator: the home
 * visit's NIK, KK and phone, which are the fasilitator's; fasilitator: the NIK and KK of Dinas Sosial's DTKS/DTSEN
 * proposal); changes are not theirs on tasks of other groups' candidate work: a health worker's opinion task and its
 * instance. Through {@code /api}: registry and report data outside their role (fo, fasilitator: a program's waiting
 * list; bo, koordinator: the import's rejects; fasilitator, bo: a resident's export; fo, koordinator, who may
 * export: the record's full identity) and commands outside it (fasilitator: withdrawal; fo, bo: erasure;
 * koordinator: a partner's budget top-up; fo, fasilitator: adding a program; bo, koordinator: editing the
 * catalogue).</li>
 * <li><b>fodago, fasilitatordago, bodago, koordinatordago, manajerdago</b> (the staff of another Puskesos, Dago, a
 * tenant of its own): everything of a Lebak Siliwangi case at the home visit, reads included: its task and
 * instance, and through {@code /api} the case, the search, its resident's record and consents, withdrawing it or
 * adding it a program.</li>
 * </ul>
 * {@code /api} has no claim and no comment; those cells are skipped with that reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixScenarioTest extends ScenarioTestSupport {

  enum Action {
    LIST, READ, VARIABLES, CLAIM, COMPLETE, SET_VARIABLES, HISTORY, COMMENT
  }

  enum Surface {
    ENGINE_REST, WEBAPPS_API, DOMAIN_API
  }

  static final List<String> ROLES = List.of("fo", "fasilitator", "bo", "koordinator", "dinsos", "baznas", "salman",
      "nakes", "babinsa", "analis", "manajer", "fodago", "fasilitatordago", "bodago", "koordinatordago",
      "manajerdago");
  /** The other Puskesos's staff (Dago's, a tenant of its own): nothing of a Lebak Siliwangi case, reads included. */
  private static final List<String> OTHER_PUSKESOS = List.of("fodago", "fasilitatordago", "bodago",
      "koordinatordago", "manajerdago");
  private static final String PROBE = "matrixProbe";
  private static final List<Action> WRITES = List.of(Action.CLAIM, Action.COMPLETE, Action.SET_VARIABLES,
      Action.COMMENT);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A piece of a case: its task, the instances around it, the case, its resident, the identity values to guard. */
  record Target(String name, Task task, List<String> instances, String caseNumber, Resident resident,
      List<String> identity) {
  }

  /** What a role may not read (everything of it, or only the identity) and what it may not change. */
  record NotTheirs(Target reads, boolean onlyIdentity, Target writes) {
  }

  /** One try: what it is, the request, and when it counts as a success. */
  record Attempt(String what, Supplier<Answer> request, Predicate<Answer> succeeded) {
  }

  @Autowired
  private Registry registry;
  @LocalServerPort
  private int port;

  private final Map<String, NotTheirs> notTheirs = new HashMap<>();
  private final Map<String, WebappSession> sessions = new ConcurrentHashMap<>();
  private Target homeVisit;
  private Target dtksProposal;
  private Target atensiDecision;
  private Target baznasDecision;
  private Target nakesOpinion;
  private Target babinsaOpinion;

  @BeforeAll
  void casesNotTheirs() {
    CaseApi setup = new CaseApi(http, taskService);

    String caseH = setup.openCase("FOOD");
    homeVisit = target("home visit", caseH, setup.task(caseH, "task_homeVisit"), true, true);

    String caseD = setup.openCase("FOOD");
    setup.verifyInField(caseD, "NOT_LISTED");
    dtksProposal = target("DTKS/DTSEN proposal", caseD, setup.partnerTask(caseD, "task_submitDtksProposal", "dinsos"),
        true, false);

    String caseP = setup.openCase("ELDERLY");
    setup.verifyValid(caseP);
    setup.assessEligible(caseP, false, false, "ELDERLY");
    atensiDecision = target("Dinsos's ATENSI decision", caseP, setup.programTask(caseP, "task_decideReferral",
        "ATENSI"), false, false);

    String caseQ = setup.openCase(CaseApi.NOTHING_FITS);
    setup.verifyValid(caseQ);
    setup.assessEligibleOnly(caseQ, true, true, CaseApi.NOTHING_FITS);
    setup.recommendByHand(caseQ, "BAZNAS_PEDULI");
    baznasDecision = target("BAZNAS's decision", caseQ, setup.programTask(caseQ, "task_decideReferral",
        "BAZNAS_PEDULI"), false, false);

    String caseN = setup.openCase("FOOD", "HEALTH");
    setup.complete("fasilitator", caseN, "task_homeVisit", "visitDate", CaseApi.today().toString(),
        "visitFindings", "Suami sakit, tidak bekerja", "correctedAddress", "Jl. Tamansari Gg. Sukaasih No. 12",
        "correctedRt", "3", "correctedRw", "7", "dtksStatus", "LISTED", "desil", 2, "deceased", false,
        "movedAway", false, "opinionsRequested", List.of("nakes", "babinsa"), "verificationResult", "VALID");
    nakesOpinion = target("the health worker's opinion", caseN, setup.partnerTask(caseN, "task_giveOpinion", "nakes"),
        true, false);
    babinsaOpinion = target("Babinsa's opinion", caseN, setup.partnerTask(caseN, "task_giveOpinion", "babinsa"),
        true, false);
    // the opinion task alone, with its own instance: what the Puskesos follows but does not work
    Target opinionWork = new Target("the health worker's opinion", nakesOpinion.task(),
        List.of(nakesOpinion.task().getProcessInstanceId()), caseN, nakesOpinion.resident(), List.of());

    notTheirs.put("dinsos", new NotTheirs(baznasDecision, false, baznasDecision));
    notTheirs.put("baznas", new NotTheirs(atensiDecision, false, atensiDecision));
    notTheirs.put("salman", new NotTheirs(atensiDecision, false, atensiDecision));
    notTheirs.put("nakes", new NotTheirs(babinsaOpinion, false, babinsaOpinion));
    notTheirs.put("babinsa", new NotTheirs(nakesOpinion, false, nakesOpinion));
    notTheirs.put("analis", new NotTheirs(homeVisit, false, homeVisit));
    notTheirs.put("manajer", new NotTheirs(homeVisit, true, atensiDecision));
    notTheirs.put("fo", new NotTheirs(homeVisit, true, opinionWork));
    notTheirs.put("bo", new NotTheirs(homeVisit, true, opinionWork));
    notTheirs.put("koordinator", new NotTheirs(homeVisit, true, opinionWork));
    notTheirs.put("fasilitator", new NotTheirs(dtksProposal, true, opinionWork));
    OTHER_PUSKESOS.forEach(role -> notTheirs.put(role, new NotTheirs(homeVisit, false, homeVisit)));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    for (String role : ROLES) {
      for (Action action : Action.values()) {
        for (Surface surface : Surface.values()) {
          cells.add(Arguments.of(role, action, surface));
        }
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0}: {1} over {2}")
  @MethodSource("matrix")
  void nothingThatIsNotTheirs(String role, Action action, Surface surface) {
    List<Attempt> attempts = surface == Surface.DOMAIN_API ? domainAttempts(role, action)
        : engineAttempts(role, action, client(role, surface));
    Assumptions.assumeFalse(attempts.isEmpty(), () -> "/api has no " + action.name().toLowerCase());
    List<String> successes = new ArrayList<>();
    for (Attempt attempt : attempts) {
      Answer answer = attempt.request().get();
      assertThat(answer.status()).as("%s: %s answers %s", role, attempt.what(), answer.body()).isNotEqualTo(401)
          .isLessThan(500);
      if (attempt.succeeded().test(answer)) {
        successes.add(attempt.what() + " -> " + answer.status() + " " + abbreviated(answer.body()));
      } else if (WRITES.contains(action)) {
        // refused for who is asking, not for what was sent or the state of the case: else a refusal could hide a hole
        assertThat(answer.status()).as("%s: %s answers %s", role, attempt.what(), answer.body())
            .isIn(surface == Surface.DOMAIN_API ? List.of(403, 404) : List.of(400, 403, 404));
      }
    }
    assertThat(successes).as("what %s got of what is not theirs (%s over %s)", role, action, surface).isEmpty();
  }

  /**
   * The same requests reach what is theirs: a test whose requests could not succeed would prove nothing. Over both
   * engine surfaces: a partner reads its own decision task, a health worker its own open opinion task, the manager a
   * case's history, the fasilitator the home visit's full identity.
   */
  @Test
  void theSameRequestsReachWhatIsTheirs() {
    for (Surface surface : List.of(Surface.ENGINE_REST, Surface.WEBAPPS_API)) {
      assertThat(client("dinsos", surface).call("GET", "/task/" + atensiDecision.task().getId(), null).status())
          .as(surface.name()).isEqualTo(200);
      assertThat(client("nakes", surface).call("GET", "/task/" + nakesOpinion.task().getId() + "/variables", null)
          .body()).as(surface.name()).contains("residentName");
      assertThat(client("manajer", surface).call("GET", "/history/variable-instance?processInstanceId="
          + homeVisit.instances().get(0), null).body()).as(surface.name()).contains("residentName");
      assertThat(client("fasilitator", surface).call("GET", "/task/" + homeVisit.task().getId() + "/form-variables",
          null).body()).as(surface.name()).contains(homeVisit.resident().nik(), homeVisit.resident().phone());
      assertThat(client("dinsos", surface).call("POST", "/task/" + atensiDecision.task().getId() + "/comment/create",
          "{\"message\": \"Sedang kami periksa\"}").status()).as(surface.name()).isEqualTo(200);
    }
    assertThat(api.get("dinsos", "/api/referrals/" + atensiDecision.caseNumber()).getStatusCode().value())
        .isEqualTo(200);
  }

  // ---- the engine's API, through /engine-rest or the webapps --------------------------------------------------

  /** A signed-in client of the engine's REST API. */
  interface Client {
    Answer call(String method, String path, String json);
  }

  private Client client(String role, Surface surface) {
    if (surface == Surface.ENGINE_REST) {
      return (method, path, json) -> basic(role, method, "/engine-rest" + path, json);
    }
    WebappSession session = sessions.computeIfAbsent(role, user -> WebappSession.signIn("http://localhost:" + port,
        user));
    return session::engine;
  }

  private List<Attempt> engineAttempts(String role, Action action, Client c) {
    NotTheirs not = notTheirs.get(role);
    Target r = not.reads();
    Target w = not.writes();
    String rTask = r.task().getId();
    String wTask = w.task().getId();
    List<Attempt> attempts = new ArrayList<>();
    switch (action) {
      case LIST -> {
        Predicate<Answer> listed = not.onlyIdentity() ? identityIn(r)
            : answer -> answer.ok() && (answer.body().contains(idField(rTask)) || r.instances().stream()
                .anyMatch(instance -> answer.body().contains(idField(instance))));
        attempts.add(get(c, "/task?processInstanceBusinessKey=" + r.caseNumber(), listed));
        attempts.add(new Attempt("POST /task", () -> c.call("POST", "/task?maxResults=1000",
            "{\"processInstanceBusinessKey\":\"" + r.caseNumber() + "\"}"), listed));
        attempts.add(get(c, "/process-instance?businessKey=" + r.caseNumber(), listed));
        attempts.add(get(c, "/execution?businessKey=" + r.caseNumber(), listed));
        for (String filter : filterIds(c)) {
          attempts.add(new Attempt("POST /filter/" + filter + "/list", () -> c.call("POST", "/filter/" + filter
              + "/list?maxResults=1000", "{}"), listed));
        }
      }
      case READ -> {
        Predicate<Answer> read = not.onlyIdentity() ? identityIn(r) : Answer::ok;
        attempts.add(get(c, "/task/" + rTask, read));
        attempts.add(get(c, "/task/" + rTask + "/form", read));
        attempts.add(get(c, "/task/" + rTask + "/identity-links", read));
        for (String instance : r.instances()) {
          attempts.add(get(c, "/process-instance/" + instance, read));
          attempts.add(get(c, "/process-instance/" + instance + "/activity-instances", read));
        }
      }
      case VARIABLES -> {
        Predicate<Answer> read = not.onlyIdentity() ? identityIn(r) : AccessMatrixScenarioTest::notEmpty;
        attempts.add(get(c, "/task/" + rTask + "/variables", read));
        attempts.add(get(c, "/task/" + rTask + "/form-variables", read));
        attempts.add(get(c, "/task/" + rTask + "/localVariables", read));
        attempts.add(get(c, "/variable-instance?taskIdIn=" + rTask, read));
        for (String instance : r.instances()) {
          attempts.add(get(c, "/process-instance/" + instance + "/variables", read));
          attempts.add(get(c, "/execution/" + instance + "/localVariables", read));
          attempts.add(get(c, "/variable-instance?processInstanceIdIn=" + instance, read));
          attempts.add(new Attempt("POST /variable-instance " + instance, () -> c.call("POST", "/variable-instance",
              "{\"processInstanceIdIn\":[\"" + instance + "\"]}"), read));
        }
      }
      case HISTORY -> {
        Predicate<Answer> read = not.onlyIdentity() ? identityIn(r) : AccessMatrixScenarioTest::notEmpty;
        attempts.add(get(c, "/history/task?taskId=" + rTask, read));
        attempts.add(get(c, "/history/identity-link-log?taskId=" + rTask, read));
        attempts.add(get(c, "/history/variable-instance?taskIdIn=" + rTask, read));
        for (String instance : r.instances()) {
          for (String history : List.of("task", "variable-instance", "detail", "process-instance",
              "activity-instance", "user-operation")) {
            attempts.add(get(c, "/history/" + history + "?processInstanceId=" + instance, read));
          }
        }
      }
      case CLAIM -> {
        Supplier<Object> assignee = () -> assignee(wTask);
        attempts.add(change(c, "POST", "/task/" + wTask + "/claim", Map.of("userId", role), assignee,
            () -> taskService.setAssignee(wTask, null)));
        attempts.add(change(c, "POST", "/task/" + wTask + "/assignee", Map.of("userId", role), assignee,
            () -> taskService.setAssignee(wTask, null)));
      }
      case COMPLETE -> {
        Supplier<Object> open = () -> taskService.createTaskQuery().taskId(wTask).count();
        Map<String, Object> variables = Map.of("variables", formFor(w.task()));
        attempts.add(change(c, "POST", "/task/" + wTask + "/submit-form", variables, open, () -> { }));
        attempts.add(change(c, "POST", "/task/" + wTask + "/complete", variables, open, () -> { }));
      }
      case SET_VARIABLES -> {
        Map<String, Object> modification = Map.of("modifications", Map.of(PROBE, Map.of("value", "dari " + role)));
        Supplier<Object> onTask = () -> taskService.createTaskQuery().taskId(wTask).count() == 0 ? null
            : taskService.getVariable(wTask, PROBE);
        Runnable cleanTask = () -> {
          if (taskService.createTaskQuery().taskId(wTask).count() == 1) {
            taskService.removeVariableLocal(wTask, PROBE);
            taskService.removeVariable(wTask, PROBE);
          }
        };
        attempts.add(change(c, "POST", "/task/" + wTask + "/variables", modification, onTask, cleanTask));
        attempts.add(change(c, "PUT", "/task/" + wTask + "/localVariables/" + PROBE, Map.of("value", "x"), onTask,
            cleanTask));
        attempts.add(change(c, "PUT", "/task/" + wTask + "/variables/" + PROBE, Map.of("value", "x"), onTask,
            cleanTask));
        for (String instance : w.instances()) {
          Supplier<Object> onInstance = () -> runtimeService.createExecutionQuery().executionId(instance).count() == 0
              ? null : runtimeService.getVariable(instance, PROBE);
          Runnable clean = () -> {
            if (runtimeService.createExecutionQuery().executionId(instance).count() == 1) {
              runtimeService.removeVariable(instance, PROBE);
            }
          };
          attempts.add(change(c, "POST", "/process-instance/" + instance + "/variables", modification, onInstance,
              clean));
          attempts.add(change(c, "PUT", "/process-instance/" + instance + "/variables/" + PROBE, Map.of("value", "x"),
              onInstance, clean));
          attempts.add(change(c, "PUT", "/execution/" + instance + "/localVariables/" + PROBE, Map.of("value", "x"),
              onInstance, clean));
        }
      }
      case COMMENT -> {
        attempts.add(change(c, "POST", "/task/" + wTask + "/comment/create", Map.of("message", "dari " + role),
            () -> taskService.getTaskComments(wTask).size(), () -> { }));
        for (String instance : w.instances()) {
          attempts.add(change(c, "POST", "/task/" + wTask + "/comment/create", Map.of("message", "dari " + role,
              "processInstanceId", instance), () -> taskService.getProcessInstanceComments(instance).size(),
              () -> { }));
        }
      }
      default -> throw new IllegalArgumentException(action.name());
    }
    return attempts;
  }

  private List<String> filterIds(Client c) {
    Answer filters = c.call("GET", "/filter?resourceType=Task", null);
    assertThat(filters.status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    try {
      JSON.readTree(filters.body()).forEach(f -> ids.add(f.get("id").asText()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  /** Valid input for the task's form: a completion that goes through must not fail for bad input instead. */
  private Map<String, Object> formFor(Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "task_decideReferral" -> Map.of("decision", Map.of("value", "REJECT"), "rejectionCode",
          Map.of("value", "OTHER"), "rejectionReason", Map.of("value", "bukan urusan peminta"));
      case "task_giveOpinion" -> Map.of("opinion", Map.of("value", "Pendapat yang tidak diminta"));
      case "task_homeVisit" -> Map.of("visitDate", Map.of("value", CaseApi.today().toString()), "visitFindings",
          Map.of("value", "Kunjungan"), "correctedAddress", Map.of("value", "Jl. Tamansari Gg. Sukaasih No. 12"),
          "correctedRt", Map.of("value", "3"), "correctedRw", Map.of("value", "7"), "dtksStatus",
          Map.of("value", "LISTED"), "desil", Map.of("value", 2), "deceased", Map.of("value", false), "movedAway",
          Map.of("value", false), "verificationResult", Map.of("value", "VALID"));
      default -> Map.of();
    };
  }

  // ---- the domain API --------------------------------------------------------------------------------------

  private List<Attempt> domainAttempts(String role, Action action) {
    if (OTHER_PUSKESOS.contains(role)) {
      return otherPuskesosAttempts(role, action);
    }
    NotTheirs not = notTheirs.get(role);
    Target r = not.reads();
    Target w = not.writes();
    boolean puskesosOrManager = not.onlyIdentity();
    Predicate<Answer> readSucceeded = puskesosOrManager ? identityIn(r) : Answer::ok;
    long resident = r.resident().id();
    List<Attempt> attempts = new ArrayList<>();
    switch (action) {
      case LIST -> {
        String path = switch (role) {
          case "dinsos" -> "/api/programs/BAZNAS_PEDULI/budgets";
          case "bo", "koordinator", "manajer" -> "/api/registry/imports/1/rejects";
          default -> "/api/programs/BPNT/budgets";
        };
        attempts.add(domain(role, "GET", path, null, Answer::ok));
      }
      case READ -> {
        attempts.add(domain(role, "GET", "/api/referrals/" + r.caseNumber(), null, readSucceeded));
        // the search finds the case for nobody it was not sent to, whether by its number or its resident's NIK
        Predicate<Answer> found = puskesosOrManager ? identityIn(r)
            : answer -> answer.ok() && answer.body().contains(r.caseNumber());
        attempts.add(domain(role, "GET", "/api/referrals?number=" + r.caseNumber(), null, found));
        attempts.add(domain(role, "GET", "/api/referrals?q=" + r.resident().nik(), null, found));
      }
      case VARIABLES -> {
        boolean mayExport = List.of("fo", "koordinator").contains(role);
        attempts.add(mayExport ? domain(role, "GET", "/api/registry/residents/" + resident, null, identityIn(r))
            : domain(role, "GET", "/api/registry/residents/" + resident + "/export", null, Answer::ok));
      }
      case HISTORY -> {
        attempts.add(domain(role, "GET", "/api/registry/residents/" + resident, null, readSucceeded));
        attempts.add(domain(role, "GET", "/api/registry/residents/" + resident + "/consents", null, readSucceeded));
      }
      case COMPLETE -> {
        if (!List.of("fo", "bo", "koordinator").contains(role)) {
          attempts.add(domain(role, "POST", "/api/referrals/" + w.caseNumber() + "/withdrawal",
              Map.of("reason", "dicabut oleh " + role), Answer::ok));
        } else if (!role.equals("koordinator")) {
          attempts.add(domain(role, "POST", "/api/registry/residents/" + w.resident().id() + "/erasure",
              Map.of("reason", "permintaan warga"), Answer::ok));
        } else {
          attempts.add(domain(role, "POST", "/api/programs/BPNT/budgets/2099-01/top-ups",
              Map.of("amount", 1000), Answer::ok));
        }
      }
      case SET_VARIABLES -> {
        if (!List.of("bo", "koordinator").contains(role)) {
          attempts.add(domain(role, "POST", "/api/referrals/" + w.caseNumber() + "/programs", Map.of("programCode",
              "SALMAN_SEMBAKO", "need", "FOOD", "reason", "ditambah oleh " + role), Answer::ok));
        } else {
          attempts.add(domain(role, "PUT", "/api/catalogue/programs/UJI_MATRIKS", Map.of("name", "Bantuan uji",
              "partner", "DINSOS", "aidKind", "CASH", "unit", "Rp", "defaultAmount", 100, "budgetPeriod", "MONTH",
              "requiresDtks", false, "active", false), Answer::ok));
        }
      }
      case CLAIM, COMMENT -> {
        // no such thing on /api
      }
      default -> throw new IllegalArgumentException(action.name());
    }
    return attempts;
  }

  /** Another Puskesos's staff on a Lebak Siliwangi case: the case, its search, its resident, its commands. */
  private List<Attempt> otherPuskesosAttempts(String role, Action action) {
    Target t = notTheirs.get(role).reads();
    long resident = t.resident().id();
    Predicate<Answer> found = answer -> answer.ok() && answer.body().contains(t.caseNumber());
    return switch (action) {
      case LIST -> List.of(domain(role, "GET", "/api/referrals?size=100", null, found),
          domain(role, "GET", "/api/referrals?puskesos=3273021006", null, found));
      case READ -> List.of(domain(role, "GET", "/api/referrals/" + t.caseNumber(), null, Answer::ok),
          domain(role, "GET", "/api/referrals?number=" + t.caseNumber(), null, found),
          domain(role, "GET", "/api/referrals?q=" + t.resident().nik(), null, found));
      case VARIABLES -> List.of(domain(role, "GET", "/api/registry/residents/" + resident, null, Answer::ok),
          domain(role, "GET", "/api/registry/residents/" + resident + "/export", null, Answer::ok));
      case HISTORY -> List.of(domain(role, "GET", "/api/registry/residents/" + resident + "/consents", null,
          Answer::ok));
      case COMPLETE -> List.of(domain(role, "POST", "/api/referrals/" + t.caseNumber() + "/withdrawal",
          Map.of("reason", "dicabut oleh " + role), Answer::ok));
      case SET_VARIABLES -> List.of(domain(role, "POST", "/api/referrals/" + t.caseNumber() + "/programs",
          Map.of("programCode", "SALMAN_SEMBAKO", "need", "FOOD", "reason", "ditambah oleh " + role), Answer::ok),
          domain(role, "POST", "/api/registry/residents/" + resident + "/consents", Map.of("purpose",
              "CONTACT_WHATSAPP", "given", false), Answer::ok));
      case CLAIM, COMMENT -> List.of();
    };
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private Target target(String name, String number, Task task, boolean withIdentity, boolean withPhone) {
    String referral = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getId();
    Resident resident = registry.get(((Number) runtimeService.getVariable(referral, "residentId")).longValue());
    List<String> instances = new ArrayList<>();
    if (!task.getProcessInstanceId().equals(referral)) {
      instances.add(task.getProcessInstanceId());
    }
    instances.add(referral);
    List<String> identity = !withIdentity ? List.of() : Stream.of(resident.nik(), resident.kkNumber(),
        withPhone ? resident.phone() : null).filter(Objects::nonNull).toList();
    return new Target(name, task, instances, number, resident, identity);
  }

  private static Predicate<Answer> identityIn(Target target) {
    assertThat(target.identity()).as("identity of %s", target.name()).isNotEmpty();
    return answer -> target.identity().stream().anyMatch(value -> answer.body() != null
        && answer.body().contains(value));
  }

  /** The task or instance itself in a list (its {@code id}), not another one naming it as its instance. */
  private static String idField(String id) {
    return "\"id\":\"" + id + "\"";
  }

  private static boolean notEmpty(Answer answer) {
    String body = answer.body() == null ? "" : answer.body().strip();
    return answer.ok() && !body.isEmpty() && !body.equals("[]") && !body.equals("{}");
  }

  private String assignee(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return task == null ? null : task.getAssignee();
  }

  private static Attempt get(Client c, String path, Predicate<Answer> succeeded) {
    return new Attempt("GET " + path, () -> c.call("GET", path, null), succeeded);
  }

  /**
   * A change: it succeeded when it answered 2xx or the state it aims at moved. Whatever it did is undone afterwards,
   * so that one failure does not spoil the other cells.
   */
  private static Attempt change(Client c, String method, String path, Object body, Supplier<Object> state,
      Runnable undo) {
    return new Attempt(method + " " + path + " " + body, () -> {
      Object before = state.get();
      Answer answer = c.call(method, path, json(body));
      boolean moved = !Objects.equals(before, state.get());
      if (answer.ok() || moved) {
        undo.run();
        return new Answer(answer.status(), (moved ? "[state changed] " : "") + answer.body());
      }
      return answer;
    }, answer -> answer.ok() || answer.body() != null && answer.body().startsWith("[state changed]"));
  }

  private Attempt domain(String role, String method, String path, Object body, Predicate<Answer> succeeded) {
    return new Attempt(method + " " + path, () -> basic(role, method, path, json(body)), succeeded);
  }

  private Answer basic(String user, String method, String path, String json) {
    var headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = http.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(json, headers),
        String.class);
    return new Answer(answer.getStatusCode().value(), answer.getBody());
  }

  private static String json(Object body) {
    try {
      return body == null ? null : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviated(String body) {
    return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
