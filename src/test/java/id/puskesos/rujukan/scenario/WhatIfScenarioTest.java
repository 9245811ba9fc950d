package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.common.InvalidInputException;
import id.puskesos.rujukan.evaluation.Evaluations;
import id.puskesos.rujukan.simulation.Report;
import id.puskesos.rujukan.simulation.Simulation;
import id.puskesos.rujukan.simulation.WhatIf;

/**
 * The what-if simulation on a hand-built past quarter (2019-Q2, which no other test uses): three food cases the back
 * office sent to a test program of Dinas Sosial (Rp100 a grant, no budget in 2019: all three wait), a food case routed
 * to BPNT, and an education case nothing fits. The candidate table is the deployed one plus a row that gives education
 * to the test program.
 */
class WhatIfScenarioTest extends ScenarioTestSupport {

  private static final LocalDate FROM = LocalDate.of(2019, 4, 1);
  private static final LocalDate TO = LocalDate.of(2019, 6, 30);

  /** The quarter, built once for the class: the test program and the cases in the order of their days. */
  private static String program;
  private static List<String> cases;

  @Autowired
  private WhatIf whatIf;
  @Autowired
  private Evaluations evaluations;
  @Autowired
  private JdbcClient jdbc;

  @Test
  void aCandidateRowGivesTheCaseWithoutProgramOneAndItWaitsForBudget() throws IOException {
    quarter();
    Map<String, Long> before = liveCounts();
    long tasksBefore = tasks();

    Simulation simulation = whatIf.run(new WhatIf.Request(FROM, TO, candidateTable(), List.of(), null), "analis");

    Report r = simulation.report();
    assertThat(r.casesReceived()).isEqualTo(5);
    assertThat(r.casesReplayed()).isEqualTo(5);
    assertThat(r.noProgramActual()).isEqualTo(1);
    assertThat(r.noProgramWhatIf()).isZero();
    assertThat(r.casesGaining()).isEqualTo(1);
    assertThat(r.programsGained()).isEqualTo(1);
    assertThat(r.casesLosing()).isZero();
    Report.ProgramRow row = row(r, program);
    assertThat(row.casesActual()).isEqualTo(3);
    assertThat(row.casesWhatIf()).isEqualTo(4);
    assertThat(row.waitingActual()).isEqualTo(3);
    assertThat(row.waitingWhatIf()).isEqualTo(4);
    assertThat(row.neededActual()).containsExactly(Map.entry("2019-05", 300L));
    assertThat(row.neededWhatIf()).containsExactly(Map.entry("2019-05", 400L));
    assertThat(r.changes()).singleElement().satisfies(c -> {
      assertThat(c.referralNumber()).isEqualTo(cases.get(4));
      assertThat(c.programCode()).isEqualTo(program);
      assertThat(c.change()).isEqualTo(Report.GAINED);
      assertThat(c.maskedName()).matches("\\S\\*\\*\\*( \\S\\*\\*\\*)*");
    });
    assertThat(r.table()).isEqualTo("tabel kelayakan kandidat");

    // nothing of the case file, the budgets or the ledger was written; no message, no task
    assertThat(liveCounts()).isEqualTo(before);
    assertThat(tasks()).isEqualTo(tasksBefore);
    assertThat(whatIf.find(simulation.id())).isPresent();
  }

  @Test
  void aTopUpInJuneShrinksTheWaitingListByTheCasesItServes() {
    quarter();
    Map<String, Long> before = liveCounts();
    long tasksBefore = tasks();

    ResponseEntity<JsonNode> answer = api.post("analis", "/api/simulations", Map.of("from", FROM.toString(),
        "to", TO.toString(), "topUps", List.of(Map.of("programCode", program, "period", "2019-06", "amount", 200))));

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
    JsonNode r = answer.getBody().get("report");
    JsonNode row = null;
    for (JsonNode p : r.get("programs")) {
      row = p.get("programCode").asText().equals(program) ? p : row;
    }
    assertThat(row.get("waitingActual").asInt()).isEqualTo(3);
    assertThat(row.get("waitingWhatIf").asInt()).as("200 serves two grants of 100").isEqualTo(1);
    assertThat(r.get("casesGaining").asInt()).as("the deployed table changes nobody's programs").isZero();
    assertThat(r.get("casesLosing").asInt()).isZero();
    assertThat(r.get("facilitationActual").get("facilitated").asInt()).isZero();
    assertThat(r.get("facilitationWhatIf").get("facilitated").asInt()).as("the two served get their aid").isEqualTo(2);
    assertThat(r.get("facilitationWhatIf").get("rate").asDouble()).isEqualTo(0.4);
    assertThat(r.get("changes").isNull()).as("the masked list is the koordinator's").isTrue();
    assertThat(liveCounts()).isEqualTo(before);
    assertThat(tasks()).isEqualTo(tasksBefore);

    long id = answer.getBody().get("id").asLong();
    assertThat(api.get("koordinator", "/api/simulations/" + id).getBody().get("report").get("changes").isArray())
        .isTrue();
    ResponseEntity<byte[]> csv = api.bytes("manajer", "/api/simulations/" + id + "/csv");
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).contains("Kode program,Program,Mitra,Kasus (nyata),Kasus (simulasi)");
    assertThat(text).contains(program + ",Bantuan uji,");

    // attached to the quarter's evaluation, its pack shows it
    long evaluation = evaluations.open("3273021006", FROM.toString(), TO.toString(), false, "koordinator").id();
    String attach = "/api/evaluations/" + evaluation + "/simulations/" + id;
    assertThat(api.post("analis", attach, Map.of()).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("koordinator", attach, Map.of()).getStatusCode().value()).isEqualTo(204);
    assertThat(new String(api.bytes("koordinator", "/api/evaluations/" + evaluation + "/pack").getBody(),
        StandardCharsets.UTF_8)).contains("Simulasi perubahan aturan").contains("daftar tunggu anggaran 3 menjadi 1");
  }

  @Test
  void onlyTheAnalystKoordinatorAndManagerRunOrReadSimulationsAndABadPeriodIsRefusedInIndonesian() {
    Map<String, Object> body = Map.of("from", "2019-04-01", "to", "2019-06-30");
    assertThat(api.post("fo", "/api/simulations", body).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("baznas", "/api/simulations", body).getStatusCode().value()).isEqualTo(403);
    long id = api.post("manajer", "/api/simulations", body).getBody().get("id").asLong();
    assertThat(api.get("baznas", "/api/simulations/" + id).getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("fo", "/api/simulations/" + id + "/csv").getStatusCode().value()).isEqualTo(403);

    ResponseEntity<JsonNode> backwards = api.post("analis", "/api/simulations",
        Map.of("from", "2019-06-30", "to", "2019-04-01"));
    assertThat(backwards.getStatusCode().value()).isEqualTo(400);
    assertThat(backwards.getBody().toString()).contains("Tanggal akhir periode sebelum tanggal awal");
    ResponseEntity<JsonNode> tooLong = api.post("analis", "/api/simulations",
        Map.of("from", "2018-01-01", "to", "2019-06-30"));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLong.getBody().toString()).contains("Periode simulasi paling lama satu tahun");
    ResponseEntity<JsonNode> service = api.post("analis", "/api/simulations", Map.of("from", "2019-04-01",
        "to", "2019-06-30", "topUps", List.of(Map.of("programCode", "PUSKESMAS", "period", "2019-06", "amount", 5))));
    assertThat(service.getStatusCode().value()).isEqualTo(400);
    assertThat(service.getBody().toString()).contains("tidak memakai anggaran");
    assertThat(http.getForEntity("/simulasi/", String.class).getBody()).contains("Simulasi perubahan aturan");
    assertThatThrownBy(() -> whatIf.run(new WhatIf.Request(FROM, TO, "<bukan tabel/>".getBytes(StandardCharsets.UTF_8),
        List.of(), null), "analis")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Tabel kelayakan kandidat tidak dapat dibaca");
  }

  // ---- the quarter -------------------------------------------------------------------------------------------

  private synchronized void quarter() {
    if (cases != null) {
      return;
    }
    program = api.testProgram();
    List<String> built = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String number = api.openCase("FOOD");
      api.verifyValid(number);
      api.referTo(number, program, "FOOD");
      api.partnerDecides(number, program, "dinsos", "decision", "ACCEPT");
      api.awaitProgramStatus(number, program, "WAITING_BUDGET");
      built.add(number);
    }
    String bpnt = api.openCase("FOOD");
    api.verifyValid(bpnt);
    api.assessEligible(bpnt, true, true, "FOOD");
    api.awaitProgramStatus(bpnt, "BPNT", "PROPOSED");
    built.add(bpnt);
    built.add(api.caseNothingFits(false));
    // into the past: the cases were received, and everything on their timelines happened, on 6 to 10 May 2019
    for (int i = 0; i < built.size(); i++) {
      intoThePast(built.get(i), OffsetDateTime.of(2019, 5, 6 + i, 10, 0, 0, 0, ZoneOffset.ofHours(7)));
    }
    cases = built;
  }

  /** The deployed table plus one row: education, for a listed household in desil 1-4, to the test program, rank 1. */
  private static byte[] candidateTable() throws IOException {
    String table = Files.readString(Path.of("processes/program-eligibility.dmn"));
    Matcher rule = Pattern.compile("(?s)      <rule id=\"rule_bpntFood\">.*?</rule>\n").matcher(table);
    assertThat(rule.find()).isTrue();
    String row = rule.group().replace("bpntFood", "ujiEducation")
        .replace("list contains(?, \"FOOD\")", "list contains(?, \"EDUCATION\")")
        .replace("<text>\"FOOD\"</text>", "<text>\"EDUCATION\"</text>")
        .replace("<text>\"BPNT\"</text>", "<text>\"" + program + "\"</text>")
        .replaceFirst("(<outputEntry id=\"outputEntry_ujiEducation_rank\">\\s*<text>)2(</text>)", "$11$2");
    assertThat(row).contains(program).contains("\"EDUCATION\"").doesNotContain("\"FOOD\"");
    return table.replace(rule.group(), row + rule.group()).getBytes(StandardCharsets.UTF_8);
  }

  private static Report.ProgramRow row(Report report, String code) {
    return report.programs().stream().filter(p -> p.programCode().equals(code)).findFirst().orElseThrow();
  }

  /** The rows a simulation must not write: the quarter's case file, the program's budget, the ledger, the outbox. */
  private Map<String, Long> liveCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("referral", "referral_intake", "referral_need", "referral_event", "program_referral",
        "routing_choice", "needs_assessment", "budget_commitment", "household_aid", "notification_outbox")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE referral_number IN (?, ?, ?, ?, ?)")
          .params(cases.toArray()).query(Long.class).single());
    }
    for (String table : List.of("program_budget", "program_budget_change")) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE program_code = ?").param(program)
          .query(Long.class).single());
    }
    counts.put("household_aid_month", jdbc.sql("""
        SELECT COUNT(*) FROM household_aid_month m JOIN household_aid a ON a.id = m.aid_id
        WHERE a.referral_number IN (?, ?, ?, ?, ?)""").params(cases.toArray()).query(Long.class).single());
    return counts;
  }

  private long tasks() {
    return taskService.createTaskQuery().processInstanceBusinessKeyIn(cases.toArray(String[]::new)).count();
  }
}
