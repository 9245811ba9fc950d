package id.puskesos.rujukan.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper of code that runs where no Spring bean can be injected: typed process variables
 * ({@link Variable}, read inside engine commands and form-field declarations held in static constants) and filters
 * the engine or the servlet container builds before the context can hand them a bean. Spring beans take Spring's
 * {@code ObjectMapper} bean instead. It is configured like Spring's (Java time as ISO text, not timestamps) and never
 * changed after start-up, so sharing it is safe: an {@code ObjectMapper} is thread-safe once configured.
 */
public final class Json {

  /** Shared and read-only: do not configure it further. */
  public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not writable as JSON: " + value.getClass().getName(), e);
    }
  }
}
