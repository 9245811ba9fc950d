package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application's edges: metrics only with a login, the same security headers on every path, Cockpit's plugin
 * API only for Cockpit's users, no password checks for others.
 */
class EdgeScenarioTest extends ScenarioTestSupport {

  @Test
  void metricsAnswerOnlyTheManagerAndTheAdministratorWhileHealthStaysOpen() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.getForEntity("/actuator", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(as("fo", "/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
    assertThat(as("dinsos", "/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> manager = as("manajer", "/actuator/prometheus");
    assertThat(manager.getStatusCode().value()).isEqualTo(200);
    assertThat(manager.getBody()).contains("rujukan_cases_open");
    assertThat(as("admin", "/actuator/prometheus").getStatusCode().value()).isEqualTo(200);

    // the load balancer's check: open, and it tells nothing but the state
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void everyPathTheApplicationServesCarriesTheSecurityHeaders() throws Exception {
    List<ResponseEntity<String>> answers = List.of(as("fo", "/api/catalogue"), as("fo", "/engine-rest/task"),
        http.getForEntity("/engine-rest/task", String.class), as("manajer", "/actuator/prometheus"),
        http.getForEntity("/actuator/prometheus", String.class), http.getForEntity("/actuator/health", String.class),
        http.getForEntity("/board/", String.class), http.getForEntity("/board/board.js", String.class),
        http.getForEntity("/camunda/app/tasklist/default/", String.class),
        http.getForEntity("/camunda/api/engine/engine/", String.class));
    for (ResponseEntity<String> answer : answers) {
      HttpHeaders headers = answer.getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(headers.toString()).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(headers.toString()).isEqualTo("DENY");
    }
    // answers of the APIs and the metrics are never stored by a browser or a proxy
    for (int i : new int[] {0, 1, 2, 3, 4, 5, 9}) {
      assertThat(answers.get(i).getHeaders().getCacheControl()).as(answers.get(i).getHeaders().toString())
          .isEqualTo("no-store");
    }
    // the board page allows nothing but its own scripts and no framing
    assertThat(answers.get(6).getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'",
        "default-src 'self'");
    // within a webapp session too (Camunda's own filter would answer no-cache)
    WebappSession tasklist = WebappSession.login(http.getRootUri(), "tasklist", "fo", "demo");
    HttpResponse<String> tasks = tasklist.get("/camunda/api/engine/engine/default/task?maxResults=1");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(tasks.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void aTasklistOnlyPartnerSessionCannotReadCockpitsPluginApi() throws Exception {
    String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    WebappSession partner = WebappSession.login(http.getRootUri(), "tasklist", "dinsos", "demo");
    assertThat(partner.loginStatus()).isEqualTo(200);
    assertThat(partner.get("/camunda/api/engine/engine/default/task?maxResults=1").statusCode()).isEqualTo(200);

    assertThat(partner.get(statistics).statusCode()).isEqualTo(403);
    assertThat(partner.get("/camunda/api/cockpit/plugin/base/default/process-instance/count").statusCode())
        .isEqualTo(403);
    assertThat(partner.get("/camunda/api/admin/plugin/adminPlugins/default/metrics").statusCode()).isEqualTo(403);

    // Cockpit's own users still read it
    WebappSession manager = WebappSession.login(http.getRootUri(), "cockpit", "manajer", "demo");
    assertThat(manager.loginStatus()).isEqualTo(200);
    HttpResponse<String> read = manager.get(statistics);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("referral");
  }

  @Test
  void noSignedInUserCanTestAnotherUsersPassword() {
    ResponseEntity<JsonNode> answer = http.exchange("/engine-rest/identity/verify", HttpMethod.POST,
        json("fo", Map.of("username", "admin", "password", "tebakan")), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(403);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private ResponseEntity<String> as(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(CaseApi.headers(user)), String.class);
  }

  private static HttpEntity<Object> json(String user, Object body) {
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
