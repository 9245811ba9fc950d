package id.puskesos.rujukan.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Models run no code beyond the application's delegates (docs/security.md, "Analysts and models"): expressions reach
 * only what {@link ModelExpressions} allows, deployments are checked against {@link ModelRules}, and the engine has no
 * script engine at all, so a script that got past the rules (or a decision table in a script language deployed before
 * them) fails rather than runs. A task a model gives to a person or to a group that does not work cases is not
 * created. Deleting models is the administrators' ({@link AdministratorsOwnModels}).
 */
@Component
public class ModelGuardPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public ModelGuardPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // replaces the starter's SpringExpressionManager over the whole context; the engine's functions (currentUser(),
    // now(), dateTime()) and Spin's are added to this one after preInit
    ModelExpressions expressions = new ModelExpressions(context);
    configuration.setExpressionManager(expressions);
    configuration.setBeans(expressions.beans());

    configuration.setBpmnParseFactory(ModelRules::bpmnParse);
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new ModelRules.DeploymentCheck());

    ParseHooks.onUserTask(configuration, (activity, definition) ->
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, ModelRules::checkTaskHolders));

    configuration.setScriptEngineResolver(new NoScripts());
    configuration.setEnableFetchScriptEngineFromProcessApplication(false);

    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    boolean othersDeploy = context.getEnvironment().getProperty("rujukan.model-change.analyst-deploys-directly",
        Boolean.class, false);
    configuration.getCustomPreCommandInterceptorsTxRequired()
        .add(new AdministratorsOwnModels(configuration, othersDeploy));
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequiresNew()
        .add(new AdministratorsOwnModels(configuration, othersDeploy));
  }

  /**
   * Deleting a deployment or a process definition is the administrators' ({@code camunda-admin}), whatever the
   * grants say. Camunda's DELETE on a deployment is all or nothing (a cascade deletes every instance that runs on it
   * and its history), and Camunda gives whoever deploys READ and DELETE on that deployment
   * ({@code DefaultAuthorizationProvider.newDeployment}): without this rule the analyst could cascade-delete his own
   * new version of a model, and every case started on it. Deploying is theirs too, unless
   * {@code rujukan.model-change.analyst-deploys-directly} (the demo's test server) lets the analyst deploy as Camunda
   * Modeler does. Calls without a signed-in user (the application, its tests) are not concerned.
   */
  static final class AdministratorsOwnModels extends CommandInterceptor {

    private static final Set<Class<?>> DELETIONS = Set.of(DeleteDeploymentCmd.class,
        DeleteProcessDefinitionsByIdsCmd.class, DeleteProcessDefinitionsByKeyCmd.class);

    private static final String DELETE = "Pengguna '%s' tidak boleh menghapus deployment atau definisi proses: "
        + "hanya administrator (camunda-admin), karena penghapusan dengan cascade menghapus kasus yang berjalan "
        + "(docs/security.md, Analysts and models)";
    private static final String DEPLOY = "Pengguna '%s' tidak men-deploy langsung: ajukan perubahan lewat "
        + "POST /api/model-changes, yang diperiksa, disimulasikan, disetujui koordinator dan di-deploy administrator "
        + "(docs/analyst-guide.md)";

    private final ProcessEngineConfigurationImpl configuration;
    private final boolean othersDeploy;

    /**
     * {@code othersDeploy}: whether a signed-in user other than an administrator (the analyst, by his grant) may
     * deploy straight to the engine; where not, a change of the models reaches the cases only as an approved model
     * change, which an administrator deploys (docs/analyst-guide.md).
     */
    AdministratorsOwnModels(ProcessEngineConfigurationImpl configuration, boolean othersDeploy) {
      this.configuration = configuration;
      this.othersDeploy = othersDeploy;
    }

    @Override
    public <T> T execute(Command<T> command) {
      boolean deletion = DELETIONS.contains(command.getClass());
      boolean deployment = !othersDeploy && command instanceof DeployCmd;
      if ((deletion || deployment) && configuration.isAuthorizationEnabled()) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user != null && !isAdministrator(user)) {
          throw new AuthorizationException((deletion ? DELETE : DEPLOY).formatted(user.getUserId()));
        }
      }
      return next.execute(command);
    }

    private boolean isAdministrator(Authentication user) {
      List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      return configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())
          || configuration.getAdminGroups() != null && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
    }
  }

  /** The engine's script engines (BPMN scripts, JUEL scripts with their class imports, DMN in a script language). */
  static final class NoScripts implements ScriptEngineResolver {

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
      // none: scripts are off
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return new ScriptEngineManager(ClassLoader.getPlatformClassLoader());
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw new ProcessEngineException(("Skrip tidak dijalankan di Rujukan: bahasa '%s' dimatikan "
          + "(docs/security.md, Analysts and models)").formatted(language));
    }
  }
}
