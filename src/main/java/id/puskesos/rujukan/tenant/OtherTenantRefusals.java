package id.puskesos.rujukan.tenant;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.springframework.stereotype.Component;

/**
 * A command on another Puskesos's task or case (claiming, completing, reading its variables by id) is refused as an
 * authorization failure, so that every surface answers 403 as for any other missing permission: the engine's tenant
 * check throws a plain {@code ProcessEngineException} ("ENGINE-13034 ... belongs to no authenticated tenant"), which
 * Camunda's REST API and the webapps' API answer as a server error (500). Nothing else about the check changes: the
 * engine's own checker decides, this only changes how its refusal is thrown.
 */
@Component
public class OtherTenantRefusals extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandChecker> checkers = configuration.getCommandCheckers();
    checkers.replaceAll(checker -> checker instanceof TenantCommandChecker ? refusingAsUnauthorized(checker)
        : checker);
  }

  private static CommandChecker refusingAsUnauthorized(CommandChecker tenantCheck) {
    return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
          try {
            return method.invoke(tenantCheck, args);
          } catch (InvocationTargetException e) {
            Throwable refusal = e.getCause();
            if (refusal instanceof ProcessEngineException && !(refusal instanceof AuthorizationException)
                && refusal.getMessage() != null && refusal.getMessage().contains("no authenticated tenant")) {
              throw new AuthorizationException(refusal.getMessage());
            }
            throw refusal;
          }
        });
  }
}
