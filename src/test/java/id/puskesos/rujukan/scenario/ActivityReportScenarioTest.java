package id.puskesos.rujukan.scenario;

import static id.puskesos.rujukan.process.MonthlyReportProcess.*;
import static id.puskesos.rujukan.process.MonthlyReportProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.distribution.FacilitationFigures;
import id.puskesos.rujukan.report.ActivityReports;
import id.puskesos.rujukan.report.Report;

/**
 * The monthly activity report on the running application: drawn up for the month, sent back by the koordinator,
 * corrected by the back office, drawn up again, approved, archived as a PDF and mailed with it; drawn up again later
 * for the same month, it gives the same figures. It says who asked for it, or that the schedule drew it up.
 */
class ActivityReportScenarioTest extends ScenarioTestSupport {

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private ActivityReports reports;

  /** The koordinator's name as the demo users give it. */
  private static final String ASKED_BY_KOORDINATOR = "atas permintaan Koordinator Puskesos";

  @Test
  void theKoordinatorSendsTheReportBackThenApprovesItAndTheArchivedReportKeepsItsFigures() throws IOException {
    String number = api.caseWithAidHandedOver();
    recordedAMonthEarlier(number);
    String month = YearMonth.now(id.puskesos.rujukan.RujukanApplication.ZONE).minusMonths(1).toString();

    assertThat(api.submitStartForm("koordinator", PROCESS_ID, REPORT_MONTH.name(), "2026-13").getBody().toString())
        .contains("Bulan harus ditulis TTTT-BB");
    ResponseEntity<JsonNode> started = api.submitStartForm("koordinator", PROCESS_ID, REPORT_MONTH.name(), month);
    String instance = started.getBody().get("id").asText();
    long id = ((Number) runtimeService.getVariable(instance, REPORT_ID.name())).longValue();
    assertThat(reports.report(id).generatedAt()).contains(ASKED_BY_KOORDINATOR).doesNotContain("sistem");
    Task review = task(instance, TASK_REVIEW_REPORT);
    assertThat(taskService.getVariable(review.getId(), REPORT_SUMMARY.name()).toString())
        .contains("Pengaduan dan usulan masuk", "Bantuan yang disalurkan");
    assertThat(api.submitForm("koordinator", review.getId(), REPORT_DECISION.name(), "RETURN").getBody())
        .contains("Catatan pemeriksaan wajib diisi bila laporan dikembalikan");

    api.submitForm("koordinator", review.getId(), REPORT_DECISION.name(), "RETURN", REVIEW_NOTE.name(),
        "Tambahkan narasi kegiatan");
    Task correction = task(instance, TASK_CORRECT_REPORT);
    assertThat(taskService.getIdentityLinksForTask(correction.getId())).anyMatch(l -> "bo".equals(l.getGroupId()));
    assertThat(api.submitForm("bo", correction.getId(), NARRATIVE.name(),
        "Posyandu dan sosialisasi PKH di RW 05").getBody())
        .contains("Apa yang diperbaiki wajib diisi");
    assertThat(api.submitForm("bo", correction.getId(), NARRATIVE.name(), "Posyandu dan sosialisasi PKH di RW 05",
        CORRECTION_NOTE.name(), "Narasi ditambahkan").getStatusCode().value()).isEqualTo(204);
    review = task(instance, TASK_REVIEW_REPORT);
    // drawn up again after the back office's correction: still at the koordinator's request
    assertThat(reports.report(id).generatedAt()).contains(ASKED_BY_KOORDINATOR);
    assertThat(api.submitForm("koordinator", review.getId(), REPORT_DECISION.name(), "APPROVE").getStatusCode().value())
        .isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(instance).count() == 0);

    ActivityReports.Stored stored = reports.get(id);
    assertThat(stored.status()).isEqualTo(ActivityReports.Status.SENT);
    assertThat(stored.narrative()).isEqualTo("Posyandu dan sosialisasi PKH di RW 05");
    assertThat(jdbc.sql("SELECT recipient FROM notification_outbox WHERE dedup_key = ? AND document_id = ?")
        .params("activity-report:" + id, stored.documentId()).query(String.class).list())
        .contains("manajer@puskesos.example", "dinsos@puskesos.example", "baznas@puskesos.example",
            "salman@puskesos.example");

    byte[] pdf = api.bytes("dinsos", "/api/reports/activity/" + id + ".pdf").getBody();
    // compared as words: where the PDF breaks a line is the layout's business
    String text = new PDFTextStripper().getText(Loader.loadPDF(pdf)).replaceAll("\\s+", " ");
    Report archived = reports.report(id);
    assertThat(text).contains("Laporan kegiatan bulanan Puskesos", "Posyandu dan sosialisasi PKH di RW 05",
        "Bantuan yang disalurkan", "Bantuan konsumtif fakir miskin", cell(archived, "bantuan-disalurkan", "Bantuan konsumtif", 4), "Tingkat fasilitasi",
        "pengaduan diterima;", "kasus yang dirujuk ke mitra terfasilitasi");
    // both rates' definitions are printed in the report
    assertThat(archived.sections()).anySatisfy(section -> assertThat(section.paragraphs()).contains(
        FacilitationFigures.DEFINITIONS.studyRate(), FacilitationFigures.DEFINITIONS.referredRate()));

    // more work this month; drawn up again from the records, last month gives the same figures as when archived
    api.caseWithAidHandedOver();
    Report again = reports.compute(YearMonth.parse(month), "3273021006", stored.narrative(), Actors.SYSTEM);
    assertThat(again.sections()).isEqualTo(archived.sections());
    String page = new String(api.bytes("manajer", "/api/reports/activity/months/" + month).getBody(),
        StandardCharsets.UTF_8);
    assertThat(page).contains(cell(archived, "bantuan-disalurkan", "Bantuan konsumtif", 4), " atas permintaan ")
        .doesNotContain("sistem (jadwal)");
    assertThat(cell(archived, "bantuan-disalurkan", "Bantuan konsumtif", 3)).as("cases given BAZNAS's aid last month")
        .isNotEqualTo("0");
    assertThat(api.bytes("nakes", "/api/reports/activity/" + id + ".pdf").getStatusCode().value()).isEqualTo(403);
    assertThat(api.get("koordinator", "/api/reports/activity/months/2999-01").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aReportTheScheduleStartsSaysTheScheduleDrewItUp() {
    // as report-schedule.bpmn's task_startReport starts it: no one signed in, no month, no initiator, for a Puskesos
    String instance = runtimeService.startProcessInstanceByKey(PROCESS_ID,
        java.util.Map.of(PUSKESOS_CODE.name(), "3273021006")).getId();
    try {
      long id = ((Number) runtimeService.getVariable(instance, REPORT_ID.name())).longValue();
      assertThat(reports.report(id).generatedAt()).startsWith("Disusun ").endsWith(" oleh sistem (jadwal)");
    } finally {
      runtimeService.deleteProcessInstance(instance, "test done");
    }
  }

  /**
   * Moves what the case file recorded of a case one month back, as if the case had been worked last month (the
   * report reads the case file by the time each thing happened).
   */
  private void recordedAMonthEarlier(String number) {
    String[][] columns = {{"referral", "received_at"}, {"referral", "closed_at"}, {"referral", "followed_up_at"},
        {"referral_intake", "received_at"}, {"referral_event", "occurred_at"}, {"program_referral", "referred_at"},
        {"program_referral", "decided_at"}, {"program_distribution", "recorded_at"}};
    for (String[] c : columns) {
      jdbc.sql("SELECT DISTINCT %s FROM %s WHERE referral_number = ? AND %s IS NOT NULL".formatted(c[1], c[0], c[1]))
          .param(number).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).list()
          .forEach(at -> jdbc.sql("UPDATE %s SET %s = ? WHERE referral_number = ? AND %s = ?".formatted(c[0], c[1],
              c[1])).params(at.minusMonths(1), number, at).update());
    }
    jdbc.sql("SELECT DISTINCT distributed_on FROM program_distribution WHERE referral_number = ?").param(number)
        .query(java.time.LocalDate.class).list()
        .forEach(day -> jdbc.sql("UPDATE program_distribution SET distributed_on = ? WHERE referral_number = ? AND "
            + "distributed_on = ?").params(day.minusMonths(1), number, day).update());
  }

  private Task task(String instance, String key) {
    await().atMost(Duration.ofSeconds(10)).until(() -> taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(key).count() == 1);
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  /** A cell of the row whose second column (the program's name) starts with the program code. */
  private static String cell(Report report, String table, String program, int column) {
    List<List<String>> rows = report.sections().stream().flatMap(s -> s.tables().stream())
        .filter(t -> t.id().equals(table)).findFirst().orElseThrow().rows();
    return rows.stream().filter(r -> r.get(1).startsWith(program)).findFirst().orElseThrow().get(column);
  }
}
