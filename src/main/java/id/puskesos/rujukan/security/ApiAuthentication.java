package id.puskesos.rujukan.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic against the engine's users for the domain API ({@code /api/*}) and Camunda's REST API
 * ({@code /engine-rest/*}), which the starter would otherwise leave open. Camunda's own filter authenticates the
 * engine for the request, so the engine knows who acts. Wrong passwords are throttled per user name and client in
 * front of it ({@link LoginThrottleFilter}). The webapps keep their own session login.
 */
@Configuration
public class ApiAuthentication {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> domainApiAuthentication() {
    return basicAuthentication("domainApiAuthentication", "/api/*");
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
