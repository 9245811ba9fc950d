package id.puskesos.rujukan.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The user name a request signs in with: HTTP Basic's (the APIs, the metrics), or the webapps' login form's, which
 * {@link LoginThrottle} reads and leaves as a request attribute. Never the password.
 */
public final class Credentials {

  /** Request attribute: the user name the webapps' login form was sent with. */
  public static final String LOGIN_FORM_USER = Credentials.class.getName() + ".loginFormUser";
  /** Request attribute: the user whose HTTP Basic password was checked and accepted for this request. */
  public static final String VERIFIED_USER = Credentials.class.getName() + ".verifiedUser";
  /** The webapps' login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  static final String WEBAPP_LOGIN = "^/camunda/api/admin/auth/user/[^/]+/login/[^/]+$";

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

  /** The user name the request tries to sign in with, at any door; null when it sends none. */
  public static String attemptedUser(HttpServletRequest request) {
    Object form = request.getAttribute(LOGIN_FORM_USER);
    return form instanceof String user ? user : basicUser(request);
  }

  /** Whether the request is the webapps' login form. */
  public static boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && path(request).matches(WEBAPP_LOGIN);
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
