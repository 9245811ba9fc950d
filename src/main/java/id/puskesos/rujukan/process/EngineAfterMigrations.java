package id.puskesos.rujukan.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the engine only after Flyway migrated the database: the engine's own tables come from a migration
 * ({@code V11__Camunda_engine_schema}), and in production the engine runs with schema-update off, so it must find
 * them in place. Without Flyway (not configured) nothing changes.
 */
@Component
public class EngineAfterMigrations implements BeanFactoryPostProcessor {

  static final String FLYWAY = "flywayInitializer";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(FLYWAY)) {
      return;
    }
    List<String> engines = new ArrayList<>();
    engines.addAll(List.of(beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false)));
    engines.addAll(List.of(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)));
    for (String name : engines) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name.startsWith("&") ? name.substring(1) : name);
      List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
          : Arrays.asList(definition.getDependsOn()));
      if (!dependsOn.contains(FLYWAY)) {
        dependsOn.add(FLYWAY);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    }
  }
}
