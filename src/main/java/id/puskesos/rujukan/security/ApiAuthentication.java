package id.puskesos.rujukan.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * HTTP Basic against the engine's users for the domain API ({@code /api/*}) and Camunda's REST API
 * ({@code /engine-rest/*}), which the starter would otherwise leave open. Camunda's own filter authenticates the
 * engine for the request, so the engine knows who acts. Wrong passwords are throttled per user name and client in
 * front of it ({@link LoginThrottleFilter}). The webapps keep their own session login. The domain API's OpenAPI
 * description ({@link #API_DOCS}) is behind the same login: it is for the application's users, not the public.
 */
@Configuration
public class ApiAuthentication {

  /** Where springdoc serves the description of {@code /api}: JSON, its groups, and YAML. */
  public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/*", "/v3/api-docs.yaml"};

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
   * Whether a request may be signed in by the webapps' session instead of HTTP Basic: reads (GET) of the pages that
   * open from Tasklist, namely the case page and search ({@code /api/referrals...}), a task's case
   * ({@code /api/tasks/{id}/case}) and the board ({@code /api/board}). Reads only: a GET changes nothing, so the
   * webapps' CSRF token is not needed; every command keeps HTTP Basic.
   */
  static boolean sessionMaySignIn(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return false;
    }
    String path = Credentials.path(request);
    return path.equals("/api/board") || path.equals("/api/referrals") || path.startsWith("/api/referrals/")
        || path.matches("/api/tasks/[^/]+/case");
  }

  /**
   * Camunda's HTTP Basic provider that also marks the request whose password it accepted, so the login throttle
   * clears the count only for a password actually checked; without credentials, a read of {@link #sessionMaySignIn}
   * is signed in as the webapps' signed-in user of the session.
   */
  public static class AcceptedBasicCredentials extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && sessionMaySignIn(request)) {
        String user = sessionUser(request, engine);
        if (user != null) {
          return AuthenticationResult.successful(user);
        }
      }
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        request.setAttribute(Credentials.VERIFIED_USER, result.getAuthenticatedUser());
      }
      return result;
    }

    private static String sessionUser(HttpServletRequest request, ProcessEngine engine) {
      HttpSession session = request.getSession(false);
      if (session == null) {
        return null;
      }
      try {
        Authentication signedIn = AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engine.getName());
        return signedIn == null ? null : signedIn.getIdentityId();
      } catch (IllegalStateException e) {
        return null; // invalidated meanwhile
      }
    }
  }
}
