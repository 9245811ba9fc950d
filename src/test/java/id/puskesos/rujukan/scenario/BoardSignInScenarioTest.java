package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The board opens with the Tasklist sign-in: a webapp session reads {@code GET /api/board} and nothing else of
 * {@code /api}; its user must still be a manajer or koordinator; without a session or Basic credentials it is 401.
 */
class BoardSignInScenarioTest extends ScenarioTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theManagerSignedInToTasklistReadsTheBoardWithoutASecondLogin() throws Exception {
    WebappSession manager = WebappSession.signIn(http.getRootUri(), "manajer");

    WebappSession.Answer board = manager.exchange("GET", "/api/board", null, null);

    assertThat(board.status()).as(board.body()).isEqualTo(200);
    JsonNode figures = JSON.readTree(board.body());
    assertThat(figures.get("openCasesByStage")).isNotEmpty();
    assertThat(figures.get("dueStates").get("states")).hasSize(4);
    // the page's own address, as Tasklist's link gives it
    HttpResponse<String> page = manager.get("/board/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Papan Layanan Rujukan");
    assertThat(manager.get("/board").statusCode()).as("the folder without its slash leads to it").isEqualTo(302);
  }

  @Test
  void tasklistsLinkFindsTheSignedInUsersGroupsInTheSession() {
    // what scripts/board-link.js asks to decide whether to show "Papan layanan"
    WebappSession koordinator = WebappSession.signIn(http.getRootUri(), "koordinator");
    WebappSession frontOffice = WebappSession.signIn(http.getRootUri(), "fo");

    assertThat(koordinator.engine("GET", "/identity/groups?userId=koordinator", null).body())
        .contains("\"id\":\"koordinator\"");
    assertThat(frontOffice.engine("GET", "/identity/groups?userId=fo", null).body())
        .doesNotContain("\"id\":\"koordinator\"", "\"id\":\"manajer\"");
  }

  @Test
  void aSessionWithoutTheManagersRightsIsRefused() {
    WebappSession frontOffice = WebappSession.signIn(http.getRootUri(), "fo");

    WebappSession.Answer board = frontOffice.exchange("GET", "/api/board", null, null);

    assertThat(board.status()).isEqualTo(403);
    assertThat(board.body()).contains("Hanya untuk manajer dan koordinator");
  }

  @Test
  void withoutASessionOrCredentialsTheBoardAsksToSignIn() {
    assertThat(http.getForEntity("/api/board", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aSessionSignsInToNoOtherRequestOfTheApi() {
    String number = api.openCase("FOOD");
    WebappSession manager = WebappSession.signIn(http.getRootUri(), "manajer");

    // the case page's reads are the other ones a session signs in (DeskScenarioTest); a command is not
    assertThat(manager.exchange("POST", "/api/referrals/" + number + "/withdrawal", "{\"reason\":\"x\"}",
        "application/json").status()).isEqualTo(401);
    assertThat(manager.exchange("GET", "/api/registry/imports", null, null).status()).isEqualTo(401);
    assertThat(manager.exchange("GET", "/api/calendar/2026", null, null).status()).isEqualTo(401);
    assertThat(manager.exchange("GET", "/api/board/", null, null).status()).isEqualTo(401);
    assertThat(manager.exchange("POST", "/api/board", "{}", "application/json").status()).isEqualTo(401);
    assertThat(manager.exchange("GET", "/v3/api-docs", null, null).status()).isEqualTo(401);
    // the same user's Basic credentials still open them
    assertThat(api.get("manajer", "/api/calendar/2026").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void basicCredentialsBesideTheSessionAreTheOnesThatCount() {
    WebappSession manager = WebappSession.signIn(http.getRootUri(), "manajer");

    // the front office's own credentials sent from the manager's browser: the front office asks, and is refused
    assertThat(manager.getWithBasic("/api/board", "fo", "demo").status()).isEqualTo(403);
    assertThat(manager.exchange("GET", "/api/board", null, null).status()).isEqualTo(200);
  }
}
