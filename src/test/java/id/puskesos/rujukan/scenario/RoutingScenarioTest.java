package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.process.ReferralSettings;

/**
 * Routing that matches instead of spraying: one program per confirmed need by the table's rank, alternatives tried in
 * order when the chosen one rejects, waits behind too long a list, or is not decided in time; the waiting list by
 * urgency, desil and arrival; a program added by hand with a reason. Runs on H2 and, in CI, on PostgreSQL.
 */
class RoutingScenarioTest extends ScenarioTestSupport {

  @Autowired
  private ManagementService managementService;
  @Autowired
  private ReferralSettings settings;
  @Autowired
  private Budgets budgets;
  @Autowired
  private ProgramCatalogue catalogue;

  @Test
  void foodAndCashForAPoorHouseholdYieldOneFoodProgramAndOneCashProgram() {
    // given: a desil-2 Muslim household of two adults (Rp450.000 per person) asking for food and cash
    String number = api.openCase("FOOD", "CASH");
    api.verifyValid(number);

    // when
    api.assessEligible(number, true, true, "FOOD", "CASH");

    // then: two programs, not five; the rest wait as alternatives, in the order they will be tried (business capital
    // is no longer offered for every cash need)
    assertThat(referred(number)).containsExactlyInAnyOrder("BPNT", "BAZNAS_KONSUMTIF");
    assertThat(api.routing(number)).containsExactly("CASH BAZNAS_KONSUMTIF CHOSEN", "FOOD BPNT CHOSEN",
        "FOOD SALMAN_SEMBAKO ALTERNATIVE");
    assertThat(api.timeline(number, "ROUTED")).singleElement().satisfies(t -> assertThat(t).startsWith(
        "Dirujuk: Bantuan konsumtif fakir miskin untuk bantuan tunai, BPNT / Sembako untuk pangan; alternatif: "
        + "Paket sembako (pangan)"));
    // and the zakat line records the household as fakir (Rp450.000 per person is under Bandung's poverty line)
    JsonNode zakat = api.view(number).get("routing").get(0);
    assertThat(zakat.get("roleLabel").asText()).isEqualTo("dipilih");
    assertThat(zakat.get("fund").asText()).isEqualTo("ZAKAT");
    assertThat(zakat.get("asnaf").asText()).isEqualTo("FAKIR");
    assertThat(zakat.get("asnafLabel").asText()).isEqualTo("fakir");
    assertThat(api.program(number, "BAZNAS_KONSUMTIF").toString()).contains("(dana zakat, asnaf fakir)");
  }

  @Test
  void alternativesAreTriedInOrderOnRejectionAndBehindTooLongAWaitingList() {
    String number = api.openCase("FOOD", "HOUSING");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "FOOD", "HOUSING");

    // when: the ministry does not set the household for BPNT this period, so the food need goes to Salman
    api.ministryDecides(number, "BPNT", "DITOLAK", "Tidak memenuhi syarat");
    assertThat(api.programTask(number, "task_decideReferral", "SALMAN_SEMBAKO")).isNotNull();

    // and BAZNAS accepts the house repair, but its budget cannot cover it and the waiting list is over the limit
    int limit = settings.getWaitingListLimit();
    settings.setWaitingListLimit(0);
    try {
      api.partnerDecides(number, "BAZNAS_PEDULI", "baznas", "decision", "ACCEPT", "grantAmount", 900_000_000_000L);
    } finally {
      settings.setWaitingListLimit(limit);
    }

    // then: the housing need goes to the next alternative, the city's Rutilahu, and the budget holds nothing
    assertThat(api.programTask(number, "task_decideReferral", "RUTILAHU")).isNotNull();
    JsonNode given = api.program(number, "BAZNAS_PEDULI");
    assertThat(given.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(given.get("reason").asText()).contains("daftar tunggunya panjang (urutan ke-1, batas 0)");
    assertThat(budgets.waitingList("BAZNAS_PEDULI")).noneMatch(w -> w.referralNumber().equals(number));
    assertThat(api.routing(number)).containsExactly("FOOD BPNT TRIED", "FOOD SALMAN_SEMBAKO CHOSEN",
        "FOOD BAZNAS_KONSUMTIF ALTERNATIVE", "HOUSING BAZNAS_PEDULI TRIED", "HOUSING RUTILAHU CHOSEN");
  }

  @Test
  void aPartnerThatDoesNotDecideInTimeLosesTheReferralToTheNextAlternative() {
    String number = api.openCase("HOUSING");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "HOUSING");
    Task baznas = api.programTask(number, "task_decideReferral", "BAZNAS_PEDULI");

    // when: the decision timer (10 working days) comes due
    fireDecisionTimer(baznas);

    // then: the referral is taken back from BAZNAS and goes to the city's Rutilahu, the housing alternative
    assertThat(api.programTask(number, "task_decideReferral", "RUTILAHU")).isNotNull();
    assertThat(taskService.createTaskQuery().taskId(baznas.getId()).count()).isZero();
    assertThat(api.program(number, "BAZNAS_PEDULI").get("status").asText()).isEqualTo("CANCELLED");
    assertThat(api.program(number, "BAZNAS_PEDULI").get("reason").asText())
        .isEqualTo("BAZNAS Kota Bandung tidak memutuskan dalam batas waktu (10WD); rujukan ditarik untuk "
            + "program alternatif");
  }

  @Test
  void aPartnerWithoutAnAlternativeBehindItKeepsItsOverdueDecision() {
    // a debt: Bandung Peduli is its only path
    String number = api.openCase("DEBT");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "DEBT");
    Task baznas = api.programTask(number, "task_decideReferral", "BAZNAS_PEDULI");

    fireDecisionTimer(baznas);

    await().atMost(Duration.ofSeconds(10)).until(() -> managementService.createJobQuery()
        .processInstanceId(baznas.getProcessInstanceId()).timers().count() == 0);
    assertThat(taskService.createTaskQuery().taskId(baznas.getId()).count()).isOne();
    assertThat(api.program(number, "BAZNAS_PEDULI").get("status").asText()).isEqualTo("REFERRED");
  }

  @Test
  void theWaitingListOrdersUrgentCasesFirstThenThePoorerThenArrival() {
    // given: a program without budget, and five accepted cases arriving in this order
    String program = api.testProgram();
    String ordinaryDesil3 = waitingCase(program, false, "LISTED", 3);
    String ordinaryDesil1 = waitingCase(program, false, "LISTED", 1);
    String urgentDesil4 = waitingCase(program, true, "LISTED", 4);
    String ordinaryUnknown = waitingCase(program, false, "NOT_LISTED", null);
    String ordinaryDesil1Later = waitingCase(program, false, "LISTED", 1);

    // then
    assertThat(budgets.waitingList(program)).extracting(Budgets.Waiting::referralNumber)
        .containsExactly(urgentDesil4, ordinaryDesil1, ordinaryDesil1Later, ordinaryDesil3, ordinaryUnknown);

    // when: the partner adds budget for two
    JsonNode topUp = api.post("dinsos", "/api/programs/" + program + "/budgets/"
        + budgets.currentPeriod(catalogue.program(program)) + "/top-ups", Map.of("amount", 200)).getBody();

    // then: the first two are served, and a poorer newcomer goes ahead of those left
    assertThat(CaseApi.texts(topUp.get("served"))).containsExactly(urgentDesil4, ordinaryDesil1);
    String newcomerDesil2 = waitingCase(program, false, "LISTED", 2);
    assertThat(budgets.waitingList(program)).extracting(Budgets.Waiting::referralNumber)
        .containsExactly(ordinaryDesil1Later, newcomerDesil2, ordinaryDesil3, ordinaryUnknown);
  }

  @Test
  void theBackOfficeAddsAProgramByHandWithAReasonAndOthersCannot() {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "FOOD");
    String path = "/api/referrals/" + number + "/programs";
    Map<String, Object> salman = Map.of("programCode", "SALMAN_SEMBAKO", "need", "FOOD",
        "reason", "Warga butuh paket pangan sebelum BPNT cair");

    // others may not, and a reason is required
    assertThat(api.post("salman", path, salman).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("fo", path, salman).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> noReason = api.post("bo", path, Map.of("programCode", "SALMAN_SEMBAKO"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody().toString()).contains("Alasan menambah program wajib diisi");
    ResponseEntity<JsonNode> again = api.post("bo", path, Map.of("programCode", "BPNT", "reason", "Coba lagi"));
    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat(again.getBody().toString()).contains("BPNT / Sembako sudah dirujuk untuk kasus ini");

    // when: the back office adds Salman's package
    ResponseEntity<JsonNode> added = api.post("bo", path, salman);

    // then
    assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
    assertThat(api.programTask(number, "task_decideReferral", "SALMAN_SEMBAKO")).isNotNull();
    assertThat(api.routing(number)).contains("FOOD SALMAN_SEMBAKO MANUAL");
    assertThat(api.timeline(number, "PROGRAM_REFERRED")).anySatisfy(t -> assertThat(t)
        .contains("Ditambahkan manual: Warga butuh paket pangan sebelum BPNT cair"));
  }

  @Test
  void twoRequestsAddingTheSameProgramAtOnceAddItOnce() throws Exception {
    String number = api.openCase("FOOD");
    api.verifyValid(number);
    api.assessEligible(number, true, true, "FOOD");
    Map<String, Object> body = Map.of("programCode", "SALMAN_SEMBAKO", "need", "FOOD", "reason", "Mendesak");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (String user : List.of("bo", "koordinator")) {
        answers.add(pool.submit((Callable<Integer>) () -> api.post(user, "/api/referrals/" + number + "/programs",
            body).getStatusCode().value()));
      }
      for (Future<Integer> a : answers) {
        statuses.add(a.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses).containsExactlyInAnyOrder(200, 400);
    assertThat(api.programTask(number, "task_decideReferral", "SALMAN_SEMBAKO")).isNotNull();
  }

  @Test
  void aProgramCannotBeAddedBeforeOrAfterThePartnersWork() {
    String atAssessment = api.openCase("FOOD");
    api.verifyValid(atAssessment);
    Map<String, Object> body = Map.of("programCode", "SALMAN_SEMBAKO", "reason", "Mendesak");

    ResponseEntity<JsonNode> early = api.post("bo", "/api/referrals/" + atAssessment + "/programs", body);
    assertThat(early.getStatusCode().value()).isEqualTo(409);
    assertThat(early.getBody().toString()).contains("hanya dapat ditambahkan selama rujukan");
    api.post("fo", "/api/referrals/" + atAssessment + "/withdrawal", Map.of("reason", "Sudah dibantu keluarga"));
    assertThat(api.post("bo", "/api/referrals/" + atAssessment + "/programs", body).getStatusCode().value())
        .isEqualTo(409);
    assertThat(api.post("bo", "/api/referrals/RJK-1999-000001/programs", body).getStatusCode().value())
        .isEqualTo(404);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private List<String> referred(String number) {
    List<String> codes = new ArrayList<>();
    api.view(number).get("programs").forEach(p -> {
      if (!p.get("status").asText().equals("NOT_SENT")) {
        codes.add(p.get("code").asText());
      }
    });
    return codes;
  }

  /** Brings the decision timer of the partner's task due now; the job executor fires it. */
  private void fireDecisionTimer(Task task) {
    Job timer = await().atMost(Duration.ofSeconds(10)).until(() -> managementService.createJobQuery()
        .processInstanceId(task.getProcessInstanceId()).timers().activityId("timer_decisionOverdue").singleResult(),
        j -> j != null);
    managementService.setJobDuedate(timer.getId(), new Date());
    await().atMost(Duration.ofSeconds(20)).until(() -> managementService.createJobQuery().jobId(timer.getId())
        .count() == 0);
  }

  /** A case nothing fitted, recommended by the back office for the program, approved, accepted: it waits for budget. */
  private String waitingCase(String program, boolean urgent, String dtksStatus, Integer desil) {
    Map<String, Object> intake = CaseApi.intake(CaseApi.NOTHING_FITS);
    intake.put("urgent", urgent);
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyInField(number, dtksStatus, desil);
    api.assessEligibleOnly(number, false, false, CaseApi.NOTHING_FITS);
    api.recommendByHand(number, program);
    api.partnerDecides(number, program, "dinsos", "decision", "ACCEPT", "grantAmount", 100);
    return number;
  }

}
