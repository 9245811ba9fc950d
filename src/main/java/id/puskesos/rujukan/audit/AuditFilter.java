package id.puskesos.rujukan.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

import id.puskesos.rujukan.security.ApiAuthentication;
import id.puskesos.rujukan.security.Credentials;
import id.puskesos.rujukan.security.EdgeFilters;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Puts every refused request into the audit trail: 401 (a wrong password or unknown user name: {@code LOGIN_FAILED}
 * with the name tried; no credentials: {@code UNAUTHENTICATED}), 403 ({@code FORBIDDEN}, or {@code LOGIN_FORBIDDEN}
 * when a right password opens a webapp the user has no access to) and 429 ({@code LOGIN_THROTTLED}; a held-back
 * public letter check under the action it names, {@code LETTER_CHECK_THROTTLED}), on the domain
 * API, Camunda's REST API, the webapps and the actuator. While the request runs, its client address is the
 * {@link #clientAddress() origin} of what the engine records ({@link EngineChangesAudit}).
 *
 * <p>A client refused more than {@code rujukan.audit.refusals-per-minute} times in a minute has the rest of that
 * minute's refusals counted in the log, not stored: a scan cannot fill the table.
 */
public class AuditFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

  private final AuditTrail trail;
  private final Clock clock;
  private final int perMinute;
  private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
  private volatile long minute;

  AuditFilter(AuditTrail trail, Clock clock, int perMinute) {
    this.trail = trail;
    this.clock = clock;
    this.perMinute = perMinute;
  }

  static FilterRegistrationBean<AuditFilter> registration(AuditTrail trail, Clock clock, int perMinute) {
    FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(trail, clock,
        perMinute));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/*", "/actuator/*");
    registration.addUrlPatterns(ApiAuthentication.API_DOCS);
    registration.setOrder(EdgeFilters.AUDIT);
    return registration;
  }

  /** The client address of the request this thread serves; null outside a request (jobs, start-up). */
  static String clientAddress() {
    return CLIENT.get();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String client = request.getRemoteAddr();
    CLIENT.set(client);
    try {
      chain.doFilter(request, response);
    } finally {
      CLIENT.remove();
    }
    int status = response.getStatus();
    if (status == 401 || status == 403 || status == 429) {
      refused(request, status, client);
    }
  }

  private void refused(HttpServletRequest request, int status, String client) {
    if (!withinQuota(client)) {
      return;
    }
    String tried = Credentials.attemptedUser(request);
    String action;
    String actor = tried;
    if (request.getAttribute(EdgeFilters.AUDIT_ACTION) instanceof String named) {
      action = named;
    } else if (status == 429) {
      action = "LOGIN_THROTTLED";
    } else if (status == 401) {
      action = tried == null ? "UNAUTHENTICATED" : "LOGIN_FAILED";
    } else if (Credentials.isWebappLogin(request)) {
      action = "LOGIN_FORBIDDEN";
    } else {
      action = "FORBIDDEN";
      if (actor == null) {
        actor = sessionUser(request);
      }
    }
    String query = request.getQueryString();
    String target = request.getMethod() + " " + Credentials.path(request) + (query == null ? "" : "?" + query);
    try {
      trail.record(actor, client, action, target, status, null);
    } catch (RuntimeException e) {
      // the answer is already given: a trail that cannot be written must not turn it into an error
      LOG.error("Audit trail: a refused request could not be recorded ({} {})", action, status, e);
    }
  }

  /** The webapps' signed-in user of the session, if any. */
  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    try {
      return AuthenticationUtil.getAuthsFromSession(session).getAuthentications().stream().findFirst()
          .map(a -> a.getName()).orElse(null);
    } catch (IllegalStateException e) {
      return null; // the session was invalidated while the request ran (a CSRF refusal does that)
    }
  }

  private boolean withinQuota(String client) {
    long now = clock.millis() / 60_000;
    if (now != minute) {
      minute = now;
      refusals.clear();
    }
    int n = refusals.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
    if (n == perMinute + 1) {
      LOG.warn("Audit trail: more than {} refused requests from {} this minute; the rest of the minute's are not "
          + "recorded", perMinute, client);
    }
    return n <= perMinute;
  }
}
