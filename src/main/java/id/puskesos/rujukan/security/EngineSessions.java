package id.puskesos.rujukan.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Puts a subclass of one of the engine's managers (a command context session) in place of the engine's own. */
final class EngineSessions {

  private EngineSessions() {
  }

  /** From now on the engine opens {@code type}'s session through {@code session}; call in a plugin's preInit. */
  static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> session) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return session.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
