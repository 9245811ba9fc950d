package id.puskesos.rujukan.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A refused authorization answers 403 on {@code /engine-rest}, also where a Camunda resource wraps the engine's
 * exception: the comment resource turns every {@code ProcessEngineException}, an {@link AuthorizationException}
 * included, into 400 "Not enough parameters submitted", which hides from the caller (and from an audit of refused
 * requests) that the engine said no. Camunda's own mapper answers an unwrapped {@link AuthorizationException} with
 * 403 already; this one, ahead of Camunda's {@code RestException} mapper, does the same for a wrapped one, in
 * Camunda's error shape.
 */
@Configuration
public class WrappedAuthorizationRefusals {

  @Bean
  public ResourceConfigCustomizer wrappedAuthorizationAnswers403() {
    return config -> config.register(Mapper.class, Priorities.USER - 1000);
  }

  static AuthorizationException cause(Throwable exception) {
    int depth = 0;
    for (Throwable t = exception.getCause(); t != null && depth < 8; t = t.getCause(), depth++) {
      if (t instanceof AuthorizationException refused) {
        return refused;
      }
    }
    return null;
  }

  public static class Mapper implements ExtendedExceptionMapper<RestException> {

    @Override
    public boolean isMappable(RestException exception) {
      return cause(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
      AuthorizationException refused = cause(exception);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", AuthorizationException.class.getSimpleName());
      body.put("message", refused.getMessage());
      body.put("code", refused.getCode());
      return Response.status(Response.Status.FORBIDDEN).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
