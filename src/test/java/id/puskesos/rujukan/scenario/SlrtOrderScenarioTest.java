package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.proposal.ProposalBatches;
import id.puskesos.rujukan.recommendation.Recommendations;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.registry.Registry;
import id.puskesos.rujukan.registry.Resident;

/**
 * The SLRT order and the national programs as they work: the back office recommends for the whole case, the
 * koordinator decides once (or sends it back, or escalates to the city SLRT, whose answer comes back onto the case);
 * a national program is proposed, goes out in the SIKS-NG batch file and waits for the period's decision list, whose
 * import moves every waiting case. Runs on H2 and, in CI, on PostgreSQL.
 */
class SlrtOrderScenarioTest extends ScenarioTestSupport {

  @Autowired
  private HistoryService historyService;
  @Autowired
  private Recommendations recommendations;
  @Autowired
  private HouseholdLedger ledger;
  @Autowired
  private CaseFile caseFile;
  @Autowired
  private Registry registry;

  @Test
  void oneKoordinatorDecisionPerCaseAndNoConfirmationPerProgram() {
    String number = api.openCase("FOOD", "CASH");
    api.verifyValid(number);
    api.assessEligibleOnly(number, true, true, "FOOD", "CASH");

    // the back office's recommendation comes first; nothing is with a partner yet
    assertThat(api.task(number, "task_prepareRecommendation")).isNotNull();
    assertThat(statuses(number)).allMatch("RECOMMENDED"::equals);
    api.approveRecommendation(number);

    // then: every program went out at once, with its letter, on the one decision
    api.awaitProgramStatus(number, "BPNT", "PROPOSED");
    api.programTask(number, "task_decideReferral", "BAZNAS_KONSUMTIF");
    JsonNode programs = api.view(number).get("programs");
    assertThat(programs).allSatisfy(p -> assertThat(p.get("letterNumber").asText()).startsWith("REK/" + number));
    assertThat(statuses(number)).containsExactlyInAnyOrder("PROPOSED", "REFERRED");
    api.topUp("BAZNAS_KONSUMTIF", 5_000_000L);
    api.partnerDecides(number, "BAZNAS_KONSUMTIF", "baznas", "decision", "ACCEPT", "grantAmount", 500000);
    assertThat(api.programTask(number, "task_distributeAid", "BAZNAS_KONSUMTIF")).isNotNull();
    long koordinatorTasks = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("task_decideService").count();
    assertThat(koordinatorTasks).isEqualTo(1);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).list())
        .filteredOn(t -> "koordinator".equals(candidate(t.getId()))).hasSize(1);
    assertThat(recommendations.decisions(number)).containsExactly("APPROVE");
  }

  @Test
  void onlyTheBackOfficeRecommendsAndOnlyTheKoordinatorDecides() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligibleOnly(number, true, true, "FOOD");
    String prepare = api.task(number, "task_prepareRecommendation").getId();
    for (String user : List.of("fasilitator", "koordinator", "dinsos", "slrt")) {
      assertThat(api.submitForm(user, prepare, "recommendation", "REFER").getStatusCode().value()).as(user)
          .isIn(403, 404);
    }
    // a key the form does not declare is refused, whoever sends it
    assertThat(api.submitForm("bo", prepare, "recommendation", "REFER", "caseRoute", "PARTNERS").getStatusCode()
        .value()).isEqualTo(400);
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER");
    String decide = api.task(number, "task_decideService").getId();
    for (String user : List.of("bo", "dinsos", "manajer", "slrt")) {
      assertThat(api.submitForm(user, decide, "caseDecision", "APPROVE").getStatusCode().value()).as(user)
          .isIn(403, 404);
    }
    assertThat(recommendations.decisions(number)).isEmpty();
    assertThat(statuses(number)).allMatch("RECOMMENDED"::equals);
  }

  @Test
  void theKoordinatorSendsTheRecommendationBackAndTheBackOfficeCorrectsIt() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligibleOnly(number, true, true, "FOOD");
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER");

    // a send-back needs its note; refused without, nothing moves
    String decision = api.task(number, "task_decideService").getId();
    assertThat(api.submitForm("koordinator", decision, "caseDecision", "SEND_BACK").getStatusCode().value())
        .isIn(400, 500);
    api.complete("koordinator", number, "task_decideService", "caseDecision", "SEND_BACK", "coordinatorNote",
        "Warga sudah diusulkan Sembako bulan lalu; rujuk ke Salman");

    // the back office changes the recommendation, with its reason; the change without a reason is refused
    String prepare = api.task(number, "task_prepareRecommendation").getId();
    assertThat(api.submitForm("bo", prepare, "recommendation", "REFER", "removedPrograms", List.of("BPNT"))
        .getStatusCode().is2xxSuccessful()).isFalse();
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "REFER", "removedPrograms",
        List.of("BPNT"), "addedPrograms", List.of("SALMAN_SEMBAKO"), "recommendationReason",
        "Arahan koordinator: Sembako sudah diusulkan");
    api.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");

    assertThat(api.programTask(number, "task_decideReferral", "SALMAN_SEMBAKO")).isNotNull();
    assertThat(api.program(number, "BPNT").get("status").asText()).isEqualTo("CANCELLED");
    assertThat(recommendations.decisions(number)).containsExactly("SEND_BACK", "APPROVE");
    assertThat(api.timeline(number, "RECOMMENDATION_PREPARED")).hasSize(2);
  }

  @Test
  void aPkhProposalWaitsForThePeriodsDecisionListWhichMovesEveryWaitingCase() throws Exception {
    // given: three families with two PKH components asking for cash: PKH is proposed for each
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String number = api.openCase("CASH");
      api.verifyValid(number);
      api.assessFamily(number, false, false, "CASH");
      cases.add(number);
      api.awaitProgramStatus(number, "PKH", "PROPOSED");
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey("task_decideReferral").count()).as("no partner decides a national program").isZero();
    }

    // when: the operator makes the batch; the file is read back field by field
    ResponseEntity<JsonNode> made = api.post("bo", "/api/proposals/batches", Map.of());
    assertThat(made.getStatusCode().value()).isEqualTo(201);
    long batch = made.getBody().get("id").asLong();
    String file = new String(api.bytes("bo", "/api/proposals/batches/" + batch).getBody(),
        java.nio.charset.StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(file)).getRecords();
    assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(ProposalBatches.EXPORT_COLUMNS);
    CSVRecord first = rows.stream().filter(r -> r.get("NO_RUJUKAN").equals(cases.get(0))).findFirst().orElseThrow();
    Resident resident = resident(cases.get(0));
    assertThat(first.get("PROGRAM")).isEqualTo("PKH");
    assertThat(first.get("NIK")).isEqualTo(resident.nik());
    assertThat(first.get("NO_KK")).isEqualTo(resident.kkNumber());
    assertThat(first.get("TANGGAL_LAHIR")).isEqualTo(resident.birthDate().toString());
    assertThat(first.get("NAMA")).isEqualTo("Siti Aminah");
    assertThat(first.get("JENIS_KELAMIN")).isEqualTo("P");
    assertThat(first.get("ALAMAT")).isEqualTo("Jl. Tamansari Gg. Sukaasih No. 12");
    assertThat(first.get("RT") + "/" + first.get("RW")).isEqualTo("003/007");
    assertThat(first.get("KELURAHAN")).isEqualTo("Lebak Siliwangi");
    assertThat(first.get("KABUPATEN_KOTA")).isEqualTo("Kota Bandung");
    assertThat(first.get("STATUS_DTKS")).isEqualTo("TERDAFTAR");
    assertThat(first.get("DASAR_USULAN")).contains("komponen");
    assertThat(first.get("PERIODE")).matches("\\d{4}-Q[1-4]");
    assertThat(api.bytes("baznas", "/api/proposals/batches/" + batch).getStatusCode().value()).isEqualTo(403);
    assertThat(api.bytes("fasilitator", "/api/proposals/batches/" + batch).getStatusCode().value()).isEqualTo(403);
    // a proposal goes out in one batch only
    assertThat(api.post("bo", "/api/proposals/batches", Map.of()).getBody().get("rows").asInt()).isZero();

    // and the decision list of the period comes back: enrolled, rejected with its reason, not decided this period
    String period = first.get("PERIODE");
    String list = "NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n"
        + kk(rows, cases.get(0)) + ",PKH," + period + ",DITETAPKAN,\n"
        + kk(rows, cases.get(1)) + ",PKH," + period + ",DITOLAK,Kuota periode ini sudah penuh\n"
        + kk(rows, cases.get(2)) + ",PKH," + period + ",BELUM_DITETAPKAN,\n";
    JsonNode imported = importList("dinsos", list).getBody();

    // then
    assertThat(imported.get("enrolled").asInt()).isEqualTo(1);
    assertThat(imported.get("rejected").asInt()).isEqualTo(1);
    assertThat(imported.get("carriedOver").asInt()).isEqualTo(1);
    assertThat(api.program(cases.get(0), "PKH").get("status").asText()).isEqualTo("ENROLLED");
    assertThat(ledger.holdings(kk(rows, cases.get(0)))).anySatisfy(h -> assertThat(h.programCode()).isEqualTo("PKH"));
    assertThat(api.program(cases.get(1), "PKH").get("status").asText()).isEqualTo("REJECTED");
    assertThat(api.program(cases.get(1), "PKH").get("reason").asText()).contains("Kuota periode ini");
    assertThat(ledger.holdings(kk(rows, cases.get(1)))).noneSatisfy(h -> assertThat(h.programCode()).isEqualTo("PKH"));
    assertThat(api.program(cases.get(2), "PKH").get("status").asText()).isEqualTo("PROPOSED");
    assertThat(api.timeline(cases.get(2), "PROPOSAL_DECIDED")).anySatisfy(t -> assertThat(t).contains("siklus ke-2"));
    // and the household holds PKH for the period it now waits on, no longer for the one that passed
    assertThat(ledger.holdings(kk(rows, cases.get(2)))).filteredOn(h -> h.programCode().equals("PKH"))
        .singleElement().satisfies(h -> assertThat(h.period()).isNotEqualTo(period));
    // the case carried over goes into the next batch, and importing the same list again moves nothing twice
    JsonNode next = api.post("bo", "/api/proposals/batches", Map.of()).getBody();
    assertThat(next.get("rows").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(importList("dinsos", list).getBody().get("unmatched")).hasSize(3);
  }

  @Test
  void aDecisionListIsRefusedWholeWithItsErrorsAndOnlyTheOperatorsMayImport() {
    assertThat(importList("fo", "NO_KK,PROGRAM,PERIODE,STATUS\n3273010000000001,PKH,2026-Q4,DITETAPKAN\n")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(importList("baznas", "NO_KK,PROGRAM,PERIODE,STATUS\n3273010000000001,PKH,2026-Q4,DITETAPKAN\n")
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> bad = importList("dinsos", "NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n"
        + "12345,PKH,2026-Q4,DITETAPKAN,\n3273010000000001,SALMAN_SEMBAKO,2026-Q4,DITOLAK,\n");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("NO_KK harus 16 angka", "bukan program usulan nasional",
        "ALASAN wajib diisi");
    assertThat(importList("dinsos", "NAMA\nSiti\n").getBody().toString()).contains("Kolom wajib tidak ada");
    assertThat(api.post("baznas", "/api/proposals/batches", Map.of()).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void twoImportsOfOneListAtOnceDecideEachProposalOnce() throws Exception {
    String number = api.openCase("CASH");
    api.verifyValid(number);
    api.assessFamily(number, false, false, "CASH");
    api.awaitProgramStatus(number, "PKH", "PROPOSED");
    String household = resident(number).kkNumber();
    String list = "NO_KK,PROGRAM,STATUS\n" + household + ",PKH,DITETAPKAN\n";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<JsonNode>>> both = pool.invokeAll(List.<Callable<ResponseEntity<JsonNode>>>of(
          () -> importList("dinsos", list), () -> importList("bo", list)));
      int enrolled = 0;
      List<String> answers = new ArrayList<>();
      for (Future<ResponseEntity<JsonNode>> f : both) {
        ResponseEntity<JsonNode> r = f.get();
        answers.add(r.getStatusCode().value() + " " + r.getBody());
        if (r.getStatusCode().is2xxSuccessful()) {
          enrolled += r.getBody().get("enrolled").asInt();
        }
      }
      assertThat(enrolled).as(answers.toString()).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(api.program(number, "PKH").get("status").asText()).isEqualTo("ENROLLED");
    assertThat(api.timeline(number, "PROPOSAL_DECIDED")).hasSize(1);
  }

  @Test
  void anEscalatedCaseIsAnsweredByTheCitySlrtOntoTheCase() {
    String number = api.caseNothingFits(false);
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "ESCALATE", "recommendationReason",
        "Warga butuh rehabilitasi yang tidak tersedia di kelurahan");
    api.complete("koordinator", number, "task_decideService", "caseDecision", "APPROVE");

    // the city SLRT receives the case file and a task; the Puskesos's own staff cannot answer for the city
    ResponseEntity<JsonNode> file = api.get("slrt", "/api/referrals/" + number + "/escalation");
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getBody().get("reason").asText()).contains("rehabilitasi");
    assertThat(file.getBody().get("case").get("referralNumber").asText()).isEqualTo(number);
    assertThat(file.getBody().toString()).doesNotContain(resident(number).nik());
    assertThat(api.get("slrt", "/api/referrals/" + number).getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("dinsos", "/api/referrals/" + number + "/escalation").getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("fo", "/api/referrals/" + number + "/escalation").getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("bo", "/api/referrals/" + number + "/escalation/answer",
        Map.of("answer", "TAKEN_OVER", "note", "x")).getStatusCode().value()).isEqualTo(403);
    assertThat(api.task(number, "task_answerEscalation")).isNotNull();

    // the city returns it with its direction (over the API): back to the back office
    assertThat(api.post("slrt", "/api/referrals/" + number + "/escalation/answer",
        Map.of("answer", "RETURNED", "note", "Rujuk ke ATENSI melalui Dinsos")).getStatusCode().value())
        .isEqualTo(200);
    assertThat(api.task(number, "task_prepareRecommendation")).isNotNull();
    assertThat(api.timeline(number, "CITY_ANSWERED")).singleElement()
        .satisfies(t -> assertThat(t).contains("Rujuk ke ATENSI"));

    // escalated again by the koordinator, the city takes it over in its Tasklist: the case closes with that outcome
    api.complete("bo", number, "task_prepareRecommendation", "recommendation", "ESCALATE", "recommendationReason",
        "ATENSI tidak tersedia");
    api.complete("koordinator", number, "task_decideService", "caseDecision", "ESCALATE", "coordinatorNote",
        "Mohon SLRT kota menangani");
    api.complete("slrt", number, "task_answerEscalation", "cityAnswer", "TAKEN_OVER", "cityNote",
        "Ditangani Dinas Sosial kota melalui SLRT");
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(api.view(number).get("status").asText()));
    assertThat(api.view(number).get("outcome").asText()).isEqualTo("ESCALATED");
  }

  private ResponseEntity<JsonNode> importList(String user, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.withBasicAuth(user, "demo").exchange("/api/proposals/decisions", HttpMethod.POST,
        new HttpEntity<>(csv, headers), JsonNode.class);
  }

  private List<String> statuses(String number) {
    List<String> statuses = new ArrayList<>();
    api.view(number).get("programs").forEach(p -> statuses.add(p.get("status").asText()));
    return statuses;
  }

  private String candidate(String taskId) {
    return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
        .map(l -> l.getGroupId()).filter(g -> g != null).findFirst().orElse(null);
  }

  private static String kk(List<CSVRecord> rows, String number) {
    return rows.stream().filter(r -> r.get("NO_RUJUKAN").equals(number)).findFirst().orElseThrow().get("NO_KK");
  }

  private Resident resident(String number) {
    return registry.get(caseFile.get(number).residentId());
  }
}
