package id.puskesos.rujukan.migration;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.process.IsolatedEngines;

/**
 * A bare Camunda engine of its own, in memory, where a candidate model is deployed beside the running version's XML so
 * that Camunda itself validates the migration plan before anything is deployed to the cases' engine. Nothing is ever
 * started in it: a model is parsed and compared, no expression, listener or delegate runs, so it needs none of the
 * application's beans or plugins. Created on first use, kept for the application's life; one check at a time.
 *
 * <p>Built by {@link IsolatedEngines}: out of Camunda's engine registry, which the webapps and the REST API serve.
 */
@Component
class PlanCheckEngine implements DisposableBean {

  /** The check's two models deployed in the bare engine (ids of that engine), and that engine to build plans. */
  record Deployed(String processKey, ProcessDefinition source, ProcessDefinition candidate,
      ProcessEngineServices engine) {
  }

  private ProcessEngine engine;

  /**
   * Deploys the candidate and the source model of its process key (none at a first deployment: sourceOfKey answers
   * null), runs the check on them and removes them. The candidate must hold exactly one executable process.
   */
  synchronized <T> T check(byte[] candidateBpmn, Function<String, byte[]> sourceOfKey, Function<Deployed, T> check) {
    if (candidateBpmn == null || candidateBpmn.length == 0) {
      throw new InvalidInputException("bpmn", "Model baru kosong.");
    }
    RepositoryService repository = engine().getRepositoryService();
    Deployment candidate;
    try {
      candidate = deploy(repository, "candidate", candidateBpmn);
    } catch (ProcessEngineException e) {
      throw new InvalidInputException("bpmn", "Model baru tidak dapat dibaca Camunda: " + e.getMessage());
    }
    Deployment source = null;
    try {
      List<ProcessDefinition> candidates = definitions(repository, candidate);
      if (candidates.size() != 1) {
        throw new InvalidInputException("bpmn", "Model baru harus berisi tepat satu proses yang dapat dijalankan (executable), berisi "
            + candidates.size() + ".");
      }
      ProcessDefinition candidateDefinition = candidates.get(0);
      ProcessDefinition sourceDefinition = null;
      byte[] sourceBpmn = sourceOfKey.apply(candidateDefinition.getKey());
      if (sourceBpmn != null) {
        source = deploy(repository, "source", sourceBpmn);
        sourceDefinition = definitions(repository, source).stream()
            .filter(d -> d.getKey().equals(candidateDefinition.getKey())).findFirst().orElseThrow();
      }
      return check.apply(new Deployed(candidateDefinition.getKey(), sourceDefinition, candidateDefinition,
          engine));
    } finally {
      repository.deleteDeployment(candidate.getId(), true);
      if (source != null) {
        repository.deleteDeployment(source.getId(), true);
      }
    }
  }

  private static Deployment deploy(RepositoryService repository, String name, byte[] bpmn) {
    // deployed without duplicate filtering: the source and the candidate may be the same XML (a renamed task only)
    return repository.createDeployment().name("plan-check-" + name)
        .addInputStream(name + ".bpmn", new ByteArrayInputStream(bpmn)).deploy();
  }

  private static List<ProcessDefinition> definitions(RepositoryService repository, Deployment deployment) {
    return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list();
  }

  private ProcessEngine engine() {
    if (engine == null) {
      // the cases' engine sets its own rules on what a model must declare; this one only compares models
      engine = IsolatedEngines.build("plan-check", configuration -> configuration.setEnforceHistoryTimeToLive(false));
    }
    return engine;
  }

  @Override
  public synchronized void destroy() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
