package id.puskesos.rujukan.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;

/**
 * The filters at the application's edge, in the order a request meets them, all ahead of the authentication filters
 * (Camunda's HTTP Basic filter on the APIs, the webapps' session filters): security headers on every path; the audit
 * trail's record of refusals (registered by the audit package at {@link #AUDIT}); the login throttle; the webapps'
 * closed endpoints; the metrics' login; the domain API's body limit.
 */
@Configuration
public class EdgeFilters {

  /**
   * Request attribute: the action the audit trail records a refused request under, where the code that refused it
   * names one (a held-back letter check); otherwise the trail names it by its status.
   */
  public static final String AUDIT_ACTION = EdgeFilters.class.getName() + ".auditAction";

  public static final int HEADERS = Ordered.HIGHEST_PRECEDENCE;
  public static final int AUDIT = HEADERS + 1;
  public static final int THROTTLE = HEADERS + 2;
  public static final int CLOSED_ENDPOINTS = HEADERS + 3;
  public static final int METRICS = HEADERS + 4;
  // common.ApiRequestGuard (the domain API's body limit) comes next, at HEADERS + 5

  @Bean
  public FilterRegistrationBean<SecurityHeaders> securityHeadersFilter() {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.setOrder(HEADERS);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*", "/camunda/api/admin/auth/user/*");
    registration.addUrlPatterns(ApiAuthentication.API_DOCS);
    registration.setOrder(THROTTLE);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<WebappAccess> webappAccessFilter() {
    FilterRegistrationBean<WebappAccess> registration = new FilterRegistrationBean<>(new WebappAccess());
    registration.addUrlPatterns("/camunda/api/*", "/engine-rest/*");
    registration.setOrder(CLOSED_ENDPOINTS);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<MetricsAccess> metricsAccessFilter(IdentityService identityService,
      MetricsAccess.Settings settings) {
    FilterRegistrationBean<MetricsAccess> registration =
        new FilterRegistrationBean<>(new MetricsAccess(identityService, settings));
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(METRICS);
    return registration;
  }
}
