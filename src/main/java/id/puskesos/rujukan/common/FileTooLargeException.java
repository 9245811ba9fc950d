package id.puskesos.rujukan.common;

/** An uploaded file over its limit, e.g. "Berkas terlalu besar: maksimal 5 MB"; nothing was written. */
public class FileTooLargeException extends Refusal {

  public FileTooLargeException(long limit) {
    super(ApiRequestGuard.fileTooLarge(limit));
  }

  @Override
  public int status() {
    return 413;
  }
}
