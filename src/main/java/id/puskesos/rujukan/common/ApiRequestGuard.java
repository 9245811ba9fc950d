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
  static final int MAX_BODY = 64 * 1024;
  /** What the answer to a body over the limit says. */
  static final String TOO_LARGE = "Isi permintaan terlalu besar (paling banyak %d KB)".formatted(MAX_BODY / 1024);
  private static final String UPLOADS = "/api/registry/imports";

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
      if (request.getContentLengthLong() > MAX_BODY) {
        tooLarge(request, response);
        return;
      }
      try {
        chain.doFilter(new Limited(request), response);
      } catch (BodyTooLarge e) {
        if (!response.isCommitted()) {
          tooLarge(request, response);
        }
      }
    }

    /** The same problem answer as {@link ApiExceptionHandler}'s, written before Spring MVC is reached. */
    static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(ApiExceptionHandler.Problem.BODY_TOO_LARGE.body(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, request.getRequestURI())));
    }
  }

  /** A body sent without its length (chunked) is cut off at the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > MAX_BODY) {
            throw new BodyTooLarge();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > MAX_BODY) {
            throw new BodyTooLarge();
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
    BodyTooLarge() {
      super("request body over " + MAX_BODY + " bytes");
    }
  }
}
