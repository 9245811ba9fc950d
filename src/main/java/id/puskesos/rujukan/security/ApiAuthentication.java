package id.puskesos.rujukan.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's users for the domain API ({@code /api/*}) and Camunda's REST API
 * ({@code /engine-rest/*}), which the starter would otherwise leave open. Camunda's own filter authenticates the
 * engine for the request, so the engine knows who acts, and it honours login throttling. The webapps keep their
 * own session login.
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
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
