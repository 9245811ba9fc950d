package id.puskesos.rujukan.process;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.partner.PartnerReferrals;

/**
 * The application's own delegates for the process tests on a plain engine: every {@code @Component} of the main code
 * that the engine calls (a {@link JavaDelegate}, {@link TaskListener} or {@link ExecutionListener}) and every bean the
 * models read ({@link ModelExpressions#MODEL_BEANS}), found as Spring's component scan finds them and registered for
 * the test thread under the name Spring gives them, the name the models' {@code ${...}} expressions use.
 * <p>
 * Each is built through its constructor, like Spring builds it, with one Mockito mock per collaborator type (the
 * services, the case file, the engine's services): a test stubs on {@link #mock(Class)} what its gateways need and
 * verifies there what the delegate passed on. Only the glue between a delegate and its service is built for real
 * ({@link #REAL}), so that it is tested with the delegates.
 */
final class RealDelegates {

  /** The package Spring scans. */
  static final String BASE_PACKAGE = ClassUtils.getPackageName(RujukanApplication.class);

  /** Collaborators that are part of the glue: built for real, with mocks of their own collaborators. */
  private static final Set<Class<?>> REAL = Set.of(PartnerReferrals.class);

  private static final String COMPONENT = Component.class.getName();

  /** The scan's finds by bean name, once per test run. */
  private static Map<String, Class<?>> components;

  private final Map<Class<?>, Object> collaborators = new HashMap<>();
  private final Map<String, Object> beans = new TreeMap<>();

  private RealDelegates() {
  }

  /** Builds every delegate and model bean and registers them for the current test thread. */
  static RealDelegates register() {
    RealDelegates delegates = new RealDelegates();
    components().forEach((name, type) -> {
      Object bean = delegates.build(type);
      delegates.beans.put(name, bean);
      Mocks.register(name, bean);
    });
    return delegates;
  }

  /** The components of the main code the models may name, by bean name. */
  static synchronized Map<String, Class<?>> components() {
    if (components == null) {
      Map<String, Class<?>> found = new TreeMap<>();
      for (BeanDefinition definition : scan()) {
        found.put(new AnnotationBeanNameGenerator().generateBeanName(definition, new SimpleBeanDefinitionRegistry()),
            load(definition));
      }
      components = Collections.unmodifiableMap(found);
    }
    return components;
  }

  private static Set<BeanDefinition> scan() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    scanner.resetFilters(false);
    ModelExpressions.DELEGATE_TYPES.forEach(type -> scanner.addIncludeFilter(new AssignableTypeFilter(type)));
    scanner.addIncludeFilter((reader, factory) -> ModelExpressions.MODEL_BEANS.contains(
        new AnnotationBeanNameGenerator().generateBeanName(new ScannedGenericBeanDefinition(reader),
            new SimpleBeanDefinitionRegistry())));
    // of what the include filters match, only the components are beans
    scanner.addExcludeFilter((reader, factory) -> !reader.getAnnotationMetadata().hasAnnotation(COMPONENT)
        && !reader.getAnnotationMetadata().hasMetaAnnotation(COMPONENT));
    return scanner.findCandidateComponents(BASE_PACKAGE);
  }

  /** The registered beans by name. */
  Map<String, Object> beans() {
    return beans;
  }

  /** The mock every delegate got for this collaborator type. */
  <T> T mock(Class<T> type) {
    Object collaborator = collaborator(type);
    if (REAL.contains(type)) {
      throw new IllegalArgumentException(type.getSimpleName() + " is built for real");
    }
    return type.cast(collaborator);
  }

  private Object collaborator(Class<?> type) {
    Object existing = collaborators.get(type);
    if (existing == null) {
      existing = REAL.contains(type) ? build(type) : Mockito.mock(type);
      collaborators.put(type, existing);
    }
    return existing;
  }

  /** Through the constructor Spring would use: the only one (the main code injects through constructors). */
  private Object build(Class<?> type) {
    Constructor<?>[] constructors = type.getConstructors();
    if (constructors.length != 1) {
      throw new IllegalStateException(type.getName() + " should have one public constructor, has "
          + constructors.length);
    }
    Parameter[] parameters = constructors[0].getParameters();
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Value value = parameters[i].getAnnotation(Value.class);
      arguments[i] = value != null ? defaultOf(value.value()) : collaborator(parameters[i].getType());
    }
    try {
      return constructors[0].newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + type.getName(), e);
    }
  }

  /** A {@code @Value("${key:default}")} gets its default, as without the property. */
  private static String defaultOf(String placeholder) {
    int colon = placeholder.indexOf(':');
    if (!placeholder.startsWith("${") || colon < 0) {
      throw new IllegalStateException("No default in " + placeholder);
    }
    return placeholder.substring(colon + 1, placeholder.length() - 1);
  }

  private static Class<?> load(BeanDefinition definition) {
    try {
      return Class.forName(definition.getBeanClassName());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
