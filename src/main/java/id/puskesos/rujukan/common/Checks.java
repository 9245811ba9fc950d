package id.puskesos.rujukan.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with one input before failing, so staff and integrators learn all of them at once.
 * Messages are in Bahasa Indonesia and never echo personal data.
 */
public final class Checks {

  private final List<FieldError> errors = new ArrayList<>();
  private final List<FieldError> warnings = new ArrayList<>();

  /** The value, trimmed; records "wajib diisi" when it is missing or blank. */
  public String required(String field, String value, String label) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, label + " wajib diisi"));
      return null;
    }
    return value.trim();
  }

  /** The enum constant named by the value; records the allowed values when it is missing or unknown. */
  public <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, String label) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, label + " wajib diisi"));
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value.trim())) {
        return constant;
      }
    }
    errors.add(new FieldError(field, "%s tidak dikenal; pilihan: %s".formatted(label, names(type))));
    return null;
  }

  /** An ISO date (forms send {@code 2026-11-27}); records a message when it is missing (if required) or malformed. */
  public LocalDate date(String field, String value, String label, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, label + " wajib diisi"));
      }
      return null;
    }
    try {
      String v = value.trim();
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, label + " harus berformat TTTT-BB-HH, misalnya 2026-07-21"));
      return null;
    }
  }

  public void check(boolean ok, String field, String message) {
    if (!ok) {
      errors.add(new FieldError(field, message));
    }
  }

  public void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Something odd that does not stop the input, e.g. a region code this installation does not know. */
  public void warn(String field, String message) {
    warnings.add(new FieldError(field, message));
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public List<FieldError> warnings() {
    return List.copyOf(warnings);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public boolean hasError(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static String names(Class<? extends Enum<?>> type) {
    List<String> names = new ArrayList<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    return String.join(", ", names);
  }
}
