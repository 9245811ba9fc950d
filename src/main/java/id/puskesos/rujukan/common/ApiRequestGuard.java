package id.puskesos.rujukan.common;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits of the domain API ({@code /api/*}): a body larger than the limit is refused with 413 before it is read (an
 * extract upload, which may be hundreds of megabytes, is exempt). Its answers carry personal data: the security
 * headers (not stored, not sniffed, not framed) are set for every path by {@code security.SecurityHeaders}. A request
 * marked {@code X-Requested-With: XMLHttpRequest} (the board page)
 * gets its 401 without the Basic challenge, which would open the browser's own login dialog.
 */
@Configuration
public class ApiRequestGuard {

  /** The largest JSON body the domain API reads. */
  static final long MAX_BODY = 64 * 1024;
  /**
   * A decision list is a file (about 40 bytes a row): a city's list of 100,000 rows is 4 MB. It is read whole, so it
   * has a limit of its own; the registry's extract is streamed and has none.
   */
  static final long MAX_DECISION_LIST = 16L * 1024 * 1024;
  private static final String UPLOADS = "/api/registry/imports";
  private static final String DECISION_LIST = "/api/proposals/decisions";

  /** What the answer to a body over the limit says. */
  static String tooLarge(long limit) {
    return limit >= 1024 * 1024 ? "Isi permintaan terlalu besar (paling banyak %d MB)".formatted(limit / 1024 / 1024)
        : "Isi permintaan terlalu besar (paling banyak %d KB)".formatted(limit / 1024);
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> apiRequestGuardFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard());
    registration.addUrlPatterns("/api/*");
    // after the edge's headers, audit, throttle and closed endpoints (security.EdgeFilters), before authentication
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  private static final class Guard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        // a page of the application signs in itself: no browser login dialog for its failed attempts
        response = new HeaderHeldBack(response, "WWW-Authenticate"); // no Basic challenge on a 401
      }
      if (request.getRequestURI().startsWith(UPLOADS)) {
        chain.doFilter(request, response);
        return;
      }
      long limit = request.getRequestURI().equals(DECISION_LIST) ? MAX_DECISION_LIST : MAX_BODY;
      if (request.getContentLengthLong() > limit) {
        tooLarge(request, response, limit);
        return;
      }
      try {
        chain.doFilter(new Limited(request, limit), response);
      } catch (BodyTooLarge e) {
        if (!response.isCommitted()) {
          tooLarge(request, response, limit);
        }
      }
    }

    /** The same problem answer as {@link ApiExceptionHandler}'s, written before Spring MVC is reached. */
    static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(ApiExceptionHandler.Problem.BODY_TOO_LARGE.body(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ApiRequestGuard.tooLarge(limit), request.getRequestURI())));
    }
  }

  /** A body sent without its length (chunked) is cut off at the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new BodyTooLarge(limit);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > limit) {
            throw new BodyTooLarge(limit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }

  /** Thrown while reading past the limit; the API's error answer turns it into 413. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    BodyTooLarge(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }
  }
}
