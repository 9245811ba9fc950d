package id.puskesos.rujukan.common;

/** A request that the record's current state does not allow, such as withdrawing a closed case. */
public class ConflictException extends Refusal {

  public ConflictException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 409;
  }
}
