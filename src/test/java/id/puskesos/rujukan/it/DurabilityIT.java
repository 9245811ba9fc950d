package id.puskesos.rujukan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.process.ReferralProcess;

/**
 * The README's embedded default (H2 file under ./data) keeps a case the user saw registered even when the
 * process is killed right after: H2 writes every commit through (WRITE_DELAY=0), and the registry check waiting at
 * its save point runs when the application is started again.
 */
class DurabilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path workDir;

  @Test
  void caseSeenRegisteredSurvivesAKilledProcess() throws Exception {
    String number;
    // a job the killed process had claimed waits for its claim to lapse (5 minutes by default, 10 s here)
    String lock = "--camunda.bpm.job-execution.lock-time-in-millis=10000";
    try (PackagedApp app = PackagedApp.start(workDir, lock)) {
      System.out.printf("startup of the packaged app on an empty H2 file: %.1f s%n", app.startup.toMillis() / 1000.0);
      HttpResponse<String> created = app.postJson("fo", "/api/referrals", """
          {"nik":"3273014507850001","kkNumber":"3273010101080002","fullName":"Siti Aminah","birthDate":"1985-07-05",
           "sex":"F","address":"Jl. Tamansari 12","rt":"3","rw":"7","kelurahan":"Lebak Siliwangi",
           "channel":"WALK_IN","needs":["FOOD"],"description":"Tidak ada makanan hari ini","urgent":true}""");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      number = JSON.readTree(created.body()).get("referralNumber").asText();
      assertThat(app.log()).as("the full NIK never reaches the log").doesNotContain("3273014507850001")
          .contains("3273**********01");

      app.kill();
    }
    assertThat(Files.list(workDir.resolve("data"))).anyMatch(p -> p.toString().endsWith(".mv.db"));

    try (PackagedApp restarted = PackagedApp.start(workDir, lock)) {
      System.out.printf("restart on the existing H2 file: %.1f s%n", restarted.startup.toMillis() / 1000.0);
      HttpResponse<String> found = restarted.get("bo", "/api/referrals/" + number);
      assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
      // the registry check runs after the intake's save point: if the kill came first, the restarted node runs it
      long deadline = System.currentTimeMillis() + 60_000;
      JsonNode view = JSON.readTree(found.body());
      while (!view.get("stage").asText().equals("VERIFICATION") && System.currentTimeMillis() < deadline) {
        Thread.sleep(250);
        view = JSON.readTree(restarted.get("bo", "/api/referrals/" + number).body());
      }
      assertThat(view.get("stage").asText()).isEqualTo("VERIFICATION");
      assertThat(view.get("urgent").asBoolean()).isTrue();
      assertThat(view.get("openTasks").get(0).get("taskDefinitionKey").asText())
          .isEqualTo(ReferralProcess.TASK_HOME_VISIT);
    }
  }
}
