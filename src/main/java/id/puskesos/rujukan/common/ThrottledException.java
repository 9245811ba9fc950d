package id.puskesos.rujukan.common;

/** A client that tried too often is held back: 429 with {@code Retry-After} ({@link ApiExceptionHandler}). */
public class ThrottledException extends Refusal {

  private final long retryAfterSeconds;

  public ThrottledException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public int status() {
    return 429;
  }
}
