package id.puskesos.rujukan.security;
// Size: every REST path that can set variables is matched here, in one list, so that none is forgotten.

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.EngineRestRefusals;
import id.puskesos.rujukan.common.FieldError;
import id.puskesos.rujukan.common.ForbiddenException;
import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.common.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import id.puskesos.rujukan.common.Groups;

/**
 * Variables reach a case only through the forms of its tasks and start events. On Camunda's REST API
 * ({@code /engine-rest}) and the same API as the webapps serve it to Tasklist ({@code /camunda/api/engine}), for every
 * user but an administrator:
 * <ul>
 * <li>a form submission ({@code POST task/{id}/submit-form}, {@code /complete}, {@code /resolve}; a start form's
 * {@code process-definition/.../submit-form} and {@code /start}) may set only the keys its form declares
 * ({@link DeclaredFormKeys}); anything else answers 400 naming the keys, and nothing is written. A business key
 * counts as a key no form declares: the process gives its instances theirs;</li>
 * <li>whatever sets variables or moves an instance without a form (task, process instance and execution variables,
 * modification, message and signal correlation, a BPMN error or escalation thrown at a task, a start with
 * instructions) answers 403: Tasklist needs none of it, and a case's commands trust what the process recorded.</li>
 * </ul>
 * A request for a task the user cannot see goes on unchanged: the engine answers it as before (404, 403). Refusals
 * have Camunda's error shape with the Indonesian message ({@link EngineRestRefusals#body}), and are logged with the
 * user, the endpoint and the refused keys, never the values.
 */
@Configuration
public class FormSubmissionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionGuard.class);

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> formSubmissionGuardFilter(
      ObjectProvider<IdentityService> identityService, ObjectProvider<TaskService> taskService,
      ObjectProvider<RepositoryService> repositoryService, ObjectProvider<DeclaredFormKeys> forms,
      ObjectMapper mapper, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(identityService, taskService, repositoryService, forms, mapper, webappPath + "/api/engine"));
    registration.setName("formSubmissionGuard");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    // behind the sign-in: Camunda's Basic authentication of /engine-rest is mapped before every matchAfter filter;
    // the webapps' session sign-in is read from the session when this filter happens to run first
    registration.setMatchAfter(true);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  /** What an engine REST request does to variables, by its method and path. */
  enum Kind {
    /** Nothing this guard judges. */
    OTHER,
    /** Completes a task with the variables of its form. */
    TASK_FORM,
    /** Starts a process with the variables of its start form. */
    START_FORM,
    /** Sets variables or moves an instance without a form. */
    DIRECT
  }

  /** The request's kind, the id of the task or definition (or the definition's key), and the tenant if named. */
  record Endpoint(Kind kind, String id, boolean byKey, String tenantId) {

    static final Endpoint OTHER = new Endpoint(Kind.OTHER, null, false, null);
    private static final Set<String> TASK_FORMS = Set.of("submit-form", "complete", "resolve");
    private static final Set<String> START_FORMS = Set.of("submit-form", "start");
    private static final Set<String> VARIABLES = Set.of("variables", "localVariables", "variables-async");

    /** {@code segments}: the path after the REST API's root and the engine's name. */
    static Endpoint of(String method, List<String> segments) {
      if (List.of("GET", "HEAD", "OPTIONS").contains(method) || segments.isEmpty()) {
        return OTHER;
      }
      String root = segments.get(0);
      int n = segments.size();
      String last = segments.get(n - 1);
      if (segments.stream().skip(1).anyMatch(VARIABLES::contains)) {
        return direct();
      }
      if ("task".equals(root) && n == 3) {
        if (TASK_FORMS.contains(last)) {
          return new Endpoint(Kind.TASK_FORM, segments.get(1), false, null);
        }
        if (Set.of("bpmnError", "bpmnEscalation").contains(last)) {
          return direct();
        }
      }
      if ("process-definition".equals(root) && START_FORMS.contains(last)) {
        if (n == 3) {
          return new Endpoint(Kind.START_FORM, segments.get(1), false, null);
        }
        if (n == 4 && "key".equals(segments.get(1))) {
          return new Endpoint(Kind.START_FORM, segments.get(2), true, null);
        }
        if (n == 6 && "key".equals(segments.get(1)) && "tenant-id".equals(segments.get(3))) {
          return new Endpoint(Kind.START_FORM, segments.get(2), true, segments.get(4));
        }
      }
      boolean moves = switch (root) {
        case "message", "signal", "condition" -> n == 1;
        case "process-instance" -> n == 3 && Set.of("modification", "modification-async").contains(last);
        case "modification", "migration" -> n == 2 && Set.of("execute", "executeAsync").contains(last);
        case "execution" -> n == 3 && "signal".equals(last) || n == 5 && "messageSubscriptions".equals(segments.get(2))
            && "trigger".equals(last);
        case "external-task" -> n == 3 && Set.of("complete", "bpmnError", "failure").contains(last);
        default -> false;
      };
      return moves ? direct() : OTHER;
    }

    private static Endpoint direct() {
      return new Endpoint(Kind.DIRECT, null, false, null);
    }
  }

  static final class Guard extends OncePerRequestFilter {

    /** Form submissions are small; a larger body is not read into memory. */
    static final int MAX_BODY = 1024 * 1024;

    private final ObjectProvider<IdentityService> identityService;
    private final ObjectProvider<TaskService> taskService;
    private final ObjectProvider<RepositoryService> repositoryService;
    private final ObjectProvider<DeclaredFormKeys> forms;
    private final ObjectMapper mapper;
    private final String webappApi;

    Guard(ObjectProvider<IdentityService> identityService, ObjectProvider<TaskService> taskService,
        ObjectProvider<RepositoryService> repositoryService, ObjectProvider<DeclaredFormKeys> forms,
        ObjectMapper mapper, String webappApi) {
      this.identityService = identityService;
      this.taskService = taskService;
      this.repositoryService = repositoryService;
      this.forms = forms;
      this.mapper = mapper;
      this.webappApi = webappApi;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      List<String> segments = segments(request);
      String engine = "default";
      if (segments.size() >= 2 && "engine".equals(segments.get(0))) {
        engine = segments.get(1);
        segments = segments.subList(2, segments.size());
      }
      Endpoint endpoint = Endpoint.of(request.getMethod(), segments);
      if (endpoint.kind() == Kind.OTHER) {
        chain.doFilter(request, response);
        return;
      }
      Authentication caller = caller(request, engine);
      if (caller == null || caller.getUserId() == null
          || caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.ADMIN)) {
        // nobody signed in is the sign-in's to answer (401); administrators administer
        chain.doFilter(request, response);
        return;
      }
      String where = request.getMethod() + " " + String.join("/", segments);
      if (endpoint.kind() == Kind.DIRECT) {
        refuse(response, direct(), caller, where, List.of());
        return;
      }
      if (request.getContentLengthLong() > MAX_BODY) {
        refuse(response, new InvalidInputException("variables", "Isi formulir terlalu besar"), caller, where,
            List.of());
        return;
      }
      byte[] body = readAtMost(request.getInputStream(), MAX_BODY);
      if (body == null) {
        refuse(response, new InvalidInputException("variables", "Isi formulir terlalu besar"), caller, where,
            List.of());
        return;
      }
      HttpServletRequest replay = new ReplayedRequest(request, body);
      JsonNode json = parse(body);
      if (json == null || !json.isObject()) {
        // not a form submission the engine would take; it answers it itself
        chain.doFilter(replay, response);
        return;
      }
      Set<String> sent = new TreeSet<>();
      JsonNode variables = json.get("variables");
      if (variables != null && variables.isObject()) {
        variables.fieldNames().forEachRemaining(sent::add);
      }
      if (endpoint.kind() == Kind.START_FORM) {
        if (nonEmpty(json.get("startInstructions")) || json.path("skipCustomListeners").asBoolean(false)
            || json.path("skipIoMappings").asBoolean(false)) {
          refuse(response, direct(), caller, where, List.of());
          return;
        }
        for (String field : List.of("businessKey", "caseInstanceId")) {
          if (nonEmpty(json.get(field))) {
            sent.add(field);
          }
        }
      }
      if (sent.isEmpty()) {
        chain.doFilter(replay, response);
        return;
      }
      Optional<Set<String>> declared = as(caller, () -> declared(endpoint));
      List<String> undeclared = declared.map(keys -> sent.stream().filter(key -> !keys.contains(key)).toList())
          .orElse(List.of());
      if (undeclared.isEmpty()) {
        chain.doFilter(replay, response);
        return;
      }
      List<FieldError> errors = new ArrayList<>();
      undeclared.forEach(key -> errors.add(new FieldError(key, "Isian '%s' tidak ada di formulir ini".formatted(key))));
      refuse(response, new InvalidInputException(errors), caller, where, undeclared);
    }

    private static ForbiddenException direct() {
      return new ForbiddenException("Mengubah variabel atau jalannya proses secara langsung hanya untuk administrator; "
          + "isi formulir tugas di Tasklist");
    }

    /** The form's keys, when the caller may see the task or process definition; else the engine answers. */
    private Optional<Set<String>> declared(Endpoint endpoint) {
      if (endpoint.kind() == Kind.TASK_FORM) {
        if (taskService.getObject().createTaskQuery().taskId(endpoint.id()).count() == 0) {
          return Optional.empty();
        }
        return forms.getObject().ofTask(endpoint.id());
      }
      ProcessDefinitionQuery query = repositoryService.getObject().createProcessDefinitionQuery();
      if (endpoint.byKey()) {
        query.processDefinitionKey(endpoint.id()).latestVersion();
        if (endpoint.tenantId() == null) {
          query.withoutTenantId();
        } else {
          query.tenantIdIn(endpoint.tenantId());
        }
      } else {
        query.processDefinitionId(endpoint.id());
      }
      List<ProcessDefinition> definitions = query.list();
      return definitions.size() == 1 ? forms.getObject().ofStart(definitions.get(0).getId()) : Optional.empty();
    }

    /**
     * Who asks: the engine's authentication for the request (set by the sign-in filters), else the webapps' session
     * sign-in for the engine.
     */
    private Authentication caller(HttpServletRequest request, String engine) {
      Authentication current = identityService.getObject().getCurrentAuthentication();
      if (current != null) {
        return current;
      }
      Authentications signedIn = Authentications.getCurrent();
      if (signedIn == null) {
        HttpSession session = request.getSession(false);
        signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      }
      if (signedIn != null
          && signedIn.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
        return new Authentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
      }
      return null;
    }

    /** Runs the lookup as the caller, so that the engine's authorizations judge what the caller may see. */
    private <T> T as(Authentication caller, Supplier<T> lookup) {
      IdentityService identity = identityService.getObject();
      Authentication current = identity.getCurrentAuthentication();
      boolean switched = current == null || !Objects.equals(current.getUserId(), caller.getUserId());
      if (switched) {
        identity.setAuthentication(caller);
      }
      try {
        return lookup.get();
      } finally {
        if (switched) {
          if (current == null) {
            identity.clearAuthentication();
          } else {
            identity.setAuthentication(current);
          }
        }
      }
    }

    private void refuse(HttpServletResponse response, Refusal refusal, Authentication caller, String where,
        List<String> keys) throws IOException {
      LOG.info("Engine REST request refused with {} ({}): {} by {}{}", refusal.status(),
          refusal.getClass().getSimpleName(), where, caller.getUserId(),
          keys.isEmpty() ? "" : ", keys its form does not declare: " + keys);
      response.setStatus(refusal.status());
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(mapper.writeValueAsBytes(EngineRestRefusals.body(refusal)));
    }

    /**
     * The path below the API's root, decoded and without path parameters as the container mapped it (the same path
     * Jersey matches), in segments.
     */
    private List<String> segments(HttpServletRequest request) {
      String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      for (String root : List.of("/engine-rest", webappApi)) {
        if (path.equals(root) || path.startsWith(root + "/")) {
          return Arrays.stream(path.substring(root.length()).split("/")).filter(s -> !s.isEmpty()).toList();
        }
      }
      return List.of();
    }

    private static boolean nonEmpty(JsonNode node) {
      return node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank())
          && !(node.isContainerNode() && node.isEmpty());
    }

    private JsonNode parse(byte[] body) {
      try {
        return body.length == 0 ? null : mapper.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** The body, or null when it is longer than the limit. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? null : body;
    }
  }
}
