package id.puskesos.rujukan.common;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns failures of the domain API into clear answers in Bahasa Indonesia, never a stack trace. */
@RestControllerAdvice(basePackages = "id.puskesos.rujukan")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** The body of every error answer: a summary, and for bad input one entry per field. */
  public record ApiError(String message, List<FieldError> errors) {
  }

  @ExceptionHandler(InvalidInputException.class)
  public ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(new ApiError("Data tidak valid", e.errors()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiRequestGuard.BodyTooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError(
            "Isi permintaan terlalu besar (paling banyak %d KB)".formatted(ApiRequestGuard.MAX_BODY / 1024), List.of()));
      }
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return ResponseEntity.badRequest().body(new ApiError("Data tidak valid",
          List.of(new FieldError(field, field + " " + expected(mapping)))));
    }
    return ResponseEntity.badRequest().body(new ApiError("Badan permintaan bukan JSON yang valid", List.of()));
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

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(new ApiError("Kirim data sebagai application/json", List.of()));
  }

  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<ApiError> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(e.getMessage(), List.of()));
  }

  @ExceptionHandler(ForbiddenException.class)
  public ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(e.getMessage(), List.of()));
  }

  @ExceptionHandler(ConflictException.class)
  public ResponseEntity<ApiError> conflict(ConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(e.getMessage(), List.of()));
  }

  /** The case kept changing under the command (see {@link ConcurrentChange}): nothing was written; try again. */
  @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
  public ResponseEntity<ApiError> busy(org.camunda.bpm.engine.OptimisticLockingException e) {
    LOG.warn("Concurrent change refused after retries: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(new ApiError("Kasus sedang diproses; tidak ada yang tersimpan, silakan ulangi", List.of()));
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ApiError> unexpected(Exception e) {
    if (e instanceof ErrorResponse known) {
      return ResponseEntity.status(known.getStatusCode())
          .body(new ApiError("Permintaan tidak dapat diproses (" + known.getStatusCode().value() + ")", List.of()));
    }
    LOG.error("Unexpected failure in the domain API", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(new ApiError("Terjadi kesalahan pada server; coba lagi atau hubungi admin", List.of()));
  }
}
