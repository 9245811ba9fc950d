package id.puskesos.rujukan.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

/** The user name a request signs in with over HTTP Basic (the APIs, the metrics), and the path it asks for. */
public final class Credentials {

  private Credentials() {
  }

  /** The user name of the request's HTTP Basic credentials, or null without any (or malformed ones). */
  public static String basicUser(HttpServletRequest request) {
    String[] basic = basic(request);
    return basic == null ? null : basic[0];
  }

  /** User name and password of the request's HTTP Basic credentials, or null; the password goes nowhere else. */
  static String[] basic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The request's path within the application as the container routes it: decoded and normalised, without path
   * parameters ({@code ;jsessionid=...}), so {@code /engine-rest//identity/verify;x} is {@code /engine-rest/identity/verify}.
   */
  public static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }
}
