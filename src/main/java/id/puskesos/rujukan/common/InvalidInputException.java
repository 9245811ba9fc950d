package id.puskesos.rujukan.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule; nothing was written. The message lists every field so that Tasklist, which shows only
 * the message, tells staff all that needs fixing at once.
 */
public class InvalidInputException extends Refusal {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super("Data tidak valid: " + errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public int status() {
    return 400;
  }
}
