package id.puskesos.rujukan.common;

/** The caller is authenticated but their role may not do this. */
public class ForbiddenException extends Refusal {

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }
}
