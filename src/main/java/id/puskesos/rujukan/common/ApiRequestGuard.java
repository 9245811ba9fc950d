package id.puskesos.rujukan.common;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits of the domain API ({@code /api/*}): a body larger than the limit is refused with 413 before it is read (an
 * extract upload, which may be hundreds of megabytes, is exempt; a handover's proof, a multipart upload of one file,
 * may be as large as {@code rujukan.handover.proof-max-bytes} and its form's few headers, and is the only multipart
 * request Spring MVC reads). Its answers carry personal data: the security
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
  /** A model change carries its models and forms as text (a BPMN model with its diagram is up to about 300 KB). */
  static final long MAX_MODEL_CHANGE = 4L * 1024 * 1024;
  private static final String MODEL_CHANGES = "/api/model-changes";
  private static final String UPLOADS = "/api/registry/imports";
  private static final String DECISION_LIST = "/api/proposals/decisions";
  /** Where a handover's photo or scan is attached (distribution.HandoverProofController). */
  private static final Pattern HANDOVER_PROOFS = Pattern.compile("/api/referrals/[^/]+/programs/[^/]+/handover-proofs");
  /** The largest photo or scan of a handover's receipt, a local setting (docs/partners.md). */
  public static final String PROOF_MAX_BYTES = "${rujukan.handover.proof-max-bytes:5MB}";
  /** Room for the multipart form around the file: boundaries, the part's headers, its file name. */
  static final long MULTIPART_OVERHEAD = 16 * 1024;

  private final long proofMaxBytes;

  public ApiRequestGuard(@Value(PROOF_MAX_BYTES) DataSize proofMaxBytes) {
    this.proofMaxBytes = proofMaxBytes.toBytes();
  }

  /** What the answer to a body over the limit says. */
  static String tooLarge(long limit) {
    return limit >= 1024 * 1024 ? "Isi permintaan terlalu besar (paling banyak %d MB)".formatted(limit / 1024 / 1024)
        : "Isi permintaan terlalu besar (paling banyak %d KB)".formatted(limit / 1024);
  }

  /** What the answer to a file over the limit says, e.g. "Berkas terlalu besar: maksimal 5 MB". */
  public static String fileTooLarge(long limit) {
    String size = limit % (1024 * 1024) == 0 ? limit / 1024 / 1024 + " MB"
        : limit % 1024 == 0 ? limit / 1024 + " KB" : limit + " byte";
    return "Berkas terlalu besar: maksimal " + size;
  }

  /**
   * Spring MVC's multipart limits (replacing {@code spring.servlet.multipart.max-*}): one file of the proof's size in
   * a request of that size and the form around it. Parsed when the controller asks for the file
   * ({@code spring.servlet.multipart.resolve-lazily}), so that a file over the limit is answered by
   * {@link ApiExceptionHandler} like every other refusal.
   */
  @Bean
  public MultipartConfigElement multipartConfigElement() {
    return new MultipartConfigElement(null, proofMaxBytes, proofMaxBytes + MULTIPART_OVERHEAD, 0);
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> apiRequestGuardFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(proofMaxBytes));
    registration.addUrlPatterns("/api/*");
    // after the edge's headers, audit, throttle and closed endpoints (security.EdgeFilters), before authentication
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  private static final class Guard extends OncePerRequestFilter {

    private final long proofMaxBytes;

    Guard(long proofMaxBytes) {
      this.proofMaxBytes = proofMaxBytes;
    }

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
      boolean proof = "POST".equals(request.getMethod())
          && HANDOVER_PROOFS.matcher(request.getRequestURI()).matches();
      long limit = proof ? proofMaxBytes + MULTIPART_OVERHEAD
          : request.getRequestURI().equals(DECISION_LIST) ? MAX_DECISION_LIST
          : request.getRequestURI().startsWith(MODEL_CHANGES) ? MAX_MODEL_CHANGE : MAX_BODY;
      String refusal = proof ? fileTooLarge(proofMaxBytes) : ApiRequestGuard.tooLarge(limit);
      if (request.getContentLengthLong() > limit) {
        tooLarge(request, response, refusal);
        return;
      }
      try {
        chain.doFilter(new Limited(request, limit), response);
      } catch (BodyTooLarge e) {
        if (!response.isCommitted()) {
          tooLarge(request, response, refusal);
        }
      }
    }

    /** The same problem answer as {@link ApiExceptionHandler}'s, written before Spring MVC is reached. */
    static void tooLarge(HttpServletRequest request, HttpServletResponse response, String refusal)
        throws IOException {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(ApiExceptionHandler.Problem.BODY_TOO_LARGE.body(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, refusal, request.getRequestURI())));
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
