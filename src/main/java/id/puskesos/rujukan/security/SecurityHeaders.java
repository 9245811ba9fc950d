package id.puskesos.rujukan.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import id.puskesos.rujukan.common.HeaderHeldBack;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The same security headers on every path the application serves: nothing is sniffed as another content type, no
 * page is framed (the webapps' own content security policy says {@code frame-ancestors 'none'} too; none of them
 * frames another), and what the APIs and the metrics answer ({@code /api} and its description, {@code /engine-rest},
 * the webapps' {@code /camunda/api}, {@code /actuator}) is never stored by a browser or proxy, whatever a later filter
 * says (Camunda's webapps answer their GETs with {@code no-cache}). The application's own pages (board, calendar, partners, verifikasi) allow their own scripts only.
 */
public class SecurityHeaders extends OncePerRequestFilter {

  static final String BOARD_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
      + "form-action 'self'; object-src 'none'";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = Credentials.path(request);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    if (OwnPages.PATHS.stream().anyMatch(page -> path.startsWith(page + "/") || path.equals(page))) {
      response.setHeader("Content-Security-Policy", BOARD_POLICY);
    }
    if (answersData(path)) {
      response.setHeader("Cache-Control", "no-store");
      response = new HeaderHeldBack(response, "Cache-Control"); // no-store, whatever is set later
    }
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  static boolean answersData(String path) {
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
        || path.equals("/engine-rest") || path.startsWith("/camunda/api/") || path.startsWith("/actuator/")
        || path.equals("/actuator") || ApiAuthentication.isApiDocs(path);
  }
}
