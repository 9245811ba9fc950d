package id.puskesos.rujukan.common;

/** A referral (or other record) that does not exist or that the caller may not see. */
public class NotFoundException extends Refusal {

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 404;
  }
}
