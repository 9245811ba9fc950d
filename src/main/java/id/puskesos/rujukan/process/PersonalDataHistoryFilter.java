package id.puskesos.rujukan.process;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.Variable;

/**
 * What the engine's history keeps, per variable: the history level stays {@code full} (who did which task when, every
 * activity, decisions and outcomes), but a variable declared {@code notInHistory()} (in {@link CaseVariables} or
 * another constants class that {@link ProcessVariables} lists) or named by a {@link NotInHistory} never reaches
 * ACT_HI_VARINST, ACT_HI_DETAIL or their byte arrays, and a decision table's input of that name is left out of the
 * decision's history (ACT_HI_DEC_IN; the outputs stay). Such variables are
 * personal data (identity, contact, religion, income, household) or free text (notes, findings, opinions) that the
 * case file tables already keep with their author, for the time the case needs them, not for the history's years in
 * Cockpit. docs/history.md gives the decision and its reason per variable. Of the other events, {@link AuditHistory}
 * decides by kind: no variable update details, no activity instances of the model's own steps, no job log but its
 * failures.
 */
@Component
public class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

  private final Set<String> notInHistory;

  public PersonalDataHistoryFilter(List<NotInHistory> others) {
    Set<String> names = new HashSet<>(declaredNotInHistory());
    others.forEach(other -> names.addAll(other.variableNames()));
    this.notInHistory = Set.copyOf(names);
  }

  /** The declared process variables (the case's, the registry's, the evaluation's, the report's) never kept. */
  static Set<String> declaredNotInHistory() {
    Set<String> names = new HashSet<>();
    for (Variable<?> variable : ProcessVariables.all()) {
      if (variable.history() == Variable.History.NOT_KEPT) {
        names.add(variable.name());
      }
    }
    return names;
  }

  /** Every variable name the history never keeps. */
  public Set<String> notInHistory() {
    return notInHistory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filtering(new AuditHistory.WithoutVariableDetails(), notInHistory));
  }

  private record Filtering(HistoryEventHandler delegate, Set<String> notInHistory) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!AuditHistory.kept(event)) {
        return;
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && notInHistory.contains(variable.getVariableName())) {
        return;
      }
      if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
        Stream.concat(Stream.ofNullable(evaluation.getRootHistoricDecisionInstance()),
            evaluation.getRequiredHistoricDecisionInstances() == null ? Stream.empty()
                : evaluation.getRequiredHistoricDecisionInstances().stream())
            .forEach(this::withoutPersonalInputs);
      }
      delegate.handleEvent(event);
    }

    /** Inputs are named {@code input_<variable>} in every table (the modelling convention), so the id says which. */
    private void withoutPersonalInputs(HistoricDecisionInstanceEntity decision) {
      if (decision.getInputs() != null) {
        List<HistoricDecisionInputInstance> kept = decision.getInputs().stream()
            .filter(input -> input.getClauseId() == null
                || !notInHistory.contains(input.getClauseId().replaceFirst("^input_", "")))
            .toList();
        decision.setInputs(new java.util.ArrayList<>(kept));
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
