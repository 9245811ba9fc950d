package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client of the domain API can rely on: errors are RFC 9457 problems ({@code application/problem+json}, type,
 * title, status, detail in Bahasa Indonesia, and the {@code message} older clients read), and the API describes
 * itself in OpenAPI at {@code /v3/api-docs} to signed-in users only.
 */
class ApiContractScenarioTest extends ScenarioTestSupport {

  @Test
  void aCaseThatDoesNotExistIsAProblemWithItsTypeTitleAndIndonesianDetail() {
    ResponseEntity<JsonNode> answer = http.exchange("/api/referrals/RJK-0000-TIDAKADA", HttpMethod.GET,
        new HttpEntity<>(CaseApi.headers("manajer")), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = answer.getBody();
    assertThat(problem.get("type").asText()).isEqualTo("urn:rujukan:problem:not-found");
    assertThat(problem.get("title").asText()).isEqualTo("Tidak ditemukan");
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asText()).contains("RJK-0000-TIDAKADA");
    assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());
    assertThat(problem.get("instance").asText()).isEqualTo("/api/referrals/RJK-0000-TIDAKADA");
  }

  @Test
  void badInputIsAProblemListingEveryField() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("rt", "abc");
    intake.put("birthDate", "1985-13-45");

    ResponseEntity<JsonNode> answer = api.submitIntake("fo", intake);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = answer.getBody();
    assertThat(problem.get("type").asText()).isEqualTo("urn:rujukan:problem:invalid-input");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).startsWith("Data tidak valid: ").contains("RT");
    assertThat(problem.get("message").asText()).isEqualTo("Data tidak valid");
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).contains("rt", "birthDate");
  }

  @Test
  void aBodyThatIsNotJsonAndABodyOverTheLimitAreProblemsToo() {
    HttpHeaders headers = CaseApi.headers("fo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> malformed = http.exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>("nik=3273016107900002", headers), JsonNode.class);
    Map<String, Object> huge = CaseApi.intake("FOOD");
    huge.put("description", "x".repeat(70_000));
    ResponseEntity<JsonNode> oversized = api.submitIntake("fo", huge);

    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(malformed.getBody().get("type").asText()).isEqualTo("urn:rujukan:problem:unreadable-body");
    assertThat(malformed.getBody().get("detail").asText()).isEqualTo("Badan permintaan bukan JSON yang valid");
    assertThat(oversized.getStatusCode().value()).isEqualTo(413);
    assertThat(oversized.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(oversized.getBody().get("type").asText()).isEqualTo("urn:rujukan:problem:body-too-large");
    assertThat(oversized.getBody().get("status").asInt()).isEqualTo(413);
    assertThat(oversized.getBody().get("detail").asText()).contains("terlalu besar");
  }

  @Test
  void theApiDescriptionIsServedToSignedInUsersOnly() {
    ResponseEntity<JsonNode> described = http.exchange("/v3/api-docs", HttpMethod.GET,
        new HttpEntity<>(CaseApi.headers("fo")), JsonNode.class);
    ResponseEntity<String> anonymous = http.getForEntity("/v3/api-docs", String.class);
    ResponseEntity<String> anonymousYaml = http.getForEntity("/v3/api-docs.yaml", String.class);
    ResponseEntity<String> wrongPassword = http.exchange("/v3/api-docs", HttpMethod.GET,
        new HttpEntity<>(basic("bukan-pengguna", "salah")), String.class);

    assertThat(described.getStatusCode().value()).isEqualTo(200);
    assertThat(described.getHeaders().getCacheControl()).isEqualTo("no-store");
    JsonNode paths = described.getBody().get("paths");
    assertThat(paths.has("/api/referrals")).as(paths.toString()).isTrue();
    assertThat(paths.has("/api/referrals/{referralNumber}")).isTrue();
    assertThat(paths.has("/api/registry/imports")).isTrue();
    assertThat(paths.has("/api/referrals/{referralNumber}/resident/nik")).isTrue();
    // the one operation open without a login says so; the others take HTTP Basic
    assertThat(paths.at("/~1api~1public~1letters~1{code}/get/security").isArray()).as(paths.toString()).isTrue();
    assertThat(paths.at("/~1api~1public~1letters~1{code}/get/security")).isEmpty();
    assertThat(paths.at("/~1api~1referrals~1{referralNumber}/get/security").isMissingNode()).isTrue();
    assertThat(paths.fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
    assertThat(described.getBody().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymousYaml.getStatusCode().value()).isEqualTo(401);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
  }

  private static HttpHeaders basic(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return headers;
  }
}
