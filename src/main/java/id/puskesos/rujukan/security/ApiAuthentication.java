package id.puskesos.rujukan.security;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic against the engine's users for the domain API ({@code /api/*}) and Camunda's REST API
 * ({@code /engine-rest/*}), which the starter would otherwise leave open. Camunda's own filter authenticates the
 * engine for the request, so the engine knows who acts. Wrong passwords are throttled per user name and client in
 * front of it ({@link LoginThrottleFilter}). The webapps keep their own session login. The domain API's OpenAPI
 * description ({@link #API_DOCS}) is behind the same login: it is for the application's users, not the public. The
 * one exception is the public letter check ({@link PublicLetterCheck}).
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
   * The login on {@code /api} for every request but the public letter check ({@link PublicLetterCheck#isOpen}: one
   * method on one path), which anyone may make without an account.
   */
  static class ExceptPublicLetterCheck extends ProcessEngineAuthenticationFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request instanceof HttpServletRequest http && PublicLetterCheck.isOpen(http)) {
        chain.doFilter(request, response);
        return;
      }
      super.doFilter(request, response, chain);
    }
  }

  /**
   * Camunda's HTTP Basic provider that also marks the request whose password it accepted, so the login throttle
   * clears the count only for a password actually checked.
   */
  public static class AcceptedBasicCredentials extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        request.setAttribute(Credentials.VERIFIED_USER, result.getAuthenticatedUser());
      }
      return result;
    }
  }
}
