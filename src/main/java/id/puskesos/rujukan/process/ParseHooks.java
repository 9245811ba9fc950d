package id.puskesos.rujukan.process;

import java.util.ArrayList;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** How the plugins hook into the parsing of every deployed model, one way for all of them. */
public final class ParseHooks {

  private ParseHooks() {
  }

  /** Runs after the engine's own parse listeners, on every model deployed from now on. */
  public static void afterParse(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }

  /** Called with every parsed user task and its task definition (to add listeners or a form handler). */
  public static void onUserTask(ProcessEngineConfigurationImpl configuration,
      BiConsumer<ActivityImpl, TaskDefinition> hook) {
    afterParse(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        hook.accept(activity, ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
      }
    });
  }
}
