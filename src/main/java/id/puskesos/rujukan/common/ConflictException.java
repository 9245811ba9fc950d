package id.puskesos.rujukan.common;

/** A request that the record's current state does not allow, such as withdrawing a closed case. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
