package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.budget.Budgets;
import id.puskesos.rujukan.budget.HouseholdLedger;
import id.puskesos.rujukan.catalogue.Program;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.referral.ProgramStatus;

/**
 * One household, one aid: the household ledger holds a program (and PKH and BPNT together, since a PKH household is
 * already a Sembako household) for one case of a household (KK) per period, at routing, acceptance, routing by hand
 * and when a top-up serves the waiting list, whatever runs at the same time. Runs on H2 and, in CI, on PostgreSQL.
 */
class HouseholdLedgerScenarioTest extends ScenarioTestSupport {

  /** A program still standing for the case: sent, accepted, waiting, confirmed or handed over. */
  private static final Set<ProgramStatus> HOLDING = EnumSet.of(ProgramStatus.RECOMMENDED, ProgramStatus.REFERRED,
      ProgramStatus.PROPOSED, ProgramStatus.ENROLLED, ProgramStatus.INFO_REQUESTED,
      ProgramStatus.WAITING_BUDGET, ProgramStatus.ACCEPTED, ProgramStatus.CONFIRMED,
      ProgramStatus.PARTLY_DISTRIBUTED, ProgramStatus.DISTRIBUTED);

  @Autowired
  private Budgets budgets;
  @Autowired
  private HouseholdLedger ledger;
  @Autowired
  private ProgramCatalogue catalogue;
  @Autowired
  private JdbcClient jdbc;

  @RepeatedTest(3)
  void eightMembersOfOneHouseholdWorkedConcurrentlyToAcceptanceNeverBothHoldAProgram() throws Exception {
    // given: eight residents of one KK, each with a case of her own, verified (DTKS desil 2)
    String kk = newKk();
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Map<String, Object> member = CaseApi.intake("FOOD", "CASH");
      member.put("kkNumber", kk);
      cases.add(api.submitIntake("fo", member).getBody().get("referralNumber").asText());
    }
    cases.forEach(api::verifyValid);

    // when: all eight are assessed at once (routing runs in the same transactions), and every partner accepts at once
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String number : cases) {
        work.add(pool.submit((Callable<Void>) () -> {
          api.assessFamilyOnly(number, true, true, "FOOD", "CASH");
          api.approveOrClose(number);
          for (Task decision : taskService.createTaskQuery().processInstanceBusinessKey(number)
              .taskDefinitionKey("task_decideReferral").list()) {
            String partner = taskService.getIdentityLinksForTask(decision.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElseThrow();
            ResponseEntity<String> accepted = api.submitForm(partner, decision.getId(), "decision", "ACCEPT");
            assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
          }
          return null;
        }));
      }
      for (Future<?> w : work) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // then: each program (and the Sembako pair PKH/BPNT) is held by at most one case of the household
    Map<String, List<String>> holders = holdersByProgram(cases);
    holders.forEach((program, holding) -> assertThat(holding).as(program).hasSizeLessThanOrEqualTo(1));
    assertThat(holders.getOrDefault("PKH", List.of()).size() + holders.getOrDefault("BPNT", List.of()).size())
        .as("PKH and BPNT together").isLessThanOrEqualTo(1);
    assertThat(holders.get("PKH")).as("the first case the ledger let through holds PKH").hasSize(1);
    // and the cases held back say so, naming the case that holds the program
    String pkhHolder = holders.get("PKH").get(0);
    assertThat(cases.stream().filter(n -> !n.equals(pkhHolder)).map(n -> api.program(n, "PKH")))
        .allSatisfy(p -> assertThat(p.get("reason").asText())
            .isEqualTo("Keluarga (KK yang sama) sudah memegang Program Keluarga Harapan (PKH) periode %s melalui rujukan %s"
                .formatted(budgets.currentPeriod(catalogue.program("PKH")), pkhHolder)));
    assertThat(ledger.holdings(kk)).extracting(HouseholdLedger.Holder::programCode).doesNotHaveDuplicates()
        .contains("PKH").doesNotContain("BPNT");
  }

  @Test
  void eightConcurrentAcceptancesForOneHouseholdReserveOnceAndTheOthersAreHeldBack() throws Exception {
    // given: eight cases of one household accepted for the same program at the same moment, past routing
    Program program = catalogue.program(api.testProgram());
    String kk = newKk();
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Map<String, Object> member = CaseApi.intake(CaseApi.NOTHING_FITS);
      member.put("kkNumber", kk);
      cases.add(api.submitIntake("fo", member).getBody().get("referralNumber").asText());
    }

    // when
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Budgets.Request> requests = new ArrayList<>();
    try {
      List<Future<Budgets.Request>> futures = new ArrayList<>();
      for (String number : cases) {
        futures.add(pool.submit(() -> budgets.request(number, program, kk, 100, false, 2)));
      }
      for (Future<Budgets.Request> f : futures) {
        requests.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    // then: one holds it; seven were told who holds it, and reserved nothing
    assertThat(requests).filteredOn(r -> r.heldBy() == null).hasSize(1);
    int first = 0;
    while (requests.get(first).heldBy() != null) {
      first++;
    }
    String holder = cases.get(first);
    assertThat(requests).filteredOn(r -> r.heldBy() != null).hasSize(7)
        .allSatisfy(r -> assertThat(r.heldBy().referralNumber()).isEqualTo(holder));
    assertThat(budgets.budget(program.code(), budgets.currentPeriod(program)).map(Budgets.Budget::reserved)
        .orElse(0L)).isLessThanOrEqualTo(100L);
  }

  @Test
  void oneCaseNeverHoldsBothPkhAndBpnt() {
    // given: a listed family (desil 2) with two PKH components asking for food and cash, no consent to share
    String number = api.openCase("FOOD", "CASH");
    api.verifyValid(number);

    // when
    api.assessFamily(number, false, false, "FOOD", "CASH");

    // then: PKH answers cash; BPNT is held back for food, since a PKH household already counts as Sembako
    api.awaitProgramStatus(number, "PKH", "PROPOSED");
    assertThat(api.program(number, "BPNT").get("status").asText()).isEqualTo("NOT_SENT");
    assertThat(api.program(number, "BPNT").get("reason").asText()).isEqualTo("Program Keluarga Harapan (PKH) sudah "
        + "dipilih untuk kasus ini; keluarga penerima PKH sudah terhitung penerima Sembako");
    assertThat(api.routing(number)).contains("CASH PKH CHOSEN", "FOOD BPNT EXCLUDED");
  }

  @Test
  void aHouseholdTheNationalListHasAsAPkhRecipientIsNotProposedForPkhOrBpnt() {
    // given: the national list has the household as a PKH recipient this quarter
    Map<String, Object> intake = CaseApi.intake("FOOD", "CASH");
    String kk = (String) intake.get("kkNumber");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    Program pkh = catalogue.program("PKH");
    ledger.imported(kk, pkh, budgets.currentPeriod(pkh));
    ledger.imported(kk, pkh, budgets.currentPeriod(pkh));

    // when
    api.assessFamilyOnly(number, false, false, "FOOD", "CASH");

    // then: neither PKH nor BPNT is proposed, and staff read why
    String listed = ("Keluarga sudah terdaftar sebagai penerima Program Keluarga Harapan (PKH) periode %s (data "
        + "DTKS/DTSEN)").formatted(budgets.currentPeriod(pkh));
    assertThat(api.program(number, "PKH").get("reason").asText()).isEqualTo(listed);
    assertThat(api.program(number, "BPNT").get("reason").asText())
        .isEqualTo(listed + "; keluarga penerima PKH sudah terhitung penerima Sembako");
    assertThat(ledger.holdings(kk)).singleElement().satisfies(h -> {
      assertThat(h.source()).isEqualTo(HouseholdLedger.Source.IMPORT);
      assertThat(h.status()).isEqualTo(HouseholdLedger.Status.RECEIVING);
    });
  }

  @Test
  void routingByHandMeetsTheSameLedger() {
    // given: a household whose mother's case holds BPNT this month
    Map<String, Object> mother = CaseApi.intake("FOOD");
    String first = api.submitIntake("fo", mother).getBody().get("referralNumber").asText();
    api.verifyValid(first);
    api.assessEligible(first, false, false, "FOOD");
    api.awaitProgramStatus(first, "BPNT", "PROPOSED");
    // and her son's case that nothing fitted
    Map<String, Object> son = CaseApi.intake(CaseApi.NOTHING_FITS);
    son.put("kkNumber", mother.get("kkNumber"));
    String second = api.submitIntake("fo", son).getBody().get("referralNumber").asText();
    api.verifyValid(second);
    api.assessEligibleOnly(second, false, false, CaseApi.NOTHING_FITS);

    // when: the back office recommends BPNT for the son's case by hand
    ResponseEntity<String> refused = api.submitForm("bo", api.task(second, "task_prepareRecommendation").getId(),
        "recommendation", "REFER", "addedPrograms", List.of("BPNT"), "recommendationReason", "Butuh pangan");

    // then: it is refused, naming the mother's case; the task stays with the back office
    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains(
        "Keluarga (KK yang sama) sudah memegang BPNT / Sembako periode %s melalui rujukan %s".formatted(
            budgets.currentPeriod(catalogue.program("BPNT")), first));
    assertThat(api.task(second, "task_prepareRecommendation")).isNotNull();
  }

  @Test
  void aTopUpPassesOverAWaitingCaseWhoseHouseholdNowHoldsTheProgramThroughAnotherCase() {
    // given: a case waiting for a monthly program since an earlier month, and a second case of the same household
    // that holds the program in this month
    Program program = catalogue.program(api.testProgram());
    String period = budgets.currentPeriod(program);
    String kk = newKk();
    String waiting = memberCase(kk);
    String holding = memberCase(kk);
    jdbc.sql("""
        INSERT INTO budget_commitment (referral_number, program_code, period, household_kk, amount, status, urgent,
                                       desil, requested_at, tenant_id)
        VALUES (?, ?, '2020-01', ?, 100, 'WAITING', FALSE, 2, ?,
                (SELECT tenant_id FROM referral WHERE referral_number = ?))""")
        .params(waiting, program.code(), kk, OffsetDateTime.now().minusMonths(1), waiting).update();
    assertThat(ledger.hold(kk, program, period, holding, HouseholdLedger.Status.RESERVED)).isEmpty();

    // when: the partner adds budget for this month
    Budgets.Served result = budgets.topUp(program, period, 1000, "dinsos", "Tambahan uji");

    // then: the waiting case is passed over, named by the case that holds the program, and nothing is reserved
    assertThat(result.served()).isEmpty();
    assertThat(result.heldBack()).singleElement().satisfies(h -> {
      assertThat(h.commitment().referralNumber()).isEqualTo(waiting);
      assertThat(h.holder().referralNumber()).isEqualTo(holding);
    });
    assertThat(budgets.budget(program.code(), period).orElseThrow().reserved()).isZero();
    assertThat(budgets.waitingList(program.code())).extracting(Budgets.Waiting::referralNumber)
        .containsExactly(waiting);
  }

  @Test
  void theHouseholdSlotIsReleasedWhenThePartnerRejectsSoAnotherMemberMayHoldIt() {
    // given: the mother's case holds BPNT
    Map<String, Object> mother = CaseApi.intake("FOOD");
    String first = api.submitIntake("fo", mother).getBody().get("referralNumber").asText();
    api.verifyValid(first);
    api.assessEligible(first, false, false, "FOOD");

    // when: the ministry's decision list does not set the household
    api.ministryDecides(first, "BPNT", "DITOLAK", "Data tidak valid");

    // then: the daughter's case may be sent to BPNT
    Map<String, Object> daughter = CaseApi.intake("FOOD");
    daughter.put("kkNumber", mother.get("kkNumber"));
    String second = api.submitIntake("fo", daughter).getBody().get("referralNumber").asText();
    api.verifyValid(second);
    api.assessEligible(second, false, false, "FOOD");
    api.awaitProgramStatus(second, "BPNT", "PROPOSED");
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** The household's cases per program they still hold. */
  private Map<String, List<String>> holdersByProgram(List<String> cases) {
    Map<String, List<String>> holders = new HashMap<>();
    for (String number : cases) {
      for (JsonNode p : api.view(number).get("programs")) {
        if (HOLDING.contains(ProgramStatus.valueOf(p.get("status").asText()))) {
          holders.computeIfAbsent(p.get("code").asText(), c -> new ArrayList<>()).add(number);
        }
      }
    }
    return holders;
  }

  private String memberCase(String kk) {
    Map<String, Object> member = CaseApi.intake(CaseApi.NOTHING_FITS);
    member.put("kkNumber", kk);
    return api.submitIntake("fo", member).getBody().get("referralNumber").asText();
  }

  private static String newKk() {
    return "327301%010d".formatted(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
  }

}
