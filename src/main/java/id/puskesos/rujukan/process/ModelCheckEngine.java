package id.puskesos.rujukan.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A process engine of its own, on an in-memory database, where a proposed model change is deployed before it reaches
 * the live engine (docs/analyst-guide.md): Camunda's parse of BPMN and DMN, {@link ModelRules} (what a model may
 * contain) and the decision tables' test cases, exactly as a live deployment would check them, and nothing of the
 * change can touch a case. It has no decision engine of its own, so a table's cases run in FEEL only
 * ({@link TableTests#TableTests()}): a JUEL expression would call Java with no expression manager to stop it. Built
 * on first use ({@link IsolatedEngines}: unreachable from the webapps and the REST API); each check's deployment is
 * deleted after it.
 */
@Component
public class ModelCheckEngine implements DisposableBean {

  private volatile ProcessEngine engine;

  /** What Camunda and the rules say against deploying the files together: empty when they deploy. */
  public List<String> deploymentProblems(Map<String, byte[]> files) {
    DeploymentBuilder deployment = engine().getRepositoryService().createDeployment().name("pemeriksaan");
    files.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
    Deployment deployed;
    try {
      deployed = deployment.deploy();
    } catch (RuntimeException refused) {
      List<String> problems = new ArrayList<>();
      for (String line : String.valueOf(refused.getMessage()).split("\n")) {
        if (!line.isBlank()) {
          problems.add(line.strip());
        }
      }
      return problems;
    }
    engine().getRepositoryService().deleteDeployment(deployed.getId(), true);
    return List.of();
  }

  private ProcessEngine engine() {
    ProcessEngine built = engine;
    if (built == null) {
      synchronized (this) {
        built = engine;
        if (built == null) {
          built = IsolatedEngines.build("model-check", configuration -> {
            configuration.setDmnEnabled(false);
            configuration.setBpmnParseFactory(ModelRules::bpmnParse);
            configuration.setCustomPreDeployers(new ArrayList<>(List.of(new ModelRules.DeploymentCheck())));
            configuration.setScriptEngineResolver(new ModelGuardPlugin.NoScripts());
            configuration.setEnableFetchScriptEngineFromProcessApplication(false);
          });
          engine = built;
        }
      }
    }
    return built;
  }

  @Override
  public void destroy() {
    if (engine != null) {
      engine.close();
    }
  }
}
