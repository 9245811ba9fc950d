package id.puskesos.rujukan.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import id.puskesos.rujukan.common.Groups;

/**
 * The actuator answers only a user of the metrics groups (administrators and managers by default) signing in with
 * HTTP Basic, except health, which the load balancer asks without credentials and which tells the state only
 * ({@code {"status":"UP"}}). Prometheus scrapes with a user of its own in one of the groups.
 */
public class MetricsAccess extends OncePerRequestFilter {

  @ConfigurationProperties("rujukan.security.metrics")
  public record Settings(List<String> groups) {
    public Settings {
      groups = groups == null || groups.isEmpty() ? List.of(Groups.ADMIN, Groups.MANAJER) : List.copyOf(groups);
    }
  }

  private final IdentityService identityService;
  private final Settings settings;

  public MetricsAccess(IdentityService identityService, Settings settings) {
    this.identityService = identityService;
    this.settings = settings;
  }

  static boolean isHealth(String path) {
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isHealth(Credentials.path(request))) {
      chain.doFilter(request, response);
      return;
    }
    String[] basic = Credentials.basic(request);
    if (basic == null || !identityService.checkPassword(basic[0], basic[1])) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"rujukan-metrics\"");
      return;
    }
    request.setAttribute(Credentials.VERIFIED_USER, basic[0]);
    boolean allowed = identityService.createGroupQuery().groupMember(basic[0]).list().stream().map(Group::getId)
        .anyMatch(settings.groups()::contains);
    if (!allowed) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.getOutputStream().write(("{\"message\":\"Metrik hanya untuk kelompok " + String.join(", ",
          settings.groups()) + "\"}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }
}
