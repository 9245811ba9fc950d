package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail: refused requests, failed logins, deployments and their deletion, membership and authorization
 * changes, each with who, when, what and the client's address; read by the administrator only; no password and no
 * identity number in full.
 */
class AuditTrailScenarioTest extends ScenarioTestSupport {

  @Autowired
  private IdentityService identityService;
  @LocalServerPort
  private int port;

  @Test
  void aRefusedRequestIsInTheTrailWithWhoAndFromWhere() throws Exception {
    String code = "UJI_AUDIT_" + ThreadLocalRandom.current().nextInt(1_000_000);

    assertThat(FromAddress.get("127.0.0.11", port, "/api/notifications?mark=" + code, "fo", "demo").status())
        .isEqualTo(403);

    JsonNode event = only(e -> e.get("target").asText().equals("GET /api/notifications?mark=" + code));
    assertThat(event.get("action").asText()).isEqualTo("FORBIDDEN");
    assertThat(event.get("actor").asText()).isEqualTo("fo");
    assertThat(event.get("clientAddress").asText()).isEqualTo("127.0.0.11");
    assertThat(event.get("status").asInt()).isEqualTo(403);
    assertThat(event.get("at").asText()).isNotBlank();
  }

  @Test
  void aFailedLoginIsInTheTrailWithTheNameTriedButNeverThePassword() throws Exception {
    String path = "/api/catalogue?mark=" + ThreadLocalRandom.current().nextInt(1_000_000);

    assertThat(FromAddress.get("127.0.0.12", port, path, "bo", "Rahasia-Sekali-99").status()).isEqualTo(401);
    assertThat(FromAddress.get("127.0.0.12", port, path, null, null).status()).isEqualTo(401);

    List<JsonNode> events = events(e -> e.get("target").asText().equals("GET " + path));
    assertThat(events).hasSize(2);
    JsonNode failed = events.stream().filter(e -> e.get("action").asText().equals("LOGIN_FAILED")).findFirst()
        .orElseThrow();
    assertThat(failed.get("actor").asText()).isEqualTo("bo");
    assertThat(failed.get("clientAddress").asText()).isEqualTo("127.0.0.12");
    JsonNode anonymous = events.stream().filter(e -> e.get("action").asText().equals("UNAUTHENTICATED"))
        .findFirst().orElseThrow();
    assertThat(anonymous.get("actor").isNull()).isTrue();
    assertThat(trail().toString()).doesNotContain("Rahasia-Sekali-99");
  }

  @Test
  void aFailedWebappLoginIsInTheTrail() throws Exception {
    String user = "tidakada" + ThreadLocalRandom.current().nextInt(1_000_000);

    assertThat(WebappSession.login(http.getRootUri(), "tasklist", user, "Rahasia-Sekali-98").loginStatus())
        .isEqualTo(401);

    JsonNode event = only(e -> e.get("actor").asText().equals(user));
    assertThat(event.get("action").asText()).isEqualTo("LOGIN_FAILED");
    assertThat(event.get("target").asText()).isEqualTo("POST /camunda/api/admin/auth/user/default/login/tasklist");
    assertThat(event.get("clientAddress").asText()).isNotBlank();
    assertThat(trail().toString()).doesNotContain("Rahasia-Sekali-98");
  }

  @Test
  void anIdentityNumberInARefusedRequestIsMasked() throws Exception {
    String nik = "3273014507850001";

    assertThat(FromAddress.get("127.0.0.13", port, "/api/registry/residents?nik=" + nik, null, null).status())
        .isEqualTo(401);

    JsonNode event = only(e -> e.get("clientAddress").asText().equals("127.0.0.13"));
    assertThat(event.get("target").asText()).isEqualTo("GET /api/registry/residents?nik=3273**********01");
    assertThat(trail().toString()).doesNotContain(nik);
  }

  @Test
  void aDeploymentAndItsDeletionAreInTheTrail() throws Exception {
    String name = "uji-jejak-" + ThreadLocalRandom.current().nextInt(1_000_000);
    ResponseEntity<JsonNode> deployed = deploy("analis", name);
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    String deploymentId = deployed.getBody().get("id").asText();

    assertThat(http.exchange("/engine-rest/deployment/" + deploymentId, HttpMethod.DELETE,
        new HttpEntity<>(CaseApi.headers("admin")), String.class).getStatusCode().value()).isEqualTo(204);

    JsonNode created = only(e -> e.get("action").asText().equals("DEPLOYMENT_CREATE")
        && e.get("target").asText().equals("deployment " + deploymentId));
    assertThat(created.get("actor").asText()).isEqualTo("analis");
    assertThat(created.get("clientAddress").asText()).isNotBlank();
    assertThat(created.get("detail").asText()).contains(name, name + ".bpmn");
    JsonNode deleted = only(e -> e.get("action").asText().equals("DEPLOYMENT_DELETE")
        && e.get("target").asText().equals("deployment " + deploymentId));
    assertThat(deleted.get("actor").asText()).isEqualTo("admin");
    assertThat(deleted.get("detail").asText()).contains(name, "cascade=false");
  }

  @Test
  void membershipAndAuthorizationChangesAreInTheTrail() throws Exception {
    String user = newUser();

    assertThat(FromAddress.send("127.0.0.14", port, "PUT", "/engine-rest/group/fo/members/" + user, "admin", "demo",
        null).status()).isEqualTo(204);
    assertThat(FromAddress.send("127.0.0.14", port, "DELETE", "/engine-rest/group/fo/members/" + user, "admin",
        "demo", null).status()).isEqualTo(204);
    assertThat(FromAddress.send("127.0.0.14", port, "POST", "/engine-rest/authorization/create", "admin", "demo",
        """
        {"type": 1, "permissions": ["READ"], "userId": "%s", "resourceType": 6, "resourceId": "referral"}"""
            .formatted(user)).status()).isEqualTo(200);

    JsonNode added = only(e -> e.get("action").asText().equals("MEMBERSHIP_CREATE")
        && e.get("target").asText().equals("user " + user + " in group fo"));
    assertThat(added.get("actor").asText()).isEqualTo("admin");
    assertThat(added.get("clientAddress").asText()).isEqualTo("127.0.0.14");
    JsonNode removed = only(e -> e.get("action").asText().equals("MEMBERSHIP_DELETE")
        && e.get("target").asText().equals("user " + user + " in group fo"));
    assertThat(removed.get("actor").asText()).isEqualTo("admin");
    JsonNode granted = only(e -> e.get("action").asText().equals("AUTHORIZATION_CREATE")
        && e.get("detail").asText().contains("userId=" + user));
    assertThat(granted.get("actor").asText()).isEqualTo("admin");
    assertThat(granted.get("clientAddress").asText()).isEqualTo("127.0.0.14");
    assertThat(granted.get("detail").asText()).contains("resource=ProcessDefinition", "resourceId=referral",
        "permissions=READ");
    identityService.deleteUser(user);
  }

  @Test
  void aMembershipMadeWithNoSignedInUserIsInTheTrailToo() throws Exception {
    // as an expression in a deployed model run by a timer job would: no user, no request
    String user = newUser();

    identityService.createMembership(user, "koordinator");

    JsonNode added = only(e -> e.get("action").asText().equals("MEMBERSHIP_CREATE")
        && e.get("target").asText().equals("user " + user + " in group koordinator"));
    assertThat(added.get("actor").isNull()).isTrue();
    assertThat(added.get("clientAddress").isNull()).isTrue();
    assertThat(added.get("detail").asText()).contains("no signed-in user");
    identityService.deleteUser(user);
  }

  @Test
  void onlyTheAdministratorReadsTheTrail() {
    for (String user : List.of("manajer", "analis", "koordinator", "fo", "dinsos", "nakes")) {
      assertThat(api.get(user, "/api/audit").getStatusCode().value()).as(user).isEqualTo(403);
    }
    assertThat(api.get(null, "/api/audit").getStatusCode().value()).isEqualTo(401);
    assertThat(api.get("admin", "/api/audit").getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("admin", "/api/audit?from=kemarin").getStatusCode().value()).isEqualTo(400);
    // the refusals themselves are in the trail
    assertThat(events(e -> e.get("actor").asText().equals("analis") && e.get("target").asText()
        .equals("GET /api/audit"))).isNotEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private JsonNode trail() {
    ResponseEntity<JsonNode> answer = api.get("admin", "/api/audit?from=" + CaseApi.today().minusDays(1));
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody().get("events");
  }

  private List<JsonNode> events(Predicate<JsonNode> wanted) {
    List<JsonNode> found = new ArrayList<>();
    trail().forEach(e -> {
      if (wanted.test(e)) {
        found.add(e);
      }
    });
    return found;
  }

  private JsonNode only(Predicate<JsonNode> wanted) {
    List<JsonNode> found = events(wanted);
    assertThat(found).as(trail().toString()).hasSize(1);
    return found.get(0);
  }

  private ResponseEntity<JsonNode> deploy(String user, String name) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://puskesos.id/uji">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="1825">
            <startEvent id="start"/>
            <sequenceFlow id="flow" sourceRef="start" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>""".formatted(name.replace('-', '_'));
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("deployment-source", "uji");
    form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name + ".bpmn";
      }
    });
    HttpHeaders headers = CaseApi.headers(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers),
        JsonNode.class);
  }

  private String newUser() {
    String id = "jejak" + ThreadLocalRandom.current().nextInt(1_000_000);
    User user = identityService.newUser(id);
    user.setFirstName("Uji");
    user.setLastName("Jejak");
    user.setPassword("Lebak-Siliwangi-2026!");
    identityService.saveUser(user);
    return id;
  }
}
