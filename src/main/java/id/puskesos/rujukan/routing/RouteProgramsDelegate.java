package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.referral.Asnaf;
import id.puskesos.rujukan.referral.RoutingChoices;

/**
 * {@code task_routePrograms} in referral.bpmn, after the eligibility table. Reads {@code eligibilityResults} (the
 * table's matched rows: program, need, rank, reason, fund, asnaf) and chooses the programs the back office's recommendation starts
 * from; writes {@code routingNote} (what was held back and why), {@code programOptions} (every active program, to
 * add by hand), {@code recommendationSummary} and {@code recommendedOptions}. The routing is the table's, not the
 * fasilitator's whose assessment it follows: its entries are the system's (docs/history.md, who the timeline credits).
 */
@Component
public class RouteProgramsDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final RecommendationView recommendation;
  public RouteProgramsDelegate(RoutingService routingService, RecommendationView recommendation) {
    this.routingService = routingService;
    this.recommendation = recommendation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RoutingService.Routed routed = routingService.route(caseNumber(execution),
        matches(ELIGIBILITY_RESULTS.get(execution)), ELIGIBILITY_TABLE_VERSION.get(execution), Actors.SYSTEM);
    ROUTING_NOTE.set(execution, routed.note());
    PROGRAM_OPTIONS.set(execution, routingService.programOptions());
    recommendation.show(execution, caseNumber(execution));
  }

  /** The table's rows in the order it returned them; a row without a program, need or rank is not a choice. */
  public static List<RoutingService.Match> matches(Object results) {
    List<RoutingService.Match> matches = new ArrayList<>();
    if (results instanceof Collection<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> entries && entries.get(EligibilityTable.PROGRAM_CODE) != null
            && entries.get(EligibilityTable.NEED) != null && entries.get(EligibilityTable.RANK) instanceof Number rank) {
          matches.add(new RoutingService.Match(String.valueOf(entries.get(EligibilityTable.PROGRAM_CODE)),
              String.valueOf(entries.get(EligibilityTable.NEED)), rank.intValue(),
              text(entries.get(EligibilityTable.REASON)), known(RoutingChoices.Fund.of(text(entries.get(
                  EligibilityTable.FUND)))), known(Asnaf.of(text(entries.get(EligibilityTable.ASNAF))))));
        }
      }
    }
    return matches;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /** A fund or asnaf the table gave that is not one of the known codes is not recorded. */
  private static String known(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
