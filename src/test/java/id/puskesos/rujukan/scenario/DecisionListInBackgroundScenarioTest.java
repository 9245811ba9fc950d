package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A long decision list (here ten rows: {@code rujukan.proposal.background-from} in the test profile) is decided in the
 * import and its cases move in an engine batch on the job executor: the answer counts them and names the batch, and
 * the case then moves as a short list moves it (docs/partners.md).
 */
class DecisionListInBackgroundScenarioTest extends ScenarioTestSupport {

  @Autowired
  private ManagementService managementService;

  @Test
  void aLongListIsDecidedAtOnceAndItsCasesMoveInTheBackground() {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    api.verifyValid(number);
    api.assessEligible(number, false, false, "FOOD");
    api.awaitProgramStatus(number, "BPNT", "PROPOSED");
    StringBuilder list = new StringBuilder("NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n")
        .append(intake.get("kkNumber")).append(",BPNT,,DITETAPKAN,\n");
    for (int i = 1; i <= 9; i++) {
      list.append("32739900000000%02d,BPNT,,DITETAPKAN,\n".formatted(i)); // households with nothing waiting
    }

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<JsonNode> answer = http.withBasicAuth("dinsos", "demo").exchange("/api/proposals/decisions",
        HttpMethod.POST, new HttpEntity<>(list.toString(), headers), JsonNode.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getBody().get("enrolled").asInt()).isEqualTo(1);
    assertThat(answer.getBody().get("unmatched")).hasSize(9);
    assertThat(answer.getBody().get("batchId").asText()).isNotBlank();
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> "ENROLLED".equals(api.program(number, "BPNT").get("status").asText()));
    assertThat(api.timeline(number, "PROPOSAL_DECIDED")).anySatisfy(t -> assertThat(t).contains("ditetapkan"));
    // the batch is done: the engine removes a batch once every job succeeded (a failed one keeps it, with an incident)
    await().atMost(Duration.ofSeconds(60)).until(() -> managementService.createBatchQuery()
        .batchId(answer.getBody().get("batchId").asText()).count() == 0);
  }

  @Test
  void aListOfACitysSizeIsReadWholeAndOneOverItsLimitIsRefused() {
    // 3,000 rows (over the API's 64 KB for JSON), households with nothing waiting here
    StringBuilder list = new StringBuilder("NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n");
    for (int i = 0; i < 3000; i++) {
      list.append("3273990%09d,BPNT,,DITETAPKAN,\n".formatted(i));
    }
    assertThat(list.length()).isGreaterThan(64 * 1024);
    ResponseEntity<JsonNode> answer = importList(list.toString());
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getBody().get("unmatched")).hasSize(3000);
    assertThat(answer.getBody().get("batchId").isNull()).isTrue();

    ResponseEntity<JsonNode> tooLarge = importList("NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n"
        + "3273990000000001,BPNT,,DITETAPKAN,\n".repeat(17 * 1024 * 1024 / 35 + 1));
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getBody().get("detail").asText()).isEqualTo("Isi permintaan terlalu besar (paling banyak 16 MB)");
  }

  private ResponseEntity<JsonNode> importList(String list) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.withBasicAuth("dinsos", "demo").exchange("/api/proposals/decisions", HttpMethod.POST,
        new HttpEntity<>(list, headers), JsonNode.class);
  }
}
