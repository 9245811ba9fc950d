package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application's edges: metrics only with a login, the same security headers on every path, Cockpit's plugin
 * API only for Cockpit's users, Camunda's password policy, and login throttling that holds a client back without
 * locking the user out of another client.
 */
class EdgeScenarioTest extends ScenarioTestSupport {

  /** A password the policy accepts. */
  private static final String STRONG = "Lebak-Siliwangi-2026!";

  @Autowired
  private IdentityService identityService;
  @Autowired
  private AuthorizationService authorizationService;
  @LocalServerPort
  private int port;

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
  void everyOwnPageAnswersAtItsFolderAndRunsOnlyItsOwnScripts() {
    Map<String, String> titles = Map.of("/board", "Papan", "/calendar", "Kalender Kerja", "/partners", "Mitra Puskesos",
        "/verifikasi", "Verifikasi Surat Rekomendasi");
    titles.forEach((page, title) -> {
      ResponseEntity<String> served = http.getForEntity(page + "/", String.class);
      assertThat(served.getStatusCode().value()).as(page).isEqualTo(200);
      assertThat(served.getBody()).as(page).contains(title);
      assertThat(served.getHeaders().getFirst("Content-Security-Policy")).as(page).startsWith("default-src 'self'");
      assertThat(http.getForEntity(page, String.class).getStatusCode().value()).as(page).isIn(200, 302);
    });
  }

  @Test
  void theAddressAloneLeadsToTasklist() throws Exception {
    java.net.http.HttpResponse<Void> home = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
        .endsWith("/camunda/app/tasklist/"));
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
  void theAdministratorCannotCreateAUserWithAWeakPassword() {
    String id = "uji" + ThreadLocalRandom.current().nextInt(1_000_000);
    ResponseEntity<JsonNode> refused = createUser("admin", id, "123");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).contains("Kata sandi tidak memenuhi kebijakan",
        "paling sedikit 12 karakter");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();

    assertThat(createUser("admin", id, STRONG).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<JsonNode> weakened = http.exchange("/engine-rest/user/" + id + "/credentials", HttpMethod.PUT,
        json("admin", Map.of("password", "123", "authenticatedUserPassword", "demo")), JsonNode.class);
    assertThat(weakened.getStatusCode().value()).isEqualTo(400);
    assertThat(identityService.checkPassword(id, STRONG)).isTrue();

    // the policy the Admin webapp shows while the password is typed
    JsonNode policy = http.exchange("/engine-rest/identity/password-policy", HttpMethod.GET,
        new HttpEntity<>(CaseApi.headers("admin")), JsonNode.class).getBody();
    assertThat(policy.toString()).contains("PASSWORD_POLICY_LENGTH", "\"minLength\":\"12\"",
        "PASSWORD_POLICY_SPECIAL", "PASSWORD_POLICY_USER_DATA");
    identityService.deleteUser(id);
  }

  @Test
  void wrongPasswordsFromOneClientDoNotLockTheUserOutOfAnother() throws Exception {
    String user = newUser();
    for (int i = 0; i < 5; i++) {
      assertThat(FromAddress.get("127.0.0.2", port, "/api/catalogue", user, "salah-" + i).status()).isEqualTo(401);
    }

    // the client that guessed waits, even with the right password
    FromAddress.Answer held = FromAddress.get("127.0.0.2", port, "/api/catalogue", user, STRONG);
    assertThat(held.status()).isEqualTo(429);
    assertThat(held.headers()).containsKey("retry-after");
    assertThat(held.body()).contains("Terlalu banyak percobaan masuk", "urn:rujukan:problem:login-throttled");
    assertThat(held.headers().get("content-type")).startsWith("application/problem+json");
    // the user, from their own machine, goes on working
    assertThat(FromAddress.get("127.0.0.1", port, "/api/catalogue", user, STRONG).status()).isEqualTo(200);
    assertThat(FromAddress.get("127.0.0.3", port, "/engine-rest/task", user, STRONG).status()).isEqualTo(200);
    identityService.deleteUser(user);
  }

  @Test
  void theAdministratorIsNotLockedOutByMoreWrongPasswordsThanCamundasLimit() throws Exception {
    // 15 wrong passwords reach the engine from three clients: Camunda's own throttle would lock admin for good at 10
    for (String client : List.of("127.0.0.4", "127.0.0.5", "127.0.0.6")) {
      for (int i = 0; i < 5; i++) {
        assertThat(FromAddress.get(client, port, "/engine-rest/user", "admin", "tebakan-" + i).status())
            .isEqualTo(401);
      }
    }

    assertThat(FromAddress.get("127.0.0.1", port, "/engine-rest/user", "admin", "demo").status()).isEqualTo(200);
  }

  @Test
  void aForwardedForHeaderDoesNotMakeAnotherClient() throws Exception {
    String user = newUser();
    for (int i = 0; i < 5; i++) {
      assertThat(FromAddress.get("127.0.0.7", port, "/api/catalogue", user, "salah-" + i, "X-Forwarded-For",
          "10.1.1." + i).status()).isEqualTo(401);
    }

    assertThat(FromAddress.get("127.0.0.7", port, "/api/catalogue", user, STRONG, "X-Forwarded-For", "10.1.1.99")
        .status()).isEqualTo(429);
    identityService.deleteUser(user);
  }

  @Test
  void theWebappsLoginIsThrottledByUserAndClientToo() throws Exception {
    String user = newUser();
    identityService.createMembership(user, "fo");
    for (int i = 0; i < 5; i++) {
      assertThat(WebappSession.login(http.getRootUri(), "tasklist", user, "salah-" + i).loginStatus())
          .isEqualTo(401);
    }

    assertThat(WebappSession.login(http.getRootUri(), "tasklist", user, STRONG).loginStatus()).isEqualTo(429);
    assertThat(FromAddress.get("127.0.0.8", port, "/engine-rest/task", user, STRONG).status()).isEqualTo(200);
    identityService.deleteUser(user);
  }

  @Test
  void noSignedInUserCanTestAnotherUsersPassword() {
    // the engine asks for READ on the user whose password is checked: give fo that, as a grant to list staff would
    String user = newUser();
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId("fo");
    read.setResource(Resources.USER);
    read.setResourceId(user);
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);

    for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify")) {
      ResponseEntity<JsonNode> answer = http.exchange(path, HttpMethod.POST,
          json("fo", Map.of("username", user, "password", STRONG)), JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(path).isEqualTo(403);
    }
    authorizationService.deleteAuthorization(read.getId());
    identityService.deleteUser(user);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private ResponseEntity<String> as(String user, String path) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(CaseApi.headers(user)), String.class);
  }

  private ResponseEntity<JsonNode> createUser(String as, String id, String password) {
    return http.exchange("/engine-rest/user/create", HttpMethod.POST, json(as, Map.of(
        "profile", Map.of("id", id, "firstName", "Uji", "lastName", "Pengguna", "email", id + "@puskesos.example"),
        "credentials", Map.of("password", password))), JsonNode.class);
  }

  /** A user of its own for a test that spends wrong passwords, so no other test's user is held back. */
  private String newUser() {
    String id = "kunci" + ThreadLocalRandom.current().nextInt(1_000_000);
    User user = identityService.newUser(id);
    user.setFirstName("Uji");
    user.setLastName("Kunci");
    user.setPassword(STRONG);
    identityService.saveUser(user);
    return id;
  }

  private static HttpEntity<Object> json(String user, Object body) {
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
