package id.puskesos.rujukan.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.web.filter.OncePerRequestFilter;


import id.puskesos.rujukan.common.Json;
import id.puskesos.rujukan.common.ApiExceptionHandler;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@link LoginThrottle} at every door that checks a password: HTTP Basic on {@code /api}, {@code /engine-rest} and the
 * metrics, and the webapps' login form. A user name held back at a client address is answered 429 with
 * {@code Retry-After} before its password is looked at. Only paths that check the credentials count: a 401 is a
 * failure; a password the engine accepted clears the count. The client address is the connection's peer as the container reports it
 * (behind a proxy, see docs/operations.md).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  /** The login form is a user name and a password: anything longer is not read. */
  static final int MAX_LOGIN_FORM = 8 * 1024;

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Credentials.path(request);
    String user;
    if (Credentials.isWebappLogin(request)) {
      byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM + 1);
      if (form.length > MAX_LOGIN_FORM) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      user = formValue(new String(form, StandardCharsets.UTF_8), "username");
      if (user != null) {
        request.setAttribute(Credentials.LOGIN_FORM_USER, user);
      }
      request = new ReplayedRequest(request, form);
    } else if (checksCredentials(path) && !PublicLetterCheck.isOpen(request) && !WhatsAppWebhook.isOpen(request)) {
      // (the public letter check and the gateway's webhook look at no credentials; each has a throttle of its own)
      user = Credentials.basicUser(request);
    } else {
      user = null;
    }
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String client = request.getRemoteAddr();
    long wait = throttle.waitSeconds(user, client);
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(wait));
      String message = "Terlalu banyak percobaan masuk yang gagal untuk pengguna ini dari alamat ini. Coba lagi dalam "
          + "%d detik.".formatted(wait);
      if (path.startsWith("/api/") || ApiAuthentication.isApiDocs(path)) {
        // the domain API answers every error as an RFC 9457 problem (common.ApiExceptionHandler)
        response.setContentType("application/problem+json");
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(
            ApiExceptionHandler.Problem.LOGIN_THROTTLED.body(429, message, request.getRequestURI())));
      } else {
        response.setContentType("application/json");
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(Map.of("message", message, "errors", List.of())));
      }
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, client);
    } else if (user.equals(request.getAttribute(Credentials.VERIFIED_USER))
        || Credentials.isWebappLogin(request) && response.getStatus() == HttpServletResponse.SC_OK) {
      // only a password the engine accepted clears the count: a request answered before its credentials were
      // checked (a body too large, a closed endpoint, a missing CSRF token) tells nothing about them
      throttle.succeeded(user, client);
    }
  }

  /**
   * Whether every request on the path has its Basic credentials checked: the APIs (except Camunda's list of engines,
   * {@code /engine-rest/engine}, which is open) and the actuator except health. Elsewhere a request's credentials
   * are not looked at, so its answer tells nothing about them.
   */
  static boolean checksCredentials(String path) {
    if (path.startsWith("/api/") || ApiAuthentication.isApiDocs(path)) {
      return true;
    }
    if (path.startsWith("/engine-rest/")) {
      return !path.equals("/engine-rest/engine") && !path.equals("/engine-rest/engine/");
    }
    return (path.equals("/actuator") || path.startsWith("/actuator/")) && !MetricsAccess.isHealth(path);
  }

  /** A value of a form ({@code application/x-www-form-urlencoded}), decoded; null when it is not there. */
  static String formValue(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }
}
