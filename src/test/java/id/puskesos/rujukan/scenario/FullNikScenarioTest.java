package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.registry.AccessLog;

/**
 * The full NIK of a case (docs/security.md, "Full NIK"): Dinas Sosial's staff read it on a case sent to Dinas Sosial
 * (they look the resident up in SIKS-NG/DTSEN), Puskesos staff on any case; every read is in the access log, the
 * number never in the application's log. Another partner's staff, a partner not allowed, managers, and Dinas Sosial
 * on a case never sent to it are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class FullNikScenarioTest extends ScenarioTestSupport {

  private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

  @Autowired
  private CaseFile caseFile;
  @Autowired
  private AccessLog accessLog;

  /** Sent to Dinas Sosial only (a program of its own). */
  private String toDinsos;
  /** Sent to BAZNAS only. */
  private String toBaznas;

  @BeforeAll
  void casesSentToOnePartnerEach() {
    CaseApi setup = new CaseApi(http, taskService);
    toDinsos = setup.caseNothingFits(false);
    String program = setup.testProgram();
    setup.complete("bo", toDinsos, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of(program), "recommendationReason", "Program uji");
    setup.complete("koordinator", toDinsos, "task_decideService", "caseDecision", "APPROVE");
    setup.awaitProgramStatus(toDinsos, program, "REFERRED");
    // a need nothing is routed to, so the back office's program is the only one the case goes to
    toBaznas = setup.submitIntake("fo", CaseApi.intake(CaseApi.NOTHING_FITS)).getBody().get("referralNumber")
        .asText();
    setup.verifyValid(toBaznas);
    setup.assessEligibleOnly(toBaznas, true, false, CaseApi.NOTHING_FITS);
    setup.complete("bo", toBaznas, "task_prepareRecommendation", "recommendation", "REFER", "addedPrograms",
        List.of("BAZNAS_KONSUMTIF"), "recommendationReason", "Program uji");
    setup.complete("koordinator", toBaznas, "task_decideService", "caseDecision", "APPROVE");
    setup.awaitProgramStatus(toBaznas, "BAZNAS_KONSUMTIF", "REFERRED");
    assertThat(setup.view(toBaznas).get("programs")).as("sent to BAZNAS alone").hasSize(1);
  }

  @BeforeEach
  void productionLogLevel() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
  }

  @AfterEach
  void testLogLevel() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
  }

  @Test
  void dinasSosialReadsTheFullNikOfItsCaseAndTheReadIsLoggedWithoutTheNumber(CapturedOutput output) {
    int before = fullNikReads(toDinsos).size();

    ResponseEntity<JsonNode> read = api.get("dinsos", "/api/referrals/" + toDinsos + "/resident/nik");

    assertThat(read.getStatusCode().value()).as(String.valueOf(read.getBody())).isEqualTo(200);
    String nik = read.getBody().get("nik").asText();
    assertThat(nik).matches("\\d{16}");
    assertThat(read.getBody().get("referralNumber").asText()).isEqualTo(toDinsos);
    assertThat(read.getHeaders().getCacheControl()).contains("no-store");
    String masked = api.view(toDinsos).get("resident").get("nikMasked").asText();
    assertThat(masked).isEqualTo(nik.substring(0, 4) + "**********" + nik.substring(14));
    List<AccessLog.Entry> reads = fullNikReads(toDinsos);
    assertThat(reads).hasSize(before + 1);
    AccessLog.Entry logged = reads.get(reads.size() - 1);
    assertThat(logged.by()).isEqualTo("dinsos");
    assertThat(logged.at()).isNotNull();
    assertThat(logged.detail()).contains(toDinsos, "Dinas Sosial Kota Bandung").doesNotContain(nik);
    assertThat(output.getAll()).doesNotContain(nik);
  }

  @Test
  void puskesosStaffReadItOnAnyCaseLogged() {
    int before = fullNikReads(toBaznas).size();

    ResponseEntity<JsonNode> read = api.get("bo", "/api/referrals/" + toBaznas + "/resident/nik");

    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(read.getBody().get("nik").asText()).matches("\\d{16}");
    assertThat(fullNikReads(toBaznas)).hasSize(before + 1).last()
        .satisfies(e -> assertThat(e.detail()).contains("petugas Puskesos"));
  }

  @Test
  void anotherOrganisationsStaffAndPartnersNotAllowedAreRefusedInIndonesianAndNothingIsLogged() {
    int before = fullNikReads(toDinsos).size() + fullNikReads(toBaznas).size();

    // BAZNAS on Dinas Sosial's case, and on its own case: not a partner that looks residents up by NIK
    for (String number : List.of(toDinsos, toBaznas)) {
      ResponseEntity<JsonNode> refused = api.get("baznas", "/api/referrals/" + number + "/resident/nik");
      assertThat(refused.getStatusCode().value()).as(number).isEqualTo(403);
      assertThat(refused.getBody().get("detail").asText()).contains("NIK lengkap hanya dapat dibaca");
      assertThat(refused.getBody().toString()).doesNotContainPattern("\\d{16}");
    }
    for (String user : List.of("salman", "manajer", "slrt")) {
      assertThat(api.get(user, "/api/referrals/" + toDinsos + "/resident/nik").getStatusCode().value()).as(user)
          .isEqualTo(403);
    }
    assertThat(fullNikReads(toDinsos).size() + fullNikReads(toBaznas).size()).isEqualTo(before);
  }

  @Test
  void dinasSosialIsRefusedACaseNeverSentToIt() {
    int before = fullNikReads(toBaznas).size();

    ResponseEntity<JsonNode> refused = api.get("dinsos", "/api/referrals/" + toBaznas + "/resident/nik");

    assertThat(refused.getStatusCode().value()).isEqualTo(404);
    assertThat(refused.getBody().toString()).doesNotContainPattern("\\d{16}");
    assertThat(fullNikReads(toBaznas)).hasSize(before);
    assertThat(api.get("dinsos", "/api/referrals/RJK-2026-999999/resident/nik").getStatusCode().value())
        .isEqualTo(404);
  }

  private List<AccessLog.Entry> fullNikReads(String number) {
    return accessLog.entries(caseFile.get(number).residentId()).stream()
        .filter(e -> e.purpose() == AccessLog.Purpose.FULL_NIK && e.detail().contains(number)).toList();
  }
}
