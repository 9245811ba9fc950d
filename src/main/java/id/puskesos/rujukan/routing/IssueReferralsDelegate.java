package id.puskesos.rujukan.routing;

import static id.puskesos.rujukan.process.CaseVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Actors;

/**
 * {@code task_issueReferrals} in referral.bpmn. Reads {@code selectedPrograms} and the consents; writes
 * {@code programs} (the collection of the partner call activity), {@code referredCount},
 * {@code recommendationNumber} and, when programs were held back, {@code routingNote}.
 */
@Component
public class IssueReferralsDelegate implements JavaDelegate {

  private final RoutingService routingService;
  private final Actors actors;

  public IssueReferralsDelegate(RoutingService routingService, Actors actors) {
    this.routingService = routingService;
    this.actors = actors;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RoutingService.Issued issued = routingService.issue(string(execution, REFERRAL_NUMBER),
        strings(execution, SELECTED_PROGRAMS), SuggestProgramsDelegate.routingRequest(execution), actors.current());
    execution.setVariable(PROGRAMS, new ArrayList<>(issued.referred()));
    execution.setVariable(REFERRED_COUNT, issued.referred().size());
    execution.setVariable(RECOMMENDATION_NUMBER, issued.recommendationNumber());
    execution.setVariable(ROUTING_NOTE, issued.note());
  }
}
