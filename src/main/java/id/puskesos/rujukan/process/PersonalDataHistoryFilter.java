package id.puskesos.rujukan.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps identity numbers and the identity fields the registry holds out of the engine's history: the intake start
 * form submits them as variables and the NIK-showing task forms carry them for a while, but the history (kept for
 * years, read in Cockpit) never gets them. Everything else is written as by the default handler.
 */
@Component
public class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

  /** Variables that never reach the history. */
  static final Set<String> NEVER_IN_HISTORY = Set.of(CaseVariables.NIK.name(), CaseVariables.KK_NUMBER.name(),
      CaseVariables.FULL_NAME.name(), CaseVariables.BIRTH_DATE.name(), CaseVariables.PHONE.name(),
      CaseVariables.CORRECTED_PHONE.name());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filtering(new DbHistoryEventHandler()));
  }

  private record Filtering(HistoryEventHandler delegate) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricVariableUpdateEventEntity variable
          && NEVER_IN_HISTORY.contains(variable.getVariableName()))) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
