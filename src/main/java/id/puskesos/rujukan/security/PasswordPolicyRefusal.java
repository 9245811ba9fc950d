package id.puskesos.rujukan.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A password the policy refuses answers 400 with the policy in words through Camunda's REST API
 * ({@code /engine-rest/user/create}, {@code PUT /engine-rest/user/{id}/credentials}). The engine refuses it with a
 * plain {@code ProcessEngineException} ("Password does not match policy"), which Camunda's mapper would answer as
 * 500. The Admin webapp checks a password against the policy while it is typed, before it sends it.
 */
@Configuration
public class PasswordPolicyRefusal {

  /** The engine's message for a refused password ({@code SaveUserCmd}). */
  static final String ENGINE_MESSAGE = "Password does not match policy";

  @Bean
  public ResourceConfigCustomizer passwordPolicyAnswersBadRequest(IdentitySettings identity) {
    // ahead of Camunda's mapper of the same type, which has the default priority
    return config -> config.register(new Mapper(identity.policy()), Priorities.USER - 1000);
  }

  static final class Mapper implements ExtendedExceptionMapper<ProcessEngineException> {

    private final PasswordRules policy;

    Mapper(PasswordRules policy) {
      this.policy = policy;
    }

    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return ENGINE_MESSAGE.equals(exception.getMessage());
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "PasswordPolicyViolation");
      body.put("message", policy.describe());
      body.put("code", 0);
      return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
