package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.process.CaseVariables;

/**
 * Drives cases the way users do: intake over the domain API, task forms submitted over Camunda's REST API as the
 * user of the task's group (as Tasklist does), the case read back over the domain API.
 */
public class CaseApi {

  /** Serials below 1000: the registry tests' generated extracts use the NIK serials from 1000 up. */
  private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 16_000_000));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Puskesos roles, whose demo users differ per Puskesos ({@code fo}, {@code fodago}). */
  private static final List<String> PUSKESOS_ROLES = List.of("fo", "fasilitator", "bo", "koordinator", "manajer");

  private final TestRestTemplate http;
  private final TaskService taskService;
  /** Who acts for a role: the Puskesos's own staff; partners and the city are the same users for every Puskesos. */
  private final UnaryOperator<String> staff;

  public CaseApi(TestRestTemplate http, TaskService taskService) {
    this(http, taskService, UnaryOperator.identity());
  }

  private CaseApi(TestRestTemplate http, TaskService taskService, UnaryOperator<String> staff) {
    this.http = http;
    this.taskService = taskService;
    this.staff = staff;
  }

  /** The same steps, taken by the staff of the demo's other Puskesos (Dago: {@code fodago}, {@code bodago}...). */
  public CaseApi atDago() {
    return new CaseApi(http, taskService, user -> PUSKESOS_ROLES.contains(user) ? user + "dago" : user);
  }

  /**
   * Today in Bandung, the day the server judges entered dates by (the JVM running the tests may be in UTC, whose
   * date lags Bandung's from 00:00 to 07:00 WIB).
   */
  public static LocalDate today() {
    return LocalDate.now(id.puskesos.rujukan.RujukanApplication.ZONE);
  }

  /**
   * A valid intake for a new resident: a woman with a fresh, correctly encoded NIK (Kota Bandung region, birth date
   * with day + 40, serial) and the matching birth date.
   */
  public static Map<String, Object> intake(String... needs) {
    long serial = SERIAL.incrementAndGet();
    LocalDate birthDate = LocalDate.of(1950 + (int) (serial % 50), 1 + (int) (serial / 50 % 12),
        1 + (int) (serial / 600 % 28));
    String nik = "327301%02d%02d%02d%04d".formatted(birthDate.getDayOfMonth() + 40, birthDate.getMonthValue(),
        birthDate.getYear() % 100, 1 + serial / 16800 % 999);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("nik", nik);
    body.put("kkNumber", "327301%010d".formatted(serial));
    body.put("fullName", "Siti Aminah");
    body.put("birthDate", birthDate.toString());
    body.put("sex", "F");
    body.put("address", "Jl. Tamansari Gg. Sukaasih No. 12");
    body.put("rt", "3");
    body.put("rw", "7");
    body.put("kelurahan", "Lebak Siliwangi");
    body.put("phone", "+6281234567890");
    body.put("channel", "WALK_IN");
    body.put("needs", List.of(needs));
    body.put("description", "Suami sakit, tidak ada penghasilan bulan ini");
    body.put("urgent", false);
    return body;
  }

  /** The intake as the variables Tasklist's start form submits. */
  public static Object[] startForm(Map<String, Object> intake) {
    List<Object> pairs = new ArrayList<>();
    intake.forEach((name, value) -> {
      pairs.add(name);
      pairs.add(value);
    });
    return pairs.toArray();
  }

  public ResponseEntity<JsonNode> submitIntake(String user, Map<String, Object> body) {
    ResponseEntity<JsonNode> answer = post(user, "/api/referrals", body);
    if (answer.getBody() != null && answer.getBody().has("referralNumber") && body.get("kkNumber") != null) {
      HOUSEHOLDS.putIfAbsent(answer.getBody().get("referralNumber").asText(), body.get("kkNumber").toString());
    }
    return answer;
  }

  /** Waits until the case's program has the status (programs go out to partners and proposals asynchronously). */
  public void awaitProgramStatus(String number, String programCode, String status) {
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      JsonNode program = program(number, programCode);
      return program != null && status.equals(program.get("status").asText());
    });
  }

  /** The household (KK) of each case this suite opened through {@link #submitIntake}. */
  private static final Map<String, String> HOUSEHOLDS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The ministry's decision list of the period, imported by Dinas Sosial's SIKS-NG operator, with one row: the case's
   * household and the national program ({@code DITETAPKAN}, {@code DITOLAK} with the reason, {@code BELUM_DITETAPKAN}).
   */
  public JsonNode ministryDecides(String number, String programCode, String status, String reason) {
    awaitProgramStatus(number, programCode, "PROPOSED");
    HttpHeaders headers = headers("dinsos");
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    String list = "NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n%s,%s,,%s,%s\n".formatted(HOUSEHOLDS.get(number),
        programCode, status, reason == null ? "" : reason);
    ResponseEntity<JsonNode> answer = http.exchange("/api/proposals/decisions", HttpMethod.POST,
        new HttpEntity<>(list, headers), JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    assertThat(answer.getBody().get("unmatched")).as(String.valueOf(answer.getBody())).isEmpty();
    return answer.getBody();
  }

  /** Submits an intake that must open a new case; returns its referral number. */
  public String openCase(String... needs) {
    ResponseEntity<JsonNode> created = submitIntake("fo", intake(needs));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    return created.getBody().get("referralNumber").asText();
  }

  public JsonNode view(String referralNumber) {
    ResponseEntity<JsonNode> answer = http.exchange("/api/referrals/" + referralNumber, HttpMethod.GET,
        new HttpEntity<>(headers(staff.apply("manajer"))), JsonNode.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  /** The open task of the case at that element, waiting for it a little (timers, other nodes). */
  public Task task(String referralNumber, String taskDefinitionKey) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !tasks(referralNumber, taskDefinitionKey).isEmpty());
    List<Task> tasks = tasks(referralNumber, taskDefinitionKey);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  public List<Task> tasks(String referralNumber, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(referralNumber)
        .taskDefinitionKey(taskDefinitionKey).list();
  }

  /** Completes the case's task at that element as the user, like Tasklist's "Complete" on a Camunda Form. */
  public void complete(String user, String referralNumber, String taskDefinitionKey, Object... variables) {
    ResponseEntity<String> answer = submitForm(user, task(referralNumber, taskDefinitionKey).getId(), variables);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
  }

  public ResponseEntity<String> submitForm(String user, String taskId, Object... variables) {
    return http.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
        json(staff.apply(user), Map.of("variables", restVariables(variables))), String.class);
  }

  /** Starts a process from its start form, as Tasklist's "Start process" does. */
  public ResponseEntity<JsonNode> submitStartForm(String user, String processKey, Object... variables) {
    return http.exchange("/engine-rest/process-definition/key/" + processKey + "/submit-form", HttpMethod.POST,
        json(staff.apply(user), Map.of("variables", restVariables(variables))), JsonNode.class);
  }

  /**
   * Deploys files (name to content) as Camunda Modeler does: multipart to {@code /engine-rest/deployment/create}, one
   * part per file, named by its file name.
   */
  public ResponseEntity<JsonNode> deploy(String user, String deploymentName, Map<String, String> files) {
    HttpHeaders headers = headers(staff.apply(user));
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", deploymentName);
    body.add("deployment-source", "Camunda Modeler");
    files.forEach((name, content) -> body.add(name, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    return http.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  public ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return http.exchange(path, HttpMethod.POST, json(staff.apply(user), body), JsonNode.class);
  }

  // ---- the forms of a case, filled in as staff would --------------------------------------------------------

  /**
   * The field verification of a resident the registry check found wanting: the fasilitator confirms the address,
   * finds the resident in DTKS/DTSEN (desil 2) and declares the data valid.
   */
  public void verifyValid(String number) {
    verifyInField(number, "LISTED");
  }

  /** The field verification, with the DTKS/DTSEN status the fasilitator could establish (null: unknown). */
  public void verifyInField(String number, String dtksStatus) {
    verifyInField(number, dtksStatus, dtksStatus == null ? null : 2);
  }

  /** The field verification, with the DTKS/DTSEN status and desil the fasilitator could establish. */
  public void verifyInField(String number, String dtksStatus, Integer desil) {
    complete("fasilitator", number, "task_homeVisit", "visitDate", today().toString(),
        "visitFindings", "Rumah semi permanen, empat anggota keluarga", "correctedAddress",
        "Jl. Tamansari Gg. Sukaasih No. 12", "correctedRt", "3", "correctedRw", "7", "dtksStatus", dtksStatus,
        "desil", desil, "deceased", false, "movedAway", false, "opinionsRequested", List.of(),
        "verificationResult", "VALID");
  }

  /**
   * The needs assessment of two adults with Rp900.000 a month, Muslim: no PKH component; then the SLRT order: the back
   * office recommends what routing chose, the koordinator approves it once for the case.
   */
  public void assessEligible(String number, boolean consentBaznas, boolean consentSalman, String... needs) {
    assessEligible(number, consentPartners(consentBaznas, consentSalman), needs);
  }

  /** As {@link #assessEligible(String, boolean, boolean, String...)}, ticking these partners of the consent list. */
  public void assessEligible(String number, List<String> consentPartners, String... needs) {
    assessEligibleOnly(number, consentPartners, needs);
    approveRecommendation(number);
  }

  /** The needs assessment alone: the case then waits for the back office's recommendation. */
  public void assessEligibleOnly(String number, boolean consentBaznas, boolean consentSalman, String... needs) {
    assessEligibleOnly(number, consentPartners(consentBaznas, consentSalman), needs);
  }

  /** The needs assessment alone, ticking these partners (codes) of the form's consent list. */
  public void assessEligibleOnly(String number, List<String> consentPartners, String... needs) {
    complete("fasilitator", number, "task_assessNeeds", "householdSize", 2, "monthlyIncome", 900000,
        "needs", List.of(needs), "religion", "ISLAM", "consentPartners", consentPartners,
        "assessmentResult", "ELIGIBLE");
  }

  /** The needs assessment of a family of four with a toddler and a primary-school child: two PKH components. */
  public void assessFamily(String number, boolean consentBaznas, boolean consentSalman, String... needs) {
    assessFamily(number, consentPartners(consentBaznas, consentSalman), needs);
  }

  /** As {@link #assessFamily(String, boolean, boolean, String...)}, ticking these partners of the consent list. */
  public void assessFamily(String number, List<String> consentPartners, String... needs) {
    assessFamilyOnly(number, consentPartners, needs);
    approveRecommendation(number);
  }

  /** The family's assessment alone: the case then waits for the back office's recommendation. */
  public void assessFamilyOnly(String number, boolean consentBaznas, boolean consentSalman, String... needs) {
    assessFamilyOnly(number, consentPartners(consentBaznas, consentSalman), needs);
  }

  /** The family's assessment alone, ticking these partners (codes) of the form's consent list. */
  public void assessFamilyOnly(String number, List<String> consentPartners, String... needs) {
    complete("fasilitator", number, "task_assessNeeds", "householdSize", 4, "monthlyIncome", 900000,
        "childrenUnder6", 1, "primarySchoolChildren", 1, "needs", List.of(needs), "religion", "ISLAM",
        "consentPartners", consentPartners, "assessmentResult", "ELIGIBLE");
  }

  /** The consent list's ticks for BAZNAS and Rumah Amal Salman; any other partner offered is left unticked. */
  public static List<String> consentPartners(boolean baznas, boolean salman) {
    List<String> partners = new ArrayList<>();
    if (baznas) {
      partners.add("BAZNAS");
    }
    if (salman) {
      partners.add("SALMAN");
    }
    return partners;
  }

  /**
   * The back office adds programs to the recommendation by hand (with a reason) and the koordinator approves: how a
   * case nothing was routed to reaches a program.
   */
  public void recommendByHand(String number, String... programs) {
    complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of(programs), "recommendationReason", "Dipilih back office");
    complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");
  }

  /**
   * The back office recommends what routing chose, or, where routing could choose nothing (the household holds it
   * all already), proposes closing; the koordinator approves either.
   */
  public void approveOrClose(String number) {
    Task prepare = task(number, "task_prepareRecommendation");
    Map<String, String> recommended = CaseVariables.RECOMMENDED_OPTIONS.read(taskService.getVariable(prepare.getId(),
        CaseVariables.RECOMMENDED_OPTIONS.name()));
    if (recommended.isEmpty()) {
      complete("bo", number, "task_prepareRecommendation", "recommendation", "CLOSE", "recommendationReason",
          "Keluarga sudah memegang program yang sesuai");
    } else {
      complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER");
    }
    complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");
  }

  /** The back office recommends what routing chose, unchanged; the koordinator approves it (one decision). */
  public void approveRecommendation(String number) {
    complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER");
    complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");
  }

  /**
   * A need no table row answers for {@link #assessEligible}'s household: education, with no school child recorded
   * (every need has a path for a household that fits it, docs/partners.md).
   */
  public static final String NOTHING_FITS = "EDUCATION";

  /** A verified, assessed case nothing was routed to: it waits for the back office's recommendation. */
  public String caseNothingFits(boolean urgent) {
    Map<String, Object> body = intake(NOTHING_FITS);
    body.put("urgent", urgent);
    String number = submitIntake("fo", body).getBody().get("referralNumber").asText();
    verifyValid(number);
    assessEligibleOnly(number, false, false, NOTHING_FITS);
    return number;
  }

  /** The follow-up visit's answers: reached, received, helped (YES, PARTLY, NO) and the satisfaction. */
  public void followUp(String number, String reached, String received, String helped, Integer satisfaction) {
    List<Object> answers = new ArrayList<>(List.of("residentReached", reached, "followUpNotes", "Kunjungan tindak lanjut"));
    if ("YES".equals(reached)) {
      answers.addAll(List.of("aidReceived", received, "aidHelped", helped, "satisfaction", String.valueOf(satisfaction)));
    }
    complete("fasilitator", number, "task_followUp", answers.toArray());
  }

  /** The routing explanation of the case, as "NEED PROGRAM ROLE" lines in the order the case shows them. */
  public List<String> routing(String number) {
    List<String> lines = new ArrayList<>();
    view(number).get("routing").forEach(c -> lines.add(c.get("need").asText() + " " + c.get("program").asText() + " "
        + c.get("role").asText()));
    return lines;
  }

  /** The case's program row. */
  public JsonNode program(String number, String programCode) {
    for (JsonNode p : view(number).get("programs")) {
      if (p.get("code").asText().equals(programCode)) {
        return p;
      }
    }
    throw new AssertionError(programCode + " not among the programs of " + number);
  }

  /** The case's open task at that element for the group, waiting for it a little. */
  public Task partnerTask(String number, String taskDefinitionKey, String group) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(number).taskDefinitionKey(taskDefinitionKey).taskCandidateGroup(group).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskDefinitionKey)
        .taskCandidateGroup(group).singleResult();
  }

  /** The case's open task at that element for that program (partner referrals run side by side). */
  public Task programTask(String number, String taskDefinitionKey, String programCode) {
    await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(taskDefinitionKey).processVariableValueEquals("programCode", programCode).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskDefinitionKey)
        .processVariableValueEquals("programCode", programCode).singleResult();
  }

  /** Completes the program's task as the user, like Tasklist does. */
  public void completeProgramTask(String user, String number, String taskDefinitionKey, String programCode,
      Object... variables) {
    ResponseEntity<String> answer = submitForm(user, programTask(number, taskDefinitionKey, programCode).getId(),
        variables);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
  }

  /** The partner's decision on the program, made by the partner's demo user (named as its group). */
  public void partnerDecides(String number, String programCode, String partnerUser, Object... variables) {
    completeProgramTask(partnerUser, number, "task_decideReferral", programCode, variables);
  }

  /** One handover by the partner's user; {@code last} ends the program's distribution. */
  public void partnerHandsOver(String number, String programCode, String partnerUser, boolean last,
      Object... aid) {
    List<Object> variables = new ArrayList<>(List.of("distributionDate", today().toString(),
        "distributionPlace", "Kantor Puskesos Lebak Siliwangi", "handedOverBy", "Petugas " + partnerUser,
        "proofReference", "BA-" + number.substring(number.length() - 4), "receiptConfirmed", true,
        "finalHandover", last));
    variables.addAll(List.of(aid));
    completeProgramTask(partnerUser, number, "task_distributeAid", programCode, variables.toArray());
  }

  /**
   * A food case the back office referred to BAZNAS's consumptive aid, accepted and handed over in full (Rp500.000):
   * the common aided case (a service program: a partner's decision, budget and handover).
   */
  public String caseWithAidHandedOver() {
    String number = openCase("FOOD");
    verifyValid(number);
    referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    topUp("BAZNAS_KONSUMTIF", 5_000_000L);
    partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT");
    partnerHandsOver(number, "BAZNAS_KONSUMTIF", "baznas", true, "aidAmount", 500000);
    return number;
  }

  /** A food case run to its close: BAZNAS's aid accepted with a planned aid, handed over, followed up as helped. */
  public String closedFoodCase() {
    String number = openCase("FOOD");
    verifyValid(number);
    referTo(number, "BAZNAS_KONSUMTIF", "FOOD");
    topUp("BAZNAS_KONSUMTIF", 5_000_000L);
    partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT", "plannedAid", "Sembako bulan ini");
    partnerHandsOver(number, "BAZNAS_KONSUMTIF", "baznas", true, "aidAmount", 500000);
    followUp(number, "YES", "YES", "YES", 5);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(view(number).get("status").asText()));
    return number;
  }

  /**
   * The partner adds budget for the current month (BAZNAS's monthly programs), serving whoever waits: the suite's
   * cases share the demo budgets, so a test that needs its grant covered adds what it needs.
   */
  public void topUp(String programCode, long amount) {
    String period = java.time.YearMonth.now(Dates.BANDUNG).toString();
    ResponseEntity<JsonNode> answer = post("baznas", "/api/programs/" + programCode + "/budgets/" + period
        + "/top-ups", Map.of("amount", amount, "note", "Tambahan untuk uji"));
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
  }

  /**
   * The assessment (consent to share with BAZNAS and Salman), then the back office's recommendation of the one
   * program in place of what routing chose (with its reason), approved by the koordinator.
   */
  public void referTo(String number, String programCode, String... needs) {
    assessEligibleOnly(number, true, true, needs);
    Task prepare = task(number, "task_prepareRecommendation");
    Map<String, String> recommended = CaseVariables.RECOMMENDED_OPTIONS.read(taskService.getVariable(prepare.getId(),
        CaseVariables.RECOMMENDED_OPTIONS.name()));
    List<String> removed = recommended.keySet().stream().filter(code -> !code.equals(programCode)).toList();
    List<String> added = recommended.containsKey(programCode) ? List.of() : List.of(programCode);
    complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "removedPrograms", removed,
        "addedPrograms", added, "recommendationReason", "Dirujuk ke program ini saja");
    complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");
  }

  /**
   * A monthly cash program of Dinas Sosial (a government partner: no consent needed), Rp100 a grant, added over the
   * catalogue API, that only the calling test uses, so budgets and households of tests never meet.
   */
  public String testProgram() {
    String code = "UJI_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Bantuan uji");
    body.put("partner", "DINSOS");
    body.put("aidKind", "CASH");
    body.put("unit", "Rp");
    body.put("defaultAmount", 100);
    body.put("budgetPeriod", "MONTH");
    body.put("requiresDtks", false);
    body.put("active", true);
    ResponseEntity<JsonNode> created = put("admin", "/api/catalogue/programs/" + code, body);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(200);
    return code;
  }

  /** Waits for the registry check, which runs after the intake's save point. */
  public void awaitRegistryChecked(String number) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !timeline(number, "REGISTRY_CHECKED").isEmpty());
  }

  /** The texts of the case's timeline entries of one type, oldest first. */
  public List<String> timeline(String number, String type) {
    List<String> texts = new ArrayList<>();
    view(number).get("timeline").forEach(e -> {
      if (e.get("type").asText().equals(type)) {
        texts.add(e.get("text").asText());
      }
    });
    return texts;
  }

  /** The tasks a shared Tasklist filter lists for the user, as Tasklist asks for them. */
  public JsonNode filterList(String user, String name) {
    JsonNode filters = http.exchange("/engine-rest/filter?name={name}", HttpMethod.GET, new HttpEntity<>(headers(staff.apply(user))),
        JsonNode.class, name).getBody();
    assertThat(filters).as(name).hasSize(1);
    return http.exchange("/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list?maxResults=1000",
        HttpMethod.POST, json(staff.apply(user), Map.of()), JsonNode.class).getBody();
  }

  public ResponseEntity<JsonNode> get(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(staff.apply(user))), JsonNode.class);
  }

  public ResponseEntity<JsonNode> put(String user, String path, Object body) {
    return http.exchange(path, HttpMethod.PUT, json(staff.apply(user), body), JsonNode.class);
  }

  public ResponseEntity<JsonNode> delete(String user, String path) {
    return http.exchange(path, HttpMethod.DELETE, new HttpEntity<>(headers(staff.apply(user))), JsonNode.class);
  }

  public ResponseEntity<byte[]> bytes(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(staff.apply(user))), byte[].class);
  }

  /** Reads a JSON array of strings. */
  public static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** REST variables as Tasklist sends them: lists as Json, everything else typed by its JSON value. */
  private static Map<String, Object> restVariables(Object... pairs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      Map<String, Object> typed = new HashMap<>();
      if (value instanceof Collection<?> list) {
        typed.put("type", "Json");
        typed.put("value", toJson(new ArrayList<>(list)));
      } else {
        typed.put("value", value);
      }
      variables.put((String) pairs[i], typed);
    }
    return variables;
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Demo users' credentials, sent with the request (not after a challenge, which the JDK client would need). */
  static HttpHeaders headers(String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return headers;
  }

  private static HttpEntity<Object> json(String user, Object body) {
    HttpHeaders headers = headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
