package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case's life writes no full NIK and no phone number to the log or into an error message: the log is captured at
 * the production level (INFO) while a resident is registered, merged, refused, verified, assessed and referred.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogScenarioTest extends ScenarioTestSupport {

  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @BeforeEach
  void productionLogLevel() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
  }

  @AfterEach
  void testLogLevel() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
  }

  @Test
  void noFullNikOrPhoneNumberReachesTheLogOrAnErrorMessage(CapturedOutput output) {
    Map<String, Object> intake = CaseApi.intake("FOOD");
    intake.put("phone", "081298765432");
    String nik = intake.get("nik").toString();
    String number = api.submitIntake("fo", intake).getBody().get("referralNumber").asText();
    assertThat(api.submitIntake("fo", intake).getStatusCode().value()).isEqualTo(200);
    Map<String, Object> wrong = new HashMap<>(intake);
    wrong.put("birthDate", "1999-12-31");
    ResponseEntity<JsonNode> refused = api.submitIntake("fo", wrong);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    api.verifyValid(number);
    api.assessEligible(number, true, true, "FOOD");
    api.awaitProgramStatus(number, "BPNT", "PROPOSED");

    assertThat(output.getAll()).contains(nik.substring(0, 4) + "**********" + nik.substring(14))
        .doesNotContain(nik).doesNotContain("81298765432");
    assertThat(refused.getBody().toString()).doesNotContain(nik);
    assertThat(api.view(number).toString()).doesNotContain(nik).doesNotContain("81298765432");
  }
}
