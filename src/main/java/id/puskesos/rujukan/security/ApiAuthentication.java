package id.puskesos.rujukan.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * HTTP Basic against the engine's users for the domain API ({@code /api/*}) and Camunda's REST API
 * ({@code /engine-rest/*}), which the starter would otherwise leave open. Camunda's own filter authenticates the
 * engine for the request, so the engine knows who acts. Wrong passwords are throttled per user name and client in
 * front of it ({@link LoginThrottleFilter}). The webapps keep their own session login. The domain API's OpenAPI
 * description ({@link #API_DOCS}) is behind the same login: it is for the application's users, not the public. The
 * exceptions are the public letter check ({@link PublicLetterCheck}) and the WhatsApp gateway's webhook
 * ({@link WhatsAppWebhook}, its own shared secret). So that staff who signed in to Tasklist open
 * the board and the case page without a second login, their reads ({@link #sessionMaySignIn}) may come with the
 * webapps' session instead of Basic credentials (docs/security.md).
 */
@Configuration
public class ApiAuthentication {

  /** Where springdoc serves the description of {@code /api}: JSON, its groups, and YAML. */
  public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/*", "/v3/api-docs.yaml"};

  /**
   * The only request the webapps' session signs in to: reading the board's figures. Read-only, so the webapps' CSRF
   * token is not asked for; every other method and path of {@code /api} takes HTTP Basic only.
   */

  /** Whether the path is the domain API's description. */
  public static boolean isApiDocs(String path) {
    return path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.equals("/v3/api-docs.yaml");
  }

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> domainApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        basicAuthentication("domainApiAuthentication", "/api/*", new ExceptPublicLetterCheck());
    registration.addUrlPatterns(API_DOCS);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engineRestAuthentication", "/engine-rest/*", new ProcessEngineAuthenticationFilter());
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name,
      String urlPattern, ProcessEngineAuthenticationFilter filter) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        AcceptedBasicCredentials.class.getName());
    return registration;
  }

  /**
   * Whether a request may be signed in by the webapps' session instead of HTTP Basic: reads (GET) of the pages that
   * open from Tasklist, namely the case page and search ({@code /api/referrals...}), a task's case
   * ({@code /api/tasks/{id}/case}), the boards ({@code /api/board}, {@code /api/board/city}) and the session's token
   * ({@link SessionToken}): a GET changes nothing, so no CSRF token is needed; the what-if simulations' page ({@code /api/simulations/{id}} and
   * its CSV); and, with the session's CSRF token, the case page's one command, a handover proof, and the simulation
   * page's, running a what-if (it writes only the simulation's own record). Every other command keeps HTTP Basic.
   */
  static boolean sessionMaySignIn(HttpServletRequest request) {
    String path = Credentials.path(request);
    if ("POST".equals(request.getMethod())) {
      return (path.matches(HANDOVER_PROOFS) || path.equals(SIMULATIONS)) && carriesSessionToken(request);
    }
    return "GET".equals(request.getMethod()) && (path.equals("/api/board") || path.equals("/api/board/city") || path.equals("/api/referrals")
        || path.startsWith("/api/referrals/") || path.matches("/api/tasks/[^/]+/case")
        || path.equals(SessionToken.PATH) || path.matches(SIMULATIONS + "/\\d+(/csv)?"));
  }

  /** The what-if simulations (package {@code simulation}): run one (POST), read one and its CSV (GET). */
  static final String SIMULATIONS = "/api/simulations";

  /** The one command the case page sends within the session: a handover's photo or scan, by the partner's staff. */
  static final String HANDOVER_PROOFS = "/api/referrals/[^/]+/programs/[^/]+/handover-proofs";

  /**
   * Whether the request carries the session's CSRF token as the webapps keep it ({@code X-XSRF-TOKEN}), which only a
   * page of this origin can have read: a command signed in by the session needs it, as the webapps' own do.
   */
  private static boolean carriesSessionToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    Object kept = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return sent != null && kept instanceof String token && MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The login on {@code /api} for every request but the public letter check ({@link PublicLetterCheck#isOpen}: one
   * method on one path), which anyone may make without an account, and the WhatsApp gateway's webhook
   * ({@link WhatsAppWebhook#isOpen}: one method on one path), which proves itself with its shared secret instead.
   */
  static class ExceptPublicLetterCheck extends ProcessEngineAuthenticationFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request instanceof HttpServletRequest http
          && (PublicLetterCheck.isOpen(http) || WhatsAppWebhook.isOpen(http))) {
        chain.doFilter(request, response);
        return;
      }
      super.doFilter(request, response, chain);
    }
  }

  /**
   * Camunda's HTTP Basic provider that also marks the request whose password it accepted, so the login throttle
   * clears the count only for a password actually checked; and that takes the webapps' session for a request of
   * {@link #sessionMaySignIn} sent without Basic credentials. The session's user is the one signed in; the groups are
   * read afresh for the request, as for Basic (Camunda's filter reads them when the result names none).
   */
  public static class AcceptedBasicCredentials extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && sessionMaySignIn(request)) {
        Authentication session = WebappAccess.sessionUser(request, engine.getName());
        if (session instanceof UserAuthentication user && user.getName() != null) {
          return AuthenticationResult.successful(user.getName());
        }
      }
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        request.setAttribute(Credentials.VERIFIED_USER, result.getAuthenticatedUser());
      }
      return result;
    }
  }
}
