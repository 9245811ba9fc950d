package id.puskesos.rujukan.security;

import java.util.Map;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import id.puskesos.rujukan.common.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The Tasklist session's CSRF token for the application's own pages: the webapps keep it in a cookie only their
 * path ({@code /camunda}) sees, so the case page asks here before its one command signed in by the session
 * ({@link ApiAuthentication#sessionMaySignIn}). Only a page of this origin can read the answer.
 */
@RestController
public class SessionToken {

  public static final String PATH = "/api/session/csrf-token";

  @GetMapping(PATH)
  public ResponseEntity<Map<String, String>> token(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    if (!(token instanceof String value)) {
      throw new NotFoundException("Tidak ada sesi Tasklist: masuk ke Tasklist terlebih dahulu");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", value));
  }
}
