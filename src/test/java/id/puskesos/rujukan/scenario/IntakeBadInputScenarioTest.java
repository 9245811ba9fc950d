package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.registry.Registry;

/**
 * Bad input over every field of the intake API: a clear 400 naming the field, in Bahasa Indonesia, and nothing
 * written. Script and SQL strings where free text is allowed are stored and given back as text. Oversized bodies are
 * refused with 413 before they are read.
 */
class IntakeBadInputScenarioTest extends ScenarioTestSupport {

  private static final String CONTROL = "Teks\u0007dengan bel";

  @Autowired
  private Registry registry;
  @Autowired
  private JdbcClient jdbc;

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("nik", null), bad("nik", "12345"), bad("nik", "32730161079000AB"), bad("nik", Map.of("a", 1)),
        bad("kkNumber", null), bad("kkNumber", "123"), bad("kkNumber", List.of("3273010101080002")),
        bad("fullName", null), bad("fullName", "<script>alert(1)</script>"), bad("fullName", "S".repeat(121)),
        bad("fullName", "Siti\u0007Aminah"), bad("fullName", 42),
        bad("birthDate", null), bad("birthDate", "2099-01-01"), bad("birthDate", "21-07-1990"),
        bad("birthDate", "1899-12-31"),
        bad("sex", null), bad("sex", "X"), bad("sex", List.of("F")),
        bad("address", null), bad("address", "J".repeat(201)), bad("address", CONTROL),
        bad("rt", null), bad("rt", "12345"), bad("rt", "abc"),
        bad("rw", "0000"), bad("rw", "x"),
        bad("kelurahan", null), bad("kelurahan", "K".repeat(81)), bad("kelurahan", CONTROL),
        bad("phone", "abc"), bad("phone", "08"), bad("phone", "0812345678901234567"),
        bad("channel", null), bad("channel", "FAX"), bad("channel", List.of("WALK_IN")),
        bad("needs", null), bad("needs", List.of()), bad("needs", List.of("MONEY")), bad("needs", "FOOD"),
        bad("needs", Map.of("FOOD", true)),
        bad("description", null), bad("description", "D".repeat(2001)), bad("description", CONTROL),
        bad("description", List.of("teks")),
        bad("urgent", "yes"), bad("urgent", List.of(true)));
  }

  private static Arguments bad(String field, Object value) {
    return Arguments.of(field, value);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badFields")
  void badFieldIsRefusedByNameAndNothingIsWritten(String field, Object value) {
    Map<String, Object> intake = new LinkedHashMap<>(CaseApi.intake("FOOD"));
    intake.put(field, value);
    long cases = jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single();

    ResponseEntity<JsonNode> answer = api.submitIntake("fo", intake);

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
    assertThat(answer.getBody().get("errors")).anySatisfy(error -> {
      assertThat(error.get("field").asText()).startsWith(field);
      assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception");
    });
    if (!"nik".equals(field)) {
      assertThat(registry.findByNik(intake.get("nik").toString())).isEmpty();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isEqualTo(cases);
  }

  @Test
  void scriptAndSqlInFreeTextAreKeptAsTextAndAnswersAreNotCached() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String script = "<script>alert('x')</script> <img src=x onerror=alert(1)>";
    String sql = "'; DROP TABLE referral; -- \" OR 1=1";
    intake.put("description", script + " " + sql);
    intake.put("address", "Jl. Tamansari " + sql.substring(0, 20));

    ResponseEntity<JsonNode> created = api.submitIntake("fo", intake);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(created.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    String number = created.getBody().get("referralNumber").asText();
    assertThat(jdbc.sql("SELECT description FROM referral_intake WHERE referral_number = ?").param(number)
        .query(String.class).single()).isEqualTo(script + " " + sql);
    assertThat(registry.findByNik(intake.get("nik").toString()).orElseThrow().address()).endsWith(sql.substring(0, 20));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isPositive();
  }

  @Test
  void malformedJsonAndOversizedBodiesAreRefusedWithoutAStackTrace() {
    HttpHeaders headers = CaseApi.headers("fo");
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<JsonNode> malformed = http.exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>("nik=3273016107900002&fullName=Siti", headers), JsonNode.class);
    Map<String, Object> huge = CaseApi.intake("FOOD");
    huge.put("description", "x".repeat(70_000));
    ResponseEntity<JsonNode> oversized = api.submitIntake("fo", huge);

    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody().get("message").asText()).isEqualTo("Badan permintaan bukan JSON yang valid");
    assertThat(oversized.getStatusCode().value()).isEqualTo(413);
    assertThat(oversized.getBody().get("message").asText()).contains("terlalu besar");
    assertThat(Arrays.asList(malformed.getBody().toString(), oversized.getBody().toString()))
        .noneMatch(body -> body.contains("Exception") || body.contains("at id.puskesos"));
  }
}
