package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The board per Puskesos (issue 22): each Puskesos's manajer and koordinator see their own cases and tasks only; the
 * city SLRT names the Puskesos whose board it opens, and sees every Puskesos side by side on the city's view, which
 * the Puskesos's staff may not open. Each figure is compared with the one before the test's cases, so other tests'
 * cases do not matter.
 */
class BoardTenancyScenarioTest extends ScenarioTestSupport {

  private static final String LEBAK_SILIWANGI = "3273021006";
  private static final String DAGO = "3273021005";

  @Test
  void eachPuskesosBoardCountsOnlyItsOwnCasesAndTasks() {
    JsonNode oursBefore = board("manajer", "");
    JsonNode theirsBefore = board("manajerdago", "");

    String theirs = api.atDago().openCase("FOOD");
    Task theirVisit = api.task(theirs, "task_homeVisit");
    late(theirVisit);
    try {
      JsonNode ours = board("koordinator", "");
      JsonNode dago = board("koordinatordago", "");

      assertThat(ours.get("puskesos").get("tenantId").asText()).isEqualTo(LEBAK_SILIWANGI);
      assertThat(dago.get("puskesos").get("name").asText()).isEqualTo("Dago");
      assertThat(open(ours) - open(oursBefore)).as("Dago's case is not on Lebak Siliwangi's board").isZero();
      assertThat(open(dago) - open(theirsBefore)).isEqualTo(1);
      assertThat(received(ours) - received(oursBefore)).isZero();
      assertThat(received(dago) - received(theirsBefore)).isEqualTo(1);
      assertThat(ours.get("oldestOverdue").findValuesAsText("referralNumber")).doesNotContain(theirs);
      assertThat(dago.get("oldestOverdue").findValuesAsText("referralNumber")).contains(theirs);
      assertThat(lateVerification(ours)).as("Dago's late task is not Lebak Siliwangi's")
          .isEqualTo(lateVerification(oursBefore));
      assertThat(lateVerification(dago)).isEqualTo(lateVerification(theirsBefore) + 1);

      String ourCase = api.openCase("FOOD");
      assertThat(open(board("manajer", "")) - open(oursBefore)).isEqualTo(1);
      assertThat(open(board("manajerdago", "")) - open(theirsBefore)).as("nor ours on Dago's").isEqualTo(1);
      assertThat(ourCase).contains(LEBAK_SILIWANGI);
    } finally {
      theirVisit = api.task(theirs, "task_homeVisit");
      theirVisit.setDueDate(null);
      taskService.saveTask(theirVisit);
    }
  }

  @Test
  void aPuskesosStaffMayNotOpenAnotherPuskesosBoard() {
    ResponseEntity<JsonNode> refused = api.get("koordinator", "/api/board?puskesos=" + DAGO);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().toString()).doesNotContain("openCasesByStage");
    assertThat(api.get("manajerdago", "/api/board?puskesos=" + LEBAK_SILIWANGI).getStatusCode().value())
        .isEqualTo(403);
    assertThat(api.get("koordinator", "/api/board?puskesos=9999999999").getStatusCode().value())
        .as("a code nobody works for is refused the same way, not told apart").isEqualTo(403);
    // naming one's own is the same as naming none
    assertThat(board("koordinator", "?puskesos=" + LEBAK_SILIWANGI).get("puskesos").get("tenantId").asText())
        .isEqualTo(LEBAK_SILIWANGI);
    assertThat(api.get("fo", "/api/board").getStatusCode().value()).as("the roles' rule stays").isEqualTo(403);
  }

  @Test
  void theCitySlrtNamesThePuskesosWhoseBoardItOpens() {
    api.atDago().openCase("FOOD");

    ResponseEntity<JsonNode> unnamed = api.get("slrt", "/api/board");
    assertThat(unnamed.getStatusCode().value()).isEqualTo(400);
    assertThat(unnamed.getBody().toString()).contains("Pilih Puskesos");

    JsonNode dago = board("slrt", "?puskesos=" + DAGO);
    assertThat(dago.get("puskesos").get("tenantId").asText()).isEqualTo(DAGO);
    assertThat(open(dago)).isEqualTo(open(board("manajerdago", "")));
    assertThat(board("slrt", "?puskesos=" + LEBAK_SILIWANGI).get("puskesos").get("name").asText())
        .isEqualTo("Lebak Siliwangi");
    assertThat(api.get("slrt", "/api/board?puskesos=32730").getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("admin", "/api/board?puskesos=32730").getStatusCode().value())
        .as("an administrator may name any Puskesos; one not registered is a bad request").isEqualTo(400);
    assertThat(api.get("admin", "/api/board?puskesos=" + DAGO).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theCityViewListsEveryPuskesosWithItsOwnCountsForTheCitySlrtOnly() {
    JsonNode before = city("slrt");
    for (String number : List.of(api.atDago().openCase("FOOD"), api.atDago().openCase("FOOD"), api.openCase("FOOD"))) {
      api.task(number, "task_homeVisit"); // the intake's steps are done: its tasks are there to be counted
    }

    JsonNode city = city("slrt");

    JsonNode ours = row(city, LEBAK_SILIWANGI);
    JsonNode dago = row(city, DAGO);
    assertThat(ours.get("name").asText()).isEqualTo("Lebak Siliwangi");
    assertThat(dago.get("kecamatan").asText()).isEqualTo("Coblong");
    assertThat(dago.get("openCases").asLong() - row(before, DAGO).get("openCases").asLong()).isEqualTo(2);
    assertThat(ours.get("openCases").asLong() - row(before, LEBAK_SILIWANGI).get("openCases").asLong()).isEqualTo(1);
    assertThat(dago.get("receivedThisMonth").asLong() - row(before, DAGO).get("receivedThisMonth").asLong())
        .isEqualTo(2);
    // the same figures as each Puskesos's own board
    JsonNode dagoBoard = board("manajerdago", "");
    assertThat(dago.get("received").asInt()).isEqualTo(received(dagoBoard));
    assertThat(dago.get("facilitated").asInt())
        .isEqualTo(dagoBoard.get("facilitation").get("overall").get("facilitated").asInt());
    assertThat(dago.get("lateTasks").asLong()).isEqualTo(sum(dagoBoard.get("dueStates").get("byStage"), "late"));
    assertThat(dago.get("dueToday").asLong()).isEqualTo(sum(dagoBoard.get("dueStates").get("byStage"), "dueToday"));
    assertThat(city.get("columns").findValuesAsText("label")).contains("Kasus terbuka", "Tugas terlambat",
        "Jatuh tempo hari ini", "Pengaduan bulan ini", "Tingkat fasilitasi");
    assertThat(city.get("best").findValuesAsText("key")).contains("lateTasks", "facilitationRate");
    assertThat(city("admin").get("puskesos")).hasSizeGreaterThanOrEqualTo(2);

    for (String user : new String[] {"koordinator", "manajer", "manajerdago", "fo", "dinsos"}) {
      assertThat(api.get(user, "/api/board/city").getStatusCode().value()).as(user).isEqualTo(403);
    }
  }

  @Test
  void theCitySlrtSignedInToTasklistOpensTheCityViewWithoutASecondLogin() throws Exception {
    WebappSession slrt = WebappSession.signIn(http.getRootUri(), "slrt");
    WebappSession koordinator = WebappSession.signIn(http.getRootUri(), "koordinator");

    WebappSession.Answer city = slrt.exchange("GET", "/api/board/city", null, null);

    assertThat(city.status()).as(city.body()).isEqualTo(200);
    assertThat(city.body()).contains(DAGO, LEBAK_SILIWANGI);
    assertThat(slrt.get("/board/kota.html").body()).contains("Papan Kota");
    assertThat(koordinator.exchange("GET", "/api/board/city", null, null).status()).isEqualTo(403);
  }

  private JsonNode board(String user, String query) {
    ResponseEntity<JsonNode> answer = api.get(user, "/api/board" + query);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  private JsonNode city(String user) {
    ResponseEntity<JsonNode> answer = api.get(user, "/api/board/city");
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return answer.getBody();
  }

  private void late(Task task) {
    task.setDueDate(new Date(0));
    taskService.saveTask(task);
  }

  private static JsonNode row(JsonNode city, String tenantId) {
    for (JsonNode row : city.get("puskesos")) {
      if (row.get("tenantId").asText().equals(tenantId)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + tenantId + " in " + city);
  }

  private static long open(JsonNode board) {
    return sum(board.get("openCasesByStage"), "count");
  }

  private static int received(JsonNode board) {
    return board.get("facilitation").get("overall").get("received").asInt();
  }

  private static long lateVerification(JsonNode board) {
    for (JsonNode row : board.get("dueStates").get("byStage")) {
      if (row.get("key").asText().equals("VERIFICATION")) {
        return row.get("late").asLong();
      }
    }
    return 0;
  }

  private static long sum(JsonNode rows, String field) {
    long sum = 0;
    for (JsonNode row : rows) {
      sum += row.get(field).asLong();
    }
    return sum;
  }
}
