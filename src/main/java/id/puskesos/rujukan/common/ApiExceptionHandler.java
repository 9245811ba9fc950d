package id.puskesos.rujukan.common;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns failures of the domain API into clear answers in Bahasa Indonesia, never a stack trace: an RFC 9457 problem
 * ({@code application/problem+json}) with {@code type} (one of {@link Problem}), {@code title}, {@code status},
 * {@code detail} and {@code instance}, plus {@code message} (the summary the board page and older clients read) and
 * {@code errors} (one entry per rejected field). Camunda's REST API keeps its own error shape
 * ({@link EngineRestRefusals}).
 */
@RestControllerAdvice(basePackages = "id.puskesos.rujukan")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** The only multipart upload's limit (a handover's proof), which Spring MVC's multipart limits enforce. */
  private final long proofMaxBytes;

  public ApiExceptionHandler(@Value(ApiRequestGuard.PROOF_MAX_BYTES) DataSize proofMaxBytes) {
    this.proofMaxBytes = proofMaxBytes.toBytes();
  }

  /** The kinds of problem the domain API answers, each with its type URI and title. */
  public enum Problem {
    INVALID_INPUT("invalid-input", "Data tidak valid"),
    UNREADABLE_BODY("unreadable-body", "Badan permintaan tidak dapat dibaca"),
    BODY_TOO_LARGE("body-too-large", "Isi permintaan terlalu besar"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Jenis isi tidak didukung"),
    NOT_FOUND("not-found", "Tidak ditemukan"),
    FORBIDDEN("forbidden", "Tidak berhak"),
    CONFLICT("conflict", "Tidak dapat dilakukan pada keadaan ini"),
    CONCURRENT_CHANGE("concurrent-change", "Kasus sedang diproses"),
    LOGIN_THROTTLED("login-throttled", "Terlalu banyak percobaan masuk"),
    CHECKS_THROTTLED("checks-throttled", "Terlalu banyak pemeriksaan yang gagal"),
    REFUSED("refused", "Permintaan ditolak"),
    REQUEST_NOT_PROCESSED("request-not-processed", "Permintaan tidak dapat diproses"),
    SERVER_ERROR("server-error", "Kesalahan pada server");

    /** Problem type URIs are names, not addresses: docs/operations.md lists them. */
    public static final String TYPE_PREFIX = "urn:rujukan:problem:";

    private final URI type;
    private final String title;

    Problem(String name, String title) {
      this.type = URI.create(TYPE_PREFIX + name);
      this.title = title;
    }

    public URI type() {
      return type;
    }

    public String title() {
      return title;
    }

    /** The problem's body: the summary as {@code message} too, and the rejected fields (none: an empty list). */
    public ProblemDetail detail(HttpStatusCode status, String detail, String message, List<FieldError> errors) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      problem.setType(type);
      problem.setTitle(title);
      problem.setProperty("message", message);
      problem.setProperty("errors", errors);
      return problem;
    }

    /** The same body as a map, for answers written outside Spring MVC (servlet filters). */
    public Map<String, Object> body(int status, String detail, String instance) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type.toString());
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("instance", instance);
      body.put("message", detail);
      body.put("errors", List.of());
      return body;
    }
  }

  private static ResponseEntity<ProblemDetail> answer(Problem kind, HttpStatusCode status, String detail,
      String message, List<FieldError> errors) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(kind.detail(status, detail, message, errors));
  }

  private static ResponseEntity<ProblemDetail> answer(Problem kind, HttpStatusCode status, String message) {
    return answer(kind, status, message, message, List.of());
  }

  @ExceptionHandler(InvalidInputException.class)
  public ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return answer(Problem.INVALID_INPUT, HttpStatus.BAD_REQUEST, e.getMessage(), "Data tidak valid", e.errors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiRequestGuard.BodyTooLarge tooLarge) {
        return answer(Problem.BODY_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, ApiRequestGuard.tooLarge(tooLarge.limit));
      }
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      FieldError error = new FieldError(field, field + " " + expected(mapping));
      return answer(Problem.INVALID_INPUT, HttpStatus.BAD_REQUEST, "Data tidak valid: " + error.message(),
          "Data tidak valid", List.of(error));
    }
    return answer(Problem.UNREADABLE_BODY, HttpStatus.BAD_REQUEST, "Badan permintaan bukan JSON yang valid");
  }

  private static String expected(JsonMappingException mapping) {
    Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (type == Boolean.class || type == boolean.class) {
      return "harus bernilai true atau false";
    }
    if (type != null && (Collection.class.isAssignableFrom(type) || type.isArray())) {
      return "harus berupa daftar (array JSON)";
    }
    if (type == String.class) {
      return "harus berupa teks";
    }
    return "berisi jenis nilai yang salah";
  }

  /** A file over the limit, refused by the service or while Spring MVC read the multipart form: 413. */
  @ExceptionHandler({FileTooLargeException.class, MaxUploadSizeExceededException.class})
  public ResponseEntity<ProblemDetail> fileTooLarge(Exception e) {
    return answer(Problem.BODY_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
        e instanceof FileTooLargeException ? e.getMessage() : ApiRequestGuard.fileTooLarge(proofMaxBytes));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return answer(Problem.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        e.getSupportedMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)
            ? "Kirim berkas sebagai multipart/form-data" : "Kirim data sebagai application/json");
  }

  /** A multipart upload without its file part (the handover's proof: {@code file}). */
  @ExceptionHandler(MissingServletRequestPartException.class)
  public ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    FieldError error = new FieldError(e.getRequestPartName(), "Lampirkan berkas pada isian '%s'"
        .formatted(e.getRequestPartName()));
    return answer(Problem.INVALID_INPUT, HttpStatus.BAD_REQUEST, "Data tidak valid: " + error.message(),
        "Data tidak valid", List.of(error));
  }

  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return answer(Problem.NOT_FOUND, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  public ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return answer(Problem.FORBIDDEN, HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  public ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    return answer(Problem.CONFLICT, HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(ThrottledException.class)
  public ResponseEntity<ProblemDetail> throttled(ThrottledException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(Problem.CHECKS_THROTTLED.detail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), e.getMessage(),
            List.of()));
  }

  /** Any other refusal (a password policy, a model rule) answers its own 4xx, never a server error. */
  @ExceptionHandler(Refusal.class)
  public ResponseEntity<ProblemDetail> refused(Refusal e) {
    return answer(Problem.REFUSED, HttpStatusCode.valueOf(e.status()), e.getMessage());
  }

  /** The case kept changing under the command (see {@link ConcurrentChange}): nothing was written; try again. */
  @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
  public ResponseEntity<ProblemDetail> busy(org.camunda.bpm.engine.OptimisticLockingException e) {
    LOG.warn("Concurrent change refused after retries: {}", e.getMessage());
    return answer(Problem.CONCURRENT_CHANGE, HttpStatus.CONFLICT,
        "Kasus sedang diproses; tidak ada yang tersimpan, silakan ulangi");
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (e instanceof ErrorResponse known) {
      return answer(Problem.REQUEST_NOT_PROCESSED, known.getStatusCode(),
          "Permintaan tidak dapat diproses (" + known.getStatusCode().value() + ")");
    }
    LOG.error("Unexpected failure in the domain API", e);
    return answer(Problem.SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
        "Terjadi kesalahan pada server; coba lagi atau hubungi admin");
  }
}
