package id.puskesos.rujukan.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A form refused for bad input answers 4xx through Camunda's REST API, with the message in Bahasa Indonesia, which
 * Tasklist shows. A delegate refuses a form by throwing a {@link Refusal} while the engine completes the task (or
 * starts the process); Camunda's task and process-definition resources wrap every {@code ProcessEngineException}
 * other than a form-field validation failure into a {@code RestException} with status 500 ("Cannot complete task
 * ...: ..."), which Camunda's own mapper answers as 500 and logs at WARN (ENGINE-REST-HTTP500). These two mappers
 * come first (a higher priority than Camunda's mappers of the same types) for a refusal only: a real failure is
 * still Camunda's 500, logged as before.
 */
@Configuration
public class EngineRestRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestRefusals.class);

  /** Ahead of Camunda's mappers, which have the default priority ({@link Priorities#USER}). */
  static final int PRIORITY = Priorities.USER - 1000;

  @Bean
  public ResourceConfigCustomizer refusalsAnswerClientErrors() {
    return config -> config.register(Wrapped.class, PRIORITY).register(Direct.class, PRIORITY);
  }

  /** The refusal behind the exception, if it is one (the resources keep the original as the cause). */
  static Refusal refusal(Throwable exception) {
    int depth = 0;
    for (Throwable t = exception; t != null && depth < 8; t = t.getCause(), depth++) {
      if (t instanceof Refusal refusal) {
        return refusal;
      }
    }
    return null;
  }

  /**
   * The answer Tasklist reads: Camunda's error shape ({@code type}, {@code message}, {@code code}) with the refusal's
   * own message, and for bad input every field. Logged at INFO without the message (no personal data).
   */
  static Response answer(Throwable exception) {
    Refusal refusal = refusal(exception);
    LOG.info("Engine REST request refused with {} ({})", refusal.status(), refusal.getClass().getSimpleName());
    return Response.status(refusal.status()).entity(body(refusal)).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Camunda's error shape with the refusal's message (and for bad input every field), also for refusals answered
   * before a request reaches Camunda's resources.
   */
  public static Map<String, Object> body(Refusal refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refusal.getClass().getSimpleName());
    body.put("message", refusal.getMessage());
    body.put("code", refusal.getCode());
    if (refusal instanceof InvalidInputException invalid) {
      body.put("errors", invalid.errors());
    }
    return body;
  }

  /** A refusal wrapped by the task or process-definition resource ("Cannot submit task form ..."). */
  public static class Wrapped implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
      return refusal(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /** A refusal that reached the REST layer as it was thrown (resources that do not wrap). */
  public static class Direct implements ExtendedExceptionMapper<ProcessEngineException> {

    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return refusal(exception) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }
}
