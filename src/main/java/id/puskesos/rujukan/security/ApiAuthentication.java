package id.puskesos.rujukan.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic against the engine's users for the domain API ({@code /api/*}) and Camunda's REST API
 * ({@code /engine-rest/*}), which the starter would otherwise leave open. Camunda's own filter authenticates the
 * engine for the request, so the engine knows who acts. Wrong passwords are throttled per user name and client in
 * front of it ({@link LoginThrottleFilter}). The webapps keep their own session login. The domain API's OpenAPI
 * description ({@link #API_DOCS}) is behind the same login: it is for the application's users, not the public.
 * One exception, so that the manager who signed in to Tasklist opens the board without a second login: a request
 * without Basic credentials to read the board ({@link #SESSION_READABLE}, GET only) may come with the webapps'
 * session instead (docs/security.md).
 */
@Configuration
public class ApiAuthentication {

  /** Where springdoc serves the description of {@code /api}: JSON, its groups, and YAML. */
  public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/*", "/v3/api-docs.yaml"};

  /**
   * The only request the webapps' session signs in to: reading the board's figures. Read-only, so the webapps' CSRF
   * token is not asked for; every other method and path of {@code /api} takes HTTP Basic only.
   */
  static final String SESSION_READABLE = "/api/board";

  /** Whether the path is the domain API's description. */
  public static boolean isApiDocs(String path) {
    return path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") || path.equals("/v3/api-docs.yaml");
  }

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> domainApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        basicAuthentication("domainApiAuthentication", "/api/*");
    registration.addUrlPatterns(API_DOCS);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("engineRestAuthentication", "/engine-rest/*");
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String name,
      String urlPattern) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        AcceptedBasicCredentials.class.getName());
    return registration;
  }

  /**
   * Camunda's HTTP Basic provider that also marks the request whose password it accepted, so the login throttle
   * clears the count only for a password actually checked; and that takes the webapps' session for a GET of the
   * board sent without Basic credentials. The session's user is the one signed in; the groups are read afresh for
   * the request, as for Basic (Camunda's filter reads them when the result names none).
   */
  public static class AcceptedBasicCredentials extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      if (request.getHeader("Authorization") == null && readsWithSession(request)) {
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

    /** A GET of the board, the one request a webapp session may make on {@code /api}. */
    static boolean readsWithSession(HttpServletRequest request) {
      return "GET".equals(request.getMethod()) && SESSION_READABLE.equals(Credentials.path(request));
    }
  }
}
