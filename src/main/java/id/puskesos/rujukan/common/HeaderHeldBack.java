package id.puskesos.rujukan.common;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** A response on which one header, once decided by a filter, can no longer be set or added by what runs after it. */
public final class HeaderHeldBack extends HttpServletResponseWrapper {

  private final String header;

  public HeaderHeldBack(HttpServletResponse response, String header) {
    super(response);
    this.header = header;
  }

  @Override
  public void setHeader(String name, String value) {
    if (!header.equalsIgnoreCase(name)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!header.equalsIgnoreCase(name)) {
      super.addHeader(name, value);
    }
  }
}
