package id.puskesos.rujukan.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Two holes Camunda leaves in its APIs, closed.
 *
 * <ul>
 * <li>The webapps' plugin APIs ({@code /camunda/api/cockpit/plugin/...}, also admin's and tasklist's) ask only for a
 * signed-in session (Camunda's security rules give them the {@code EngineRequestAuthorizer}, which does not check the
 * application), so a Tasklist-only partner read Cockpit's statistics of every process. Here a session must have
 * access to the plugin's application (Camunda's {@code APPLICATION} permission, computed at login), as the
 * application's pages require. A request without a session is left to Camunda's own 401.
 * <li>{@code POST /identity/verify} tells a signed-in user whether a user name and password match, unthrottled (200
 * either way); the engine asks only for READ on that user, so one grant to list the staff would make it a password
 * oracle. Nothing in Rujukan or the webapps uses it; it answers 403.
 * </ul>
 */
public class WebappAccess extends OncePerRequestFilter {

  /** {@code /camunda/api/{app}/plugin/{plugin}/{engine}/...}; a plugin's {@code static} resources are public. */
  private static final Pattern PLUGIN_API = Pattern.compile("^/camunda/api/(cockpit|admin|tasklist)/plugin/[^/]+/"
      + "([^/]+)(/.*)?$");
  private static final Pattern VERIFY = Pattern.compile(
      "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Credentials.path(request);
    if (VERIFY.matcher(path).matches()) {
      refuse(response, "Pemeriksaan kata sandi pengguna tidak tersedia");
      return;
    }
    Matcher plugin = PLUGIN_API.matcher(path);
    if (plugin.matches() && !"static".equals(plugin.group(2))) {
      Authentication user = sessionUser(request, plugin.group(2));
      if (user != null && !(user instanceof UserAuthentication u && u.isAuthorizedForApp(plugin.group(1)))) {
        refuse(response, "Tidak berwenang membuka aplikasi " + plugin.group(1));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The session's user of the engine, or null without one. */
  static Authentication sessionUser(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    return session == null ? null : AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"" + message + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
