package id.puskesos.rujukan.scenario;

import static id.puskesos.rujukan.process.EvaluationProcess.*;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.process.MonthlyReportProcess;
import id.puskesos.rujukan.report.ActivityReports;
import id.puskesos.rujukan.report.Period;

/**
 * The participatory evaluation at two levels: a Puskesos's evaluation counts its own cases and is its own (another
 * Puskesos's koordinator neither reads it nor answers for it); the city SLRT's evaluation sets the Puskesos side by
 * side, names the best practices, and its action items (one addressed to Dago) land in the same table. A Dago report
 * names Dago.
 */
class EvaluationTenancyScenarioTest extends ScenarioTestSupport {

  private static final String LEBAK = "3273021006";
  private static final String DAGO = "3273021005";
  /** Who answers for each partner of the catalogue. */
  private static final List<String> PARTNER_USERS = List.of("dinsos", "baznas", "salman", "puskesmas", "disdukcapil",
      "dpkp");

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private ActivityReports reports;

  @Test
  void eachPuskesosEvaluatesItsOwnCasesAndTheCitySetsThemSideBySide() {
    api.openCase("FOOD");
    api.atDago().openCase("FOOD");
    // a period no other test evaluates (they take quarters), ending today: both cases are in it
    Period period = new Period(CaseApi.today().minusDays(200), CaseApi.today());

    // Lebak Siliwangi's koordinator opens Lebak Siliwangi's evaluation: its instance is Lebak Siliwangi's
    String lebak = start("koordinator", period).getBody().get("id").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lebak).singleResult().getTenantId())
        .isEqualTo(LEBAK);
    long lebakId = evaluationId(lebak);
    String pack = page("koordinator", "/api/evaluations/" + lebakId + "/pack");
    long lebakCases = cases(period, LEBAK);
    assertThat(lebakCases).isLessThan(cases(period, null));
    assertThat(pack).contains("Puskesos Kelurahan Lebak Siliwangi", lebakCases + " pengaduan diterima;")
        .doesNotContain("Perbandingan Puskesos");

    // Dago's koordinator neither finds it nor answers for Lebak Siliwangi's team; a partner takes part in both
    assertThat(api.bytes("koordinatordago", "/api/evaluations/" + lebakId + "/pack").getStatusCode().value())
        .isEqualTo(404);
    assertThat(api.get("koordinatordago", "/api/evaluations").getBody().toString()).doesNotContain(
        "\"id\":" + lebakId + ",");
    Task team = taskOf(lebak, TASK_GIVE_FEEDBACK, "koordinator");
    assertThat(api.submitForm("koordinatordago", team.getId(), answer("PUSKESOS")).getStatusCode().value())
        .isNotEqualTo(204);
    assertThat(api.bytes("baznas", "/api/evaluations/" + lebakId + "/pack").getStatusCode().value()).isEqualTo(200);
    // a partner, who works for every Puskesos, cannot open the city's evaluation
    assertThat(start("dinsos", period).getStatusCode().value()).isEqualTo(403);

    // the city SLRT opens the city's: both Puskesos side by side, the best practices named
    String city = start("slrt", period).getBody().get("id").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(city).singleResult().getTenantId())
        .isNull();
    long cityId = evaluationId(city);
    String cityPack = page("koordinatordago", "/api/evaluations/" + cityId + "/pack");
    assertThat(cityPack).contains("Kota Bandung (semua Puskesos)", "Perbandingan Puskesos dan praktik terbaik",
        "Puskesos Lebak Siliwangi", "Puskesos Dago", "Praktik terbaik tingkat fasilitasi: ");
    String table = page("slrt", "/api/evaluations/" + cityId + "/pack/tables/perbandingan-puskesos.csv");
    assertThat(table).contains("Puskesos Lebak Siliwangi,Coblong," + lebakCases + ",",
        "Puskesos Dago,Coblong," + cases(period, DAGO) + ",");

    // the city's round: the SLRT and the partners answer, the SLRT holds the meeting
    assertThat(tasks(city, TASK_GIVE_FEEDBACK)).extracting(this::groups).contains("slrt").doesNotContain(
        "bo,fasilitator,fo,koordinator");
    assertThat(api.submitForm("slrt", taskOf(city, TASK_GIVE_FEEDBACK, "slrt").getId(), answer("SLRT"))
        .getStatusCode().value()).isEqualTo(204);
    for (String user : PARTNER_USERS) {
      assertThat(api.submitForm(user, taskOf(city, TASK_GIVE_FEEDBACK, user).getId(), answer(user))
          .getStatusCode().value()).isEqualTo(204);
    }
    Task meeting = tasks(city, TASK_HOLD_MEETING).get(0);
    assertThat(groups(meeting)).isEqualTo("slrt");
    assertThat(taskService.getVariable(meeting.getId(), OWNER_OPTIONS.name()).toString())
        .contains("puskesos:" + DAGO, "Puskesos Dago", "dinsos");
    String due = CaseApi.today().plusDays(14).toString();
    ResponseEntity<String> held = api.submitForm("slrt", meeting.getId(), MEETING_DATE.name(),
        CaseApi.today().toString(), ATTENDANCE.name(), List.of("SLRT", "DINSOS"), DECISIONS.name(),
        "Dago belajar dari praktik terbaik", IDEAS_ADOPTED.name(), List.of(),
        ACTION_DESCRIPTION.get(0).name(), "Tiru alur tindak lanjut Lebak Siliwangi", ACTION_OWNER.get(0).name(),
        "puskesos:" + DAGO, ACTION_DUE.get(0).name(), due,
        ACTION_DESCRIPTION.get(1).name(), "Percepat keputusan rujukan", ACTION_OWNER.get(1).name(), "dinsos",
        ACTION_DUE.get(1).name(), due);
    assertThat(held.getStatusCode().value()).as(held.getBody()).isEqualTo(204);

    // the items land in the one table; Dago's is followed up by the city SLRT (not every Puskesos's koordinator)
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks(city, TASK_DO_ACTION_ITEM).size() == 2);
    assertThat(jdbc.sql("SELECT owner_group, owner_tenant FROM evaluation_action WHERE evaluation_id = ? ORDER BY position")
        .param(cityId).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list())
        .containsExactly("koordinator/" + DAGO, "dinsos/null");
    assertThat(tasks(city, TASK_DO_ACTION_ITEM)).extracting(this::groups).containsExactlyInAnyOrder("slrt", "dinsos");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_appreciation WHERE evaluation_id = ?").param(cityId)
        .query(Long.class).single()).isEqualTo(PARTNER_USERS.size());
  }

  @Test
  void aDagoReportNamesDagoAndStaysDagos() {
    String month = java.time.YearMonth.now(id.puskesos.rujukan.RujukanApplication.ZONE).minusMonths(1).toString();
    ResponseEntity<JsonNode> started = api.submitStartForm("koordinatordago", MonthlyReportProcess.PROCESS_ID,
        MonthlyReportProcess.Variables.REPORT_MONTH.name(), month);
    String instance = started.getBody().get("id").asText();
    long id = ((Number) runtimeService.getVariable(instance, MonthlyReportProcess.Variables.REPORT_ID.name()))
        .longValue();
    try {
      assertThat(reports.get(id).tenantId()).isEqualTo(DAGO);
      assertThat(reports.report(id).subtitle()).contains("Puskesos Kelurahan Dago, Kecamatan Coblong")
          .doesNotContain("Lebak Siliwangi");
      assertThat(api.bytes("koordinatordago", "/api/reports/activity/" + id).getStatusCode().value()).isEqualTo(200);
      assertThat(api.bytes("koordinator", "/api/reports/activity/" + id).getStatusCode().value()).isEqualTo(404);
    } finally {
      runtimeService.deleteProcessInstance(instance, "test done");
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private ResponseEntity<JsonNode> start(String user, Period period) {
    return api.submitStartForm(user, PROCESS_ID, PERIOD_FROM.name(), period.from().toString(), PERIOD_TO.name(),
        period.to().toString());
  }

  /** The cases received in the period, of one Puskesos (null: the city). */
  private long cases(Period period, String tenant) {
    return jdbc.sql("SELECT COUNT(*) FROM referral WHERE received_at >= ? AND received_at < ?"
        + (tenant == null ? "" : " AND tenant_id = '" + tenant + "'")).params(period.start(), period.end())
        .query(Long.class).single();
  }

  private String page(String user, String path) {
    ResponseEntity<byte[]> answer = api.bytes(user, path);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return new String(answer.getBody(), StandardCharsets.UTF_8);
  }

  private long evaluationId(String instance) {
    return ((Number) runtimeService.getVariable(instance, EVALUATION_ID.name())).longValue();
  }

  private List<Task> tasks(String instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).list();
  }

  private Task taskOf(String instance, String key, String group) {
    return tasks(instance, key).stream().filter(t -> groups(t).contains(group)).findFirst().orElseThrow();
  }

  private String groups(Task task) {
    return String.join(",", taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).sorted().toList());
  }

  private static Object[] answer(String code) {
    List<Object> form = new ArrayList<>(List.of(WORKED.name(), "Rujukan cepat " + code, OBSTACLES.name(),
        "Anggaran " + code, IDEAS.name(), "Ide " + code, "scoreCoordination", "4", "scoreCooperation", "4",
        "scoreCollaboration", "4", "scoreInterprofessional", "3"));
    return form.toArray();
  }
}
