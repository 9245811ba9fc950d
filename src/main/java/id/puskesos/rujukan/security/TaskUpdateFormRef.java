package id.puskesos.rujukan.security;

import java.io.IOException;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * <p>
 * The engine's REST API also sets the task's tenant from the body, null when the body leaves it out (a client that
 * sends only the due date): the engine then refuses to move a case's task out of its Puskesos, with a 500. A body
 * without a tenant is taken to keep the task's own, as it means to.
 */
@Configuration
public class TaskUpdateFormRef {

  /** Task updates are small; a larger body goes on untouched for the engine to answer. */
  static final int MAX_BODY = 64 * 1024;

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> taskUpdateFormRefFilter(ObjectMapper mapper, JdbcClient jdbc,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    Function<String, String> tenantOfTask = id -> jdbc.sql("SELECT TENANT_ID_ FROM ACT_RU_TASK WHERE ID_ = ?")
        .param(id).query(String.class).optional().orElse(null);
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Strip(mapper, tenantOfTask));
    registration.setName("taskUpdateFormRef");
    registration.addUrlPatterns("/engine-rest/task/*", webappPath + "/api/engine/engine/*");
    return registration;
  }

  static final class Strip extends OncePerRequestFilter {

    private final ObjectMapper mapper;
    private final Function<String, String> tenantOfTask;

    Strip(ObjectMapper mapper, Function<String, String> tenantOfTask) {
      this.mapper = mapper;
      this.tenantOfTask = tenantOfTask;
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
      if (body.length <= MAX_BODY && task instanceof ObjectNode fields) {
        boolean changed = fields.remove("camundaFormRef") != null;
        String path = Credentials.path(request);
        String tenant = fields.hasNonNull("tenantId") ? null
            : tenantOfTask.apply(path.substring(path.lastIndexOf('/') + 1));
        if (tenant != null) {
          fields.put("tenantId", tenant);
          changed = true;
        }
        if (changed) {
          body = mapper.writeValueAsBytes(fields);
        }
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
