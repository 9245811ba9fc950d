package id.puskesos.rujukan.common;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * A user's command that meets a job of the same case at the same moment (a save point's job running on any node)
 * is refused by the engine with an optimistic locking failure; its whole transaction was rolled back, so it is run
 * again, briefly later. Only after several tries does the caller get a 409 ("sedang diproses").
 */
public final class ConcurrentChange {

  static final int ATTEMPTS = 4;

  private ConcurrentChange() {
  }

  public static <T> T retry(Supplier<T> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command.get();
      } catch (OptimisticLockingException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
