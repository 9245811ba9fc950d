package id.puskesos.rujukan.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request the application refuses because of what the user sent or asked for (bad input, a record that does not
 * exist, a role that may not, a state that does not allow it); nothing was written. The answer is a 4xx with the
 * message in Bahasa Indonesia: {@link ApiExceptionHandler} for {@code /api}, {@link EngineRestRefusals} for
 * {@code /engine-rest} (Tasklist's forms, whose delegates refuse bad input during the completion).
 *
 * <p>A {@link BadUserRequestException}, so that the engine logs a refusal thrown inside one of its commands at DEBUG
 * and not as an error: Camunda 7.24's {@code CommandContext} logs a failed command at ERROR ("ENGINE-16004 Exception
 * while closing command context") unless the exception is an {@code OptimisticLockingException},
 * {@code BadUserRequestException} or {@code AuthorizationException} (DEBUG) or a {@code TaskAlreadyClaimedException}
 * (INFO). A refusal that is no ProcessEngineException with a cause is also rethrown as it is by the engine's
 * activity behaviour, never turned into a BPMN error.
 */
public abstract class Refusal extends BadUserRequestException {

  protected Refusal(String message) {
    super(message);
  }

  /** The HTTP status of the answer. */
  public abstract int status();
}
