package id.puskesos.rujukan.process;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the delegates of the models, for process tests on a plain engine: each writes the variables its
 * real counterpart writes, derived simply from what the test's task completions submitted. The real delegates are
 * tested with their services in the Spring scenario tests.
 */
public final class FakeDelegates {

  /** Partner groups of the programs the tests use. */
  public static final Map<String, String> PARTNER_GROUPS = Map.of(
      "PKH", "dinsos", "BPNT", "dinsos", "BAZNAS_KONSUMTIF", "baznas", "BAZNAS_SEHAT", "baznas",
      "BAZNAS_MAKMUR", "baznas", "BAZNAS_PEDULI", "baznas", "SALMAN_SEMBAKO", "salman", "SALMAN_YATIM", "salman");

  /** One call of a fake: the element it served and the variables it saw. */
  public record Call(String activityId, Map<String, Object> variables) {
  }

  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Integer> distributedByCase = new ConcurrentHashMap<>();

  /** What the automated registry check finds: a clean, fresh record unless a test says otherwise. */
  public boolean registryClean = true;
  /** Whether the resident is in DTKS/DTSEN after verification. */
  public boolean dtksListed = true;
  /** The household the eligibility table sees (its input variables); a poor Muslim family in DTKS desil 2. */
  public final Map<String, Object> household = new HashMap<>(Map.of("dtksStatus", "LISTED", "desil", 2,
      "pkhComponents", 2, "religion", "ISLAM", "incomePerCapita", 300_000L, "schoolChildren", 1, "children", 2));
  /** Whether a partner's acceptance finds budget; otherwise the case waits on the list. */
  public boolean budgetAvailable = true;
  /** Whether an acceptance is given up (held back by the household ledger, or too long a waiting list). */
  public boolean acceptanceGivenUp = false;
  /** Routing's next alternative per program that does not deliver; a program missing here has none. */
  public final Map<String, String> alternatives = new HashMap<>();
  /** The programs a case's partners handed over, for the koordinator's check of aid not received. */
  private final Map<String, List<String>> handedOver = new ConcurrentHashMap<>();
  /** How many residents each re-verification batch leaves due, batch after batch. */
  public final java.util.Deque<Long> remainingDue = new java.util.ArrayDeque<>();

  private FakeDelegates() {
  }

  /** Registers every fake (and the settings bean the follow-up timer reads) for the current test thread. */
  public static FakeDelegates register() {
    FakeDelegates fakes = new FakeDelegates();
    fakes.registerAll();
    return fakes;
  }

  public List<Call> callsAt(String activityId) {
    return calls.stream().filter(c -> c.activityId().equals(activityId)).toList();
  }

  /** Replaces one fake, e.g. to make the intake find an open case. */
  public void replace(String bean, JavaDelegate delegate) {
    Mocks.register(bean, recording(delegate));
  }

  private void registerAll() {
    ReferralSettings settings = new ReferralSettings();
    settings.setFollowUpDelay("P30D");
    // the plain engine has no working-day calendar: an ISO duration
    settings.setDecisionTimeout("P14D");
    settings.setUrgentDecisionTimeout("P2D");
    Mocks.register("referralSettings", settings);
    id.puskesos.rujukan.registry.RegistrySettings registrySettings = new id.puskesos.rujukan.registry.RegistrySettings();
    registrySettings.setReverificationCycle("R/P30D");
    Mocks.register("registrySettings", registrySettings);

    replace("registerIntakeDelegate", execution -> {
      execution.setProcessBusinessKey("RJK-2026-000001");
      execution.setVariable(REFERRAL_NUMBER.name(), "RJK-2026-000001");
      execution.setVariable(MERGED_INTO_OPEN_CASE.name(), false);
    });
    replace("checkRegistryDelegate", execution -> {
      execution.setVariable(NEEDS_FIELD_VERIFICATION.name(), !registryClean);
      execution.setVariable(DTKS_LISTED.name(), dtksListed);
    });
    replace("recordHomeVisitDelegate", execution -> execution.setVariable(OPINION_GROUPS.name(),
        new ArrayList<>(strings(execution, OPINIONS_REQUESTED.name()))));
    replace("proposeDtksInclusionDelegate", execution -> { });
    replace("recordOpinionDelegate", execution -> { });
    replace("recordAssessmentDelegate", execution -> { });
    replace("prepareEligibilityDelegate", execution -> {
      execution.setVariables(household);
      execution.setVariable("confirmedNeeds", new ArrayList<>(strings(execution, NEEDS.name())));
    });
    // like the real one without the registry and the ledger: per need, the table's best-ranked program
    replace("routeProgramsDelegate", execution -> {
      Map<Object, Map<?, ?>> best = new java.util.TreeMap<>();
      for (Object row : (List<?>) execution.getVariable(ELIGIBILITY_RESULTS.name())) {
        Map<?, ?> match = (Map<?, ?>) row;
        best.merge(match.get("need"), match, (a, b) -> ((Number) b.get("rank")).intValue()
            < ((Number) a.get("rank")).intValue() ? b : a);
      }
      List<String> programs = new ArrayList<>();
      best.values().stream().map(m -> (String) m.get("programCode")).filter(p -> !programs.contains(p))
          .forEach(programs::add);
      execution.setVariable(PROGRAMS.name(), programs);
      execution.setVariable(REFERRED_COUNT.name(), programs.size());
    });
    replace("recordManualRoutingDelegate", execution -> {
      List<String> programs = "ROUTE".equals(execution.getVariable(MANUAL_ROUTING.name()))
          ? new ArrayList<>(strings(execution, SELECTED_PROGRAMS.name())) : new ArrayList<>();
      execution.setVariable(PROGRAMS.name(), programs);
      execution.setVariable(REFERRED_COUNT.name(), programs.size());
    });
    replace("summariseDecisionsDelegate", execution -> execution.setVariable(DISTRIBUTED_COUNT.name(),
        distributedByCase.getOrDefault(execution.getProcessBusinessKey(), 0)));
    replace("closeReferralDelegate", execution -> { });
    replace("closeAfterFollowUpDelegate", execution -> { });
    replace("recordFollowUpDelegate", execution -> execution.setVariable(FOLLOW_UP_RESULT.name(),
        "NO".equals(execution.getVariable(AID_RECEIVED.name())) ? "DISCREPANCY" : "CLOSE"));
    replace("recordDiscrepancyDelegate", execution -> {
      boolean again = "HAND_OVER_AGAIN".equals(execution.getVariable(DISCREPANCY_RESOLUTION.name()));
      execution.setVariable(REDISTRIBUTE.name(), again);
      if (again) {
        execution.setVariable(PROGRAMS.name(), new ArrayList<>(handedOver.getOrDefault(execution.getProcessBusinessKey(),
            List.of())));
        distributedByCase.remove(execution.getProcessBusinessKey());
      }
    });
    replace("recordNeedsReviewDelegate", execution -> { });
    replace("withdrawReferralDelegate", execution -> { });

    replace("sendReferralDelegate", execution -> {
      String program = (String) execution.getVariable(PROGRAM_CODE.name());
      execution.setVariable(PROGRAM_NAME.name(), program);
      execution.setVariable(PARTNER_GROUP.name(), PARTNER_GROUPS.get(program));
    });
    replace("recordPartnerDecisionDelegate", execution -> {
      execution.setVariable(BUDGET_RESERVED.name(), budgetAvailable && !acceptanceGivenUp);
      execution.setVariable(TRY_ALTERNATIVE.name(), acceptanceGivenUp);
    });
    replace("checkAlternativeDelegate", execution -> execution.setVariable(ALTERNATIVE_LEFT.name(),
        alternatives.containsKey((String) execution.getVariable(PROGRAM_CODE.name()))));
    replace("tryAlternativeDelegate", execution -> {
      String next = alternatives.remove((String) execution.getVariable(PROGRAM_CODE.name()));
      execution.setVariable(ALTERNATIVE_PROGRAM.name(), next);
      if (next != null) {
        execution.setVariable(PROGRAM_CODE.name(), next);
      }
    });
    replace("recordWaitingReviewDelegate", execution -> {
      if ("REDIRECT".equals(execution.getVariable(WAITING_ACTION.name()))) {
        execution.setVariable(PROGRAM_CODE.name(), execution.getVariable(REDIRECT_PROGRAM.name()));
      }
    });
    replace("recordServiceDecisionDelegate", execution -> execution.setVariable(LETTER_NUMBER.name(),
        "REK/" + execution.getProcessBusinessKey() + "/" + execution.getVariable(PROGRAM_CODE.name())));
    replace("recordInformationDelegate", execution -> { });
    replace("recordDistributionDelegate", execution -> {
      boolean complete = flag(execution, FINAL_HANDOVER.name());
      execution.setVariable(DISTRIBUTION_COMPLETE.name(), complete);
      if (complete) {
        distributedByCase.merge(execution.getProcessBusinessKey(), 1, Integer::sum);
        handedOver.computeIfAbsent(execution.getProcessBusinessKey(), k -> new ArrayList<>())
            .add((String) execution.getVariable(PROGRAM_CODE.name()));
      }
    });

    replace("recordDtksProposalDelegate", execution -> { });
    replace("applyDtksResultDelegate", execution -> { });
    replace("recordDuplicateDecisionDelegate", execution -> { });
    replace("recordReverificationDelegate", execution -> { });
    replace("issueReverificationBatchDelegate", execution -> {
      Object issued = execution.getVariable("batchesIssued");
      execution.setVariable("batchesIssued", issued == null ? 1 : (Integer) issued + 1);
      execution.setVariable("remainingDue", remainingDue.isEmpty() ? 0L : remainingDue.poll());
    });
  }

  private JavaDelegate recording(JavaDelegate delegate) {
    return execution -> {
      synchronized (calls) {
        calls.add(new Call(execution.getCurrentActivityId(), new HashMap<>(execution.getVariables())));
      }
      delegate.execute(execution);
    };
  }

  /** Variables as Tasklist submits a checklist: a JSON list. */
  public static Object checklist(String... values) {
    return CaseVariables.NEEDS.write(List.of(values));
  }
}
