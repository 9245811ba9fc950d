package id.puskesos.rujukan.process;
// Size: the whole allow-list of what a model expression may call, kept in one place to be reviewed at once.

import java.beans.FeatureDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a deployed model can reach ({@code ${...}} in BPMN, JUEL in DMN, the Tasklist filters): the
 * case's variables and the execution's or task's read-only accessors, the delegates by name (for the engine to call),
 * the beans in {@link #MODEL_BEANS} (read, never set), and the read-only methods of plain values (text, numbers,
 * dates, lists and maps).
 *
 * <p>Camunda's Spring starter resolves every bean of the application context in expressions and lets them call any
 * public method of anything they reach, so a model deployed by the analyst could run
 * {@code ${identityService.createMembership(...)}}, {@code ${execution.getProcessEngineServices()...}} or
 * {@code ${''.getClass().forName(...)...}} with the engine's full power. Restricting the beans
 * ({@code SpringExpressionManager}'s bean map) closes the first only; the others reach everything through method
 * calls, so an allow-list resolver placed first in the chain sees every method call and property read on an object
 * and refuses all but the above. An allow-list rather than a list of dangerous types: the engine's objects lead to its
 * services and the JDK to reflection by more paths than a list would name.
 */
public class ModelExpressions extends SpringExpressionManager {

  /**
   * The beans the models read besides the delegates: the settings of their timers and the evaluation's helpers. A
   * bean added here is readable by every model an analyst deploys: add only beans whose public methods read.
   */
  public static final Set<String> MODEL_BEANS = Set.of("referralSettings", "registrySettings", "evaluationSettings",
      "reportSettings", "evaluationParticipants", "evaluationActions");

  /** Beans of these types are the delegates: the engine calls them, expressions only name them. */
  static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class,
      ExecutionListener.class);

  private final ModelBeans beans;

  public ModelExpressions(ApplicationContext context) {
    this(context, new ModelBeans(context));
  }

  private ModelExpressions(ApplicationContext context, ModelBeans beans) {
    super(context, beans);
    this.beans = beans;
  }

  /** The beans an expression may name, for the engine's configuration. */
  public Map<Object, Object> beans() {
    return beans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new AllowList(beans));
    // variables, execution/task, the listed beans (ReadOnlyMapELResolver over the map), lists, maps, properties
    resolver.add(super.createElResolver());
    resolver.add(new UnlistedBean(applicationContext));
    return resolver;
  }

  static String refusedMember(Object base, String member, boolean call) {
    return ("Ekspresi tidak boleh %s '%s' pada %s: model hanya membaca variabel kasus, nilai biasa dan bean yang "
        + "terdaftar untuk model (docs/security.md, Analysts and models)").formatted(call ? "memanggil" : "membaca",
            member, ClassUtils.getUserClass(base).getSimpleName());
  }

  /**
   * The beans of the application an expression may name: the delegates, and the beans in {@link #MODEL_BEANS}. A map
   * for {@code ReadOnlyMapELResolver} that looks beans up when asked, since the engine is built before most beans.
   */
  static final class ModelBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private final Map<String, Boolean> listed = new ConcurrentHashMap<>();
    /** The instances of {@link #MODEL_BEANS} handed out, whose read methods expressions may call. */
    private final Set<Object> readable = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    ModelBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && listed.computeIfAbsent(name, this::mayBeNamed);
    }

    @Override
    public Object get(Object key) {
      if (!containsKey(key)) {
        return null;
      }
      Object bean = context.getBean((String) key);
      if (MODEL_BEANS.contains(key)) {
        readable.add(bean);
      }
      return bean;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Set<String> names = new TreeSet<>(MODEL_BEANS);
      DELEGATE_TYPES.forEach(type -> names.addAll(List.of(context.getBeanNamesForType(type, false, false))));
      Map<Object, Object> entries = new LinkedHashMap<>();
      names.stream().filter(this::containsKey).forEach(name -> entries.put(name, get(name)));
      return Collections.unmodifiableMap(entries).entrySet();
    }

    boolean isReadable(Object bean) {
      return readable.contains(bean);
    }

    private boolean mayBeNamed(String name) {
      if (!context.containsBean(name)) {
        return false;
      }
      return MODEL_BEANS.contains(name) || DELEGATE_TYPES.stream().anyMatch(type -> context.isTypeMatch(name, type));
    }
  }

  /**
   * First in the chain: sees every property read and method call on an object and refuses those not on the allow
   * list; what it lets through is resolved by the resolvers after it.
   */
  static final class AllowList extends ELResolver {

    /** Never, on anything: the way from any object to reflection, and the monitor methods. */
    private static final Set<String> NEVER = Set.of("getClass", "class", "getDeclaringClass", "declaringClass",
        "getClassLoader", "classLoader", "wait", "notify", "notifyAll");
    /** The execution's, the task's and a decision's variable context's reads. */
    private static final Set<String> SCOPE_READS = Set.of("getVariable", "getVariableLocal", "getVariables",
        "getVariablesLocal", "hasVariable", "hasVariableLocal", "hasVariables", "hasVariablesLocal",
        "getVariableNames", "getVariableNamesLocal", "getProcessBusinessKey", "getBusinessKey",
        "getProcessInstanceId", "getProcessDefinitionId", "getId", "getActivityInstanceId", "getCurrentActivityId",
        "getCurrentActivityName", "getEventName", "getTenantId", "getTaskDefinitionKey", "getName", "getDescription",
        "getPriority", "getDueDate", "getFollowUpDate", "getCreateTime", "getAssignee", "getOwner",
        "containsVariable", "keySet");
    /** Lists, sets and maps are read, never changed (a setting's list is the setting). */
    private static final Set<String> COLLECTION_READS = Set.of("size", "isEmpty", "contains", "containsAll", "get",
        "getOrDefault", "containsKey", "containsValue", "indexOf", "lastIndexOf", "keySet", "values", "subList",
        "equals", "hashCode", "toString");
    private static final Set<String> ENUM_READS = Set.of("name", "ordinal", "toString", "equals", "compareTo",
        "hashCode");

    private final ModelBeans beans;

    AllowList(ModelBeans beans) {
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base != null && !mayRead(base, String.valueOf(property))) {
        throw new ELException(refusedMember(base, String.valueOf(property), false));
      }
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (base != null && !mayCall(base, String.valueOf(method))) {
        throw new ELException(refusedMember(base, String.valueOf(method), true));
      }
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        // expressions read; a model writes variables through its input/output mappings
        throw new ELException(refusedMember(base, String.valueOf(property), true));
      }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (base != null && !mayRead(base, String.valueOf(property))) {
        throw new ELException(refusedMember(base, String.valueOf(property), false));
      }
      return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }

    /** A property read: a map's key, a list's or array's index, or a getter the base may be called on. */
    boolean mayRead(Object base, String property) {
      if (NEVER.contains(property)) {
        return false;
      }
      if (base instanceof Map<?, ?>) {
        return true;
      }
      if ((base instanceof List<?> || base.getClass().isArray()) && property.chars().allMatch(Character::isDigit)) {
        return true;
      }
      String capitalised = property.isEmpty() ? property
          : Character.toUpperCase(property.charAt(0)) + property.substring(1);
      return mayCall(base, "get" + capitalised) || mayCall(base, "is" + capitalised);
    }

    /** A method call. */
    boolean mayCall(Object base, String method) {
      if (NEVER.contains(method) || !hasInstanceMethod(base, method)) {
        // static methods are reachable through an instance in EL: Integer.getInteger reads system properties
        return false;
      }
      if (base instanceof Collection<?> || base instanceof Map<?, ?>) {
        // before the scopes: the variables' VariableMap is a map and a variable context
        return COLLECTION_READS.contains(method);
      }
      if (base instanceof VariableScope || base instanceof VariableContext) {
        return SCOPE_READS.contains(method);
      }
      if (base instanceof Enum<?>) {
        return ENUM_READS.contains(method);
      }
      if (base instanceof Date) {
        return !method.startsWith("set");
      }
      if (isValue(base.getClass())) {
        return true;
      }
      // the listed settings and helpers: read, never set
      return beans.isReadable(base) && !method.startsWith("set");
    }

    /** Immutable values: text, numbers, booleans, java.time and Joda-Time (the Tasklist filters' dateTime()). */
    private static boolean isValue(Class<?> type) {
      String pkg = type.getPackageName();
      if (type == String.class || type == Boolean.class || type == Character.class) {
        return true;
      }
      if (Number.class.isAssignableFrom(type)) {
        return pkg.equals("java.lang") || pkg.equals("java.math");
      }
      return pkg.equals("java.time") || pkg.equals("org.joda.time") && !type.getSimpleName().startsWith("Mutable");
    }

    private static boolean hasInstanceMethod(Object base, String name) {
      return INSTANCE_METHODS.get(base.getClass()).contains(name);
    }

    /** The names of each class's public instance methods. */
    private static final ClassValue<Set<String>> INSTANCE_METHODS = new ClassValue<>() {
      @Override
      protected Set<String> computeValue(Class<?> type) {
        Set<String> names = new java.util.HashSet<>();
        for (Method method : type.getMethods()) {
          if (!Modifier.isStatic(method.getModifiers())) {
            names.add(method.getName());
          }
        }
        return Set.copyOf(names);
      }
    };
  }

  /**
   * Last in the chain: an identifier nothing resolved that names a bean of the application. Without it the
   * expression fails as an unknown property; this says that the bean exists and is not for models.
   */
  static final class UnlistedBean extends ELResolver {

    private final ApplicationContext context;

    UnlistedBean(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public Object getValue(ELContext elContext, Object base, Object property) {
      if (base == null && property instanceof String name && context.containsBean(name)) {
        throw new ELException(("Ekspresi tidak boleh memakai bean '%s': model hanya memakai variabel kasus, "
            + "delegasi dan bean yang terdaftar untuk model (%s; docs/security.md, Analysts and models)")
            .formatted(name, String.join(", ", new TreeSet<>(MODEL_BEANS))));
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext elContext, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext elContext, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext elContext, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
      return null;
    }
  }
}
