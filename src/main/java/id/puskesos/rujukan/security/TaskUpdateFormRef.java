package id.puskesos.rujukan.security;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets Tasklist change a task's dates and priority again. Tasklist updates a task by sending back the whole task as
 * the engine gave it ({@code PUT /task/{id}}), and for a task whose form is a Camunda Form bound by reference
 * ({@code camunda:formRef}, every form of ours) that includes {@code camundaFormRef}, which the engine's REST API
 * cannot read back (an abstract type): the update failed with a Jackson message in English, whatever it changed.
 * The field is the task definition's, not something a task update may set, so it is dropped from the body and the
 * update goes on to the engine and its checks (sla.DueDateGuard for the due date).
 */
@Configuration
public class TaskUpdateFormRef {

  /** Task updates are small; a larger body goes on untouched for the engine to answer. */
  static final int MAX_BODY = 64 * 1024;

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> taskUpdateFormRefFilter(ObjectMapper mapper,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Strip(mapper));
    registration.setName("taskUpdateFormRef");
    registration.addUrlPatterns("/engine-rest/task/*", webappPath + "/api/engine/engine/*");
    return registration;
  }

  static final class Strip extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    Strip(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!"PUT".equals(request.getMethod()) || !Credentials.path(request).matches(".*/task/[^/]+")
          || request.getContentLengthLong() > MAX_BODY) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      JsonNode task = parse(body);
      if (body.length <= MAX_BODY && task instanceof ObjectNode fields && fields.has("camundaFormRef")) {
        fields.remove("camundaFormRef");
        body = mapper.writeValueAsBytes(fields);
      }
      chain.doFilter(new ReplayedRequest(request, body), response);
    }

    private JsonNode parse(byte[] body) {
      try {
        return mapper.readTree(body);
      } catch (IOException e) {
        return null; // not JSON: the engine answers it
      }
    }
  }
}
