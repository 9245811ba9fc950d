package id.puskesos.rujukan.referral;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.process.ParseHooks;
import id.puskesos.rujukan.common.Actors;

/**
 * Keeps the case's stage in step with the model. An activity carrying the extension property
 * {@code stage} (set in Camunda Modeler, e.g. {@code stage=VERIFICATION}) moves the case to that stage when it
 * starts; analysts move a stage boundary by moving the property, without a code change. Every user task of a case
 * carries one (the board and the reports read the same property, {@link id.puskesos.rujukan.referral.Stages}); a
 * task inside an event subprocess is side work (needs added to an open case) and leaves the case where it is. An
 * unknown stage fails the deployment. The model moves the case, not the person whose task led there: the stage's
 * timeline entry is the system's.
 */
@Component
public class StagePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseFile> caseFile;
  public StagePlugin(ObjectProvider<CaseFile> caseFile) {
    this.caseFile = caseFile;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseHooks.afterParse(configuration, new StageParseListener());
  }

  private final class StageParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    @Override
    public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
      attach(element, activity);
    }

    private void attach(Element element, ActivityImpl activity) {
      Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
      String stageName = properties == null ? null : properties.get(Stage.PROPERTY);
      if (stageName == null) {
        return;
      }
      Stage stage = Stage.valueOf(stageName);
      if (isSideWork(activity)) {
        return;
      }
      activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
          caseFile.getObject().enterStage(execution.getProcessBusinessKey(), stage, Actors.SYSTEM));
    }

    private static boolean isSideWork(ActivityImpl activity) {
      for (ScopeImpl scope = activity.getFlowScope(); scope instanceof ActivityImpl parent;
          scope = parent.getFlowScope()) {
        if (parent.isTriggeredByEvent()) {
          return true;
        }
      }
      return false;
    }
  }
}
