package id.puskesos.rujukan.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * One process variable, declared once: its name, the Java type code reads and writes, how a value the engine holds
 * becomes that type (forms send numbers as Integer, Long, Double or text, lists as JSON, the API as Java values) and
 * how a value is stored, and whether the engine's history may keep it. Code reads {@code NEEDS.get(execution)} and
 * writes {@code NEEDS.set(execution, needs)}, never a name and a cast; {@link #name()} is for the few places that
 * name the variable itself (a form field in a validation message, a query). Constants live in one class per process.
 *
 * @param <T> the type code sees
 */
public final class Variable<T> {

  /** Turns the value the engine holds (never null) into the variable's type. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(String name, Object value);
  }

  /** Turns the variable's type into what the engine stores: a plain Java value or a {@link TypedValue}. */
  @FunctionalInterface
  public interface Writer<T> {
    Object write(T value);
  }

  /** Whether the engine's history keeps the variable's values; see docs/history.md. */
  public enum History {
    /** Kept for the retention period: the audit trail, the reports or the timeline need it. */
    KEPT,
    /** Never written to the history: personal data or free text the audit does not need. */
    NOT_KEPT
  }

  private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
  };

  private final String name;
  private final Class<?> type;
  private final Reader<T> reader;
  private final Writer<T> writer;
  private final Supplier<T> absent;
  private final History history;

  private Variable(String name, Class<?> type, Reader<T> reader, Writer<T> writer, Supplier<T> absent,
      History history) {
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.reader = reader;
    this.writer = writer;
    this.absent = absent;
    this.history = history;
  }

  // ---- the kinds of variable ----------------------------------------------------------------------------------

  /** Text, trimmed; null when absent or blank. */
  public static Variable<String> text(String name) {
    return new Variable<>(name, String.class, (n, v) -> blankToNull(v.toString()), v -> v, () -> null, History.KEPT);
  }

  /** A yes/no; false when absent; "true" as text counts (forms, the API). */
  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, Boolean.class,
        (n, v) -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()), v -> v, () -> false,
        History.KEPT);
  }

  /** A whole number (amounts, ids), stored as Long; null when absent; rounds a decimal, refuses text. */
  public static Variable<Long> wholeNumber(String name) {
    return new Variable<>(name, Long.class, Variable::toLong, v -> v, () -> null, History.KEPT);
  }

  /** A small whole number (counts, the desil), stored as Integer; read like {@link #wholeNumber}. */
  public static Variable<Integer> count(String name) {
    return new Variable<>(name, Integer.class, (n, v) -> {
      Long value = toLong(n, v);
      return value == null ? null : Math.toIntExact(value);
    }, v -> v, () -> null, History.KEPT);
  }

  /** A moment (a timer's due date), stored as a {@link Date}; read from a Date or ISO-8601 text. Null when absent. */
  public static Variable<Date> moment(String name) {
    return new Variable<>(name, Date.class, (n, v) -> v instanceof Date d ? d
        : Date.from(java.time.OffsetDateTime.parse(v.toString().trim()).toInstant()), v -> v, () -> null,
        History.KEPT);
  }

  /** A list of ids stored as a serialised Java list of Long, for multi-instance collections. Empty when absent. */
  public static Variable<List<Long>> wholeNumbers(String name) {
    return new Variable<>(name, List.class, (n, v) -> {
      List<Long> ids = new ArrayList<>();
      for (String item : toStrings(n, v)) {
        ids.add(toLong(n, item));
      }
      return ids;
    }, v -> v == null ? null : new ArrayList<>(v), ArrayList::new, History.KEPT);
  }

  /**
   * A list of codes stored as a serialised Java list (JSON, the engine's default format), for gateways and
   * multi-instance collections; read from a JSON array, a Java collection or JSON text. Empty when absent.
   */
  public static Variable<List<String>> list(String name) {
    return new Variable<>(name, List.class, Variable::toStrings, v -> v == null ? null : new ArrayList<>(v),
        ArrayList::new, History.KEPT);
  }

  /** A list of codes stored as a Spin JSON array, the type Camunda Forms read into checklists. Empty when absent. */
  public static Variable<List<String>> jsonList(String name) {
    return new Variable<>(name, List.class, Variable::toStrings,
        v -> v == null ? null : SpinValues.jsonValue(Json.write(v)).create(), ArrayList::new, History.KEPT);
  }

  /**
   * The options of a checklist's {@code valuesKey}, value to label, stored as a Spin JSON array of
   * {@code {label, value}}; read back in their order.
   */
  public static Variable<Map<String, String>> options(String name) {
    return new Variable<>(name, Map.class, Variable::toOptions, v -> {
      if (v == null) {
        return null;
      }
      List<Map<String, String>> options = new ArrayList<>();
      v.forEach((value, label) -> options.add(Map.of("label", label, "value", value)));
      return SpinValues.jsonValue(Json.write(options)).create();
    }, LinkedHashMap::new, History.KEPT);
  }

  /** The rows of a decision table's result list ({@code mapDecisionResult="resultList"}), as the engine gives them. */
  public static Variable<List<Map<String, Object>>> rows(String name) {
    return new Variable<>(name, List.class, (n, v) -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      if (v instanceof Collection<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            entries.forEach((key, value) -> row.put(String.valueOf(key), value));
            rows.add(row);
          }
        }
      }
      return rows;
    }, v -> v, ArrayList::new, History.KEPT);
  }

  /** The variables a constants class declares ({@code public static final Variable<?>} fields), in their order. */
  public static List<Variable<?>> declaredIn(Class<?> constants) {
    List<Variable<?>> variables = new ArrayList<>();
    for (java.lang.reflect.Field field : constants.getFields()) {
      if (field.getType() == Variable.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        try {
          variables.add((Variable<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return variables;
  }

  /** The same variable, never written to the engine's history. */
  public Variable<T> notInHistory() {
    return new Variable<>(name, type, reader, writer, absent, History.NOT_KEPT);
  }

  // ---- use ----------------------------------------------------------------------------------------------------

  public String name() {
    return name;
  }

  public Class<?> type() {
    return type;
  }

  public History history() {
    return history;
  }

  public T get(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public T getLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  /** The variable's value in a map of variables (a form submission, a start request). */
  public T from(Map<String, ?> variables) {
    return read(variables.get(name));
  }

  /** A value the engine holds (from a query or a service call), as the variable's type. */
  public T read(Object value) {
    if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    return value == null ? absent.get() : reader.read(name, value);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, write(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, write(value));
  }

  /** Adds the value, as the engine stores it, to a map of variables (starting a process, correlating a message). */
  public Map<String, Object> put(Map<String, Object> variables, T value) {
    variables.put(name, write(value));
    return variables;
  }

  /** The value as the engine stores it. */
  public Object write(T value) {
    return value == null ? null : writer.write(value);
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- readers ------------------------------------------------------------------------------------------------

  private static String blankToNull(String text) {
    String trimmed = text.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static Long toLong(String name, Object value) {
    if (value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim()).setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidInputException(name, name + " harus berupa angka");
    }
  }

  /** A list of strings from a JSON array (Camunda Forms), a Java collection (API) or JSON text. */
  public static List<String> toStrings(String name, Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
      }
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> result.add(String.valueOf(item)));
    } else if (value instanceof String text && text.trim().startsWith("[")) {
      try {
        for (Object item : Json.MAPPER.readValue(text, LIST)) {
          result.add(String.valueOf(item));
        }
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not a JSON list: " + text, e);
      }
    }
    return result;
  }

  private static Map<String, String> toOptions(String name, Object value) {
    Map<String, String> options = new LinkedHashMap<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> options.put(e.prop("value").stringValue(), e.prop("label").stringValue()));
    }
    return options;
  }
}
