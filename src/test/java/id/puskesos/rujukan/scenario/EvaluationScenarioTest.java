package id.puskesos.rujukan.scenario;

import static id.puskesos.rujukan.process.EvaluationProcess.*;
import static id.puskesos.rujukan.process.EvaluationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.report.Period;
import id.puskesos.rujukan.report.PeriodData;
import id.puskesos.rujukan.report.PeriodFigures;
import id.puskesos.rujukan.sla.SlaWatch;

/**
 * The participatory evaluation on the running application: the koordinator starts it, every participant answers in
 * Tasklist's way, the meeting's action items become tasks, each partner gets its letter, and the next evaluation
 * reports the items and the scores; a partner that does not answer is reminded, escalated, and left out when the
 * round closes.
 */
class EvaluationScenarioTest extends ScenarioTestSupport {

  private static final Map<String, String> ANSWERERS = Map.of("koordinator", "PUSKESOS", "dinsos", "DINSOS",
      "baznas", "BAZNAS", "salman", "SALMAN", "puskesmas", "PUSKESMAS", "disdukcapil", "DISDUKCAPIL", "dpkp", "DPKP");

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private ProcessEngine engine;
  @Autowired
  private SlaWatch watch;
  @Autowired
  private PeriodData periodData;

  @Test
  void aRoundWithEveryPartnerEndsInLettersAndTrackedActionItemsThatTheNextPackReports() throws IOException {
    ResponseEntity<JsonNode> started = start("2025-01-01", "2025-03-31");
    String instance = started.getBody().get("id").asText();
    long evaluation = evaluationId(instance);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey())
        .isEqualTo("EVAL-2025-Q1");
    assertThat(start("2025-01-01", "2025-03-31").getBody().toString()).contains("sudah dievaluasi");

    // every participant gets its own task; the pack is theirs to read, not a health worker's, not anonymous
    List<Task> feedback = tasks(instance, TASK_GIVE_FEEDBACK);
    // (every partner of the catalogue takes part, the city's services too)
    assertThat(feedback).extracting(this::groups).containsExactlyInAnyOrder("bo,fasilitator,fo,koordinator",
        "dinsos", "baznas", "salman", "puskesmas", "disdukcapil", "dpkp");
    String pack = "/api/evaluations/" + evaluation + "/pack";
    assertThat(api.bytes("baznas", pack).getStatusCode().value()).isEqualTo(200);
    assertThat(api.bytes("nakes", pack).getStatusCode().value()).isEqualTo(403);
    assertThat(api.bytes(null, pack).getStatusCode().value()).isEqualTo(401);

    ResponseEntity<String> badScore = api.submitForm("dinsos", taskOf(instance, TASK_GIVE_FEEDBACK, "dinsos").getId(),
        answer("Dinas Sosial", "9"));
    assertThat(badScore.getBody()).contains("Skor koordinasi harus 1 sampai 5");
    assertThat(tasks(instance, TASK_GIVE_FEEDBACK)).hasSize(7);
    ANSWERERS.forEach((user, code) -> {
      ResponseEntity<String> answered = api.submitForm(user, taskOf(instance, TASK_GIVE_FEEDBACK,
          user.equals("koordinator") ? "koordinator" : user).getId(), answer(code, user.equals("salman") ? "5" : "3"));
      assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(204);
    });
    assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_feedback WHERE evaluation_id = ?").param(evaluation)
        .query(Long.class).single()).isEqualTo(7);

    Task meeting = tasks(instance, TASK_HOLD_MEETING).get(0);
    assertThat(taskService.getVariable(meeting.getId(), FEEDBACK_SUMMARY.name()).toString())
        .contains("BAZNAS Kota Bandung: mengisi", "Koordinasi: 3,3", "Ide BAZNAS");
    String inAWeek = LocalDate.now(RujukanApplication.ZONE).plusDays(7).toString();
    ResponseEntity<String> pastDue = api.submitForm("koordinator", meeting.getId(), meetingForm(List.of(
        List.of("Rapat koordinasi bulanan", "bo", "2020-01-01"), List.of("", "dinsos", ""))));
    assertThat(pastDue.getBody()).contains("Tindak lanjut ke-1: batas waktu (01/01/2020) sudah lewat",
        "Tindak lanjut ke-2: uraian wajib diisi");
    Object[] beforeOpening = meetingForm(List.of(List.of("Rapat koordinasi bulanan", "bo", inAWeek)));
    beforeOpening[1] = CaseApi.today().minusDays(1).toString();
    assertThat(api.submitForm("koordinator", meeting.getId(), beforeOpening).getBody()).contains("Tanggal rapat ("
        + Dates.numeric(CaseApi.today().minusDays(1)) + ") sebelum evaluasi dibuka (" + Dates.numeric(CaseApi.today()));
    ResponseEntity<String> held = api.submitForm("koordinator", meeting.getId(), meetingForm(List.of(
        List.of("Rapat koordinasi bulanan", "bo", inAWeek), List.of("Data penerima BPNT dicocokkan", "dinsos", inAWeek),
        List.of("", "", ""))));
    assertThat(held.getStatusCode().value()).as(held.getBody()).isEqualTo(204);

    // after the save point: a letter per partner, mailed with the PDF, and one task per action item with its due date
    await().atMost(Duration.ofSeconds(30)).until(() -> tasks(instance, TASK_DO_ACTION_ITEM).size() == 2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_appreciation WHERE evaluation_id = ?").param(evaluation)
        .query(Long.class).single()).isEqualTo(6);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE dedup_key = ? AND document_id IS NOT NULL")
        .param("appreciation:" + evaluation + ":BAZNAS").query(Long.class).single()).isEqualTo(1);
    byte[] letter = api.bytes("baznas", "/api/evaluations/" + evaluation + "/appreciation/BAZNAS").getBody();
    String text = new PDFTextStripper().getText(Loader.loadPDF(letter));
    assertThat(text).contains("SURAT APRESIASI", "BAZNAS Kota Bandung", "Triwulan I 2025",
        "Menyumbang ide yang diadopsi", "Koordinator Puskesos");
    assertThat(api.bytes("salman", "/api/evaluations/" + evaluation + "/appreciation/BAZNAS").getStatusCode().value())
        .isEqualTo(403);
    Task rapat = taskOf(instance, TASK_DO_ACTION_ITEM, "bo");
    assertThat(rapat.getDueDate()).isEqualTo(Date.from(LocalDate.now(RujukanApplication.ZONE).plusDays(7).atTime(16, 0)
        .atZone(id.puskesos.rujukan.RujukanApplication.ZONE).toInstant()));
    assertThat(api.bytes("dinsos", pack).getBody()).asString(StandardCharsets.UTF_8)
        .contains("Hasil rapat evaluasi bersama", "Rapat koordinasi bulanan", "Lurah Lebak Siliwangi");
    assertThat(api.submitForm("bo", rapat.getId(), ACTION_OUTCOME.name(), "DONE", ACTION_RESULT.name(),
        "Rapat pertama 5 Desember")
        .getStatusCode().value()).isEqualTo(204);

    // the next quarter's pack reports the items and the scores the participants gave
    String next = start("2025-04-01", "2025-06-30").getBody().get("id").asText();
    String nextPack = new String(api.bytes("koordinator", "/api/evaluations/" + evaluationId(next) + "/pack")
        .getBody(), StandardCharsets.UTF_8);
    assertThat(nextPack).contains("Tindak lanjut evaluasi sebelumnya", "Rapat koordinasi bulanan",
        "Sudah dilaksanakan", "Data penerima BPNT dicocokkan", "Belum dilaporkan",
        "Penilaian peserta pada evaluasi Triwulan I 2025", "3,3");
    String csv = new String(api.bytes("salman", "/api/evaluations/" + evaluationId(next)
        + "/pack/tables/skor-aspek-sebelumnya-rata-rata.csv").getBody(), StandardCharsets.UTF_8);
    assertThat(csv).contains("Koordinasi,\"3,3\",7");

    api.submitForm("dinsos", taskOf(instance, TASK_DO_ACTION_ITEM, "dinsos").getId(), ACTION_OUTCOME.name(), "DROPPED",
        ACTION_RESULT.name(), "Menunggu data DTSEN terbaru");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(jdbc.sql("SELECT status FROM evaluation WHERE id = ?").param(evaluation).query(String.class).single())
        .isEqualTo("CLOSED");
  }

  @Test
  void thePackCountsTheQuartersCasesAsTheyWereRecorded() throws IOException {
    Period quarter = new Period(Period.quarterOf(LocalDate.now(RujukanApplication.ZONE)).from(), LocalDate.now(RujukanApplication.ZONE));
    PeriodFigures.Figures before = PeriodFigures.compute(periodData.load(quarter, "3273021006"));
    api.caseWithAidHandedOver();

    String instance = start(quarter.from().toString(), quarter.to().toString()).getBody().get("id").asText();
    PeriodFigures.Figures after = PeriodFigures.compute(periodData.load(quarter, "3273021006"));

    assertThat(after.received().cases()).isEqualTo(before.received().cases() + 1);
    // the case's BAZNAS aid was handed over and no follow-up said otherwise: a facilitated case, as received and referred
    assertThat(after.facilitation().overall().received()).isEqualTo(before.facilitation().overall().received() + 1);
    assertThat(after.facilitation().overall().referred()).isEqualTo(before.facilitation().overall().referred() + 1);
    assertThat(after.facilitation().overall().facilitated())
        .isEqualTo(before.facilitation().overall().facilitated() + 1);
    assertThat(cash(after, "BAZNAS_KONSUMTIF")).isEqualTo(cash(before, "BAZNAS_KONSUMTIF") + 500_000);
    String csv = new String(api.bytes("manajer", "/api/evaluations/" + evaluationId(instance)
        + "/pack/tables/bantuan-disalurkan.csv").getBody(), StandardCharsets.UTF_8);
    String rupiah = "Rp" + String.format(java.util.Locale.forLanguageTag("id-ID"), "%,d", cash(after, "BAZNAS_KONSUMTIF"));
    assertThat(csv).contains("BAZNAS Kota Bandung,Bantuan konsumtif fakir miskin", rupiah);
    byte[] pdf = api.bytes("baznas", "/api/evaluations/" + evaluationId(instance) + "/pack.pdf").getBody();
    assertThat(new PDFTextStripper().getText(Loader.loadPDF(pdf)).replaceAll("\\s+", " ")).contains("Bahan evaluasi partisipatif",
        quarter.label(), "Tingkat fasilitasi", "BAZNAS Kota Bandung", rupiah,
        "%d pengaduan diterima;".formatted(after.facilitation().overall().received()),
        "Tingkat fasilitasi (ukuran studi)");
  }

  @Test
  void aPartnerThatDoesNotAnswerIsRemindedThenEscalatedAndTheMeetingGoesOnWithout() {
    String instance = start("2025-07-01", "2025-09-30").getBody().get("id").asText();
    ANSWERERS.forEach((user, code) -> {
      if (!user.equals("salman")) {
        api.submitForm(user, taskOf(instance, TASK_GIVE_FEEDBACK, user).getId(), answer(code, "4"));
      }
    });
    Task late = taskOf(instance, TASK_GIVE_FEEDBACK, "salman");
    JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    jobs.shutdown();
    try {
      ClockUtil.setCurrentTime(new Date(late.getDueDate().getTime() - 60 * 60_000));
      watch.check();
      assertThat(notices(late)).containsExactly("REMINDED");
      assertThat(queued("reminder:" + late.getId())).contains("salman@puskesos.example");

      ClockUtil.setCurrentTime(new Date(late.getDueDate().getTime() + 60_000));
      watch.check();
      assertThat(notices(late)).containsExactlyInAnyOrder("REMINDED", "ESCALATED");
      assertThat(queued("escalation:" + late.getId())).contains("salman@puskesos.example",
          "koordinator@puskesos.example");

      Job close = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
      Date closesAt = (Date) runtimeService.getVariable(instance, FEEDBACK_CLOSES_AT.name());
      assertThat(close.getDuedate()).isEqualTo(closesAt).isAfter(late.getDueDate());
      ClockUtil.setCurrentTime(new Date(closesAt.getTime() + 60_000));
      managementService.executeJob(close.getId());
    } finally {
      ClockUtil.reset();
      jobs.start();
    }
    assertThat(tasks(instance, TASK_GIVE_FEEDBACK)).isEmpty();
    Task meeting = tasks(instance, TASK_HOLD_MEETING).get(0);
    assertThat(taskService.getVariable(meeting.getId(), FEEDBACK_SUMMARY.name()).toString())
        .contains("Rumah Amal Salman: **tidak mengisi**");
    assertThat(new String(api.bytes("koordinator", "/api/evaluations/" + evaluationId(instance) + "/pack").getBody(),
        StandardCharsets.UTF_8)).contains("Tidak mengisi");
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private ResponseEntity<JsonNode> start(String from, String to) {
    return api.submitStartForm("koordinator", PROCESS_ID, PERIOD_FROM.name(), from, PERIOD_TO.name(), to);
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

  private static Object[] answer(String code, String score) {
    return new Object[] {WORKED.name(), "Rujukan cepat " + code, OBSTACLES.name(), "Anggaran " + code, IDEAS.name(),
        "Ide " + code,
        "scoreCoordination", score, "scoreCooperation", "4", "scoreCollaboration", "4", "scoreInterprofessional", "2",
        "commentCoordination", "Catatan " + code};
  }

  /** The meeting form with its action item rows (description, owner group, due day). */
  private static Object[] meetingForm(List<List<String>> actions) {
    List<Object> form = new java.util.ArrayList<>(List.of(MEETING_DATE.name(), CaseApi.today().toString(),
        ATTENDANCE.name(), List.of("PUSKESOS", "DINSOS", "BAZNAS", "SALMAN"),
        OTHER_ATTENDEES.name(), "Lurah Lebak Siliwangi", DECISIONS.name(), "Rapat koordinasi tiap bulan",
        IDEAS_ADOPTED.name(), List.of("BAZNAS")));
    for (int row = 1; row <= actions.size(); row++) {
      form.addAll(List.of(ACTION_DESCRIPTION.get(row - 1).name(), actions.get(row - 1).get(0),
          ACTION_OWNER.get(row - 1).name(), actions.get(row - 1).get(1),
          ACTION_DUE.get(row - 1).name(), actions.get(row - 1).get(2)));
    }
    return form.toArray();
  }

  private List<String> notices(Task task) {
    return jdbc.sql("SELECT kind FROM sla_notice WHERE task_id = ?").param(task.getId()).query(String.class).list();
  }

  private List<String> queued(String key) {
    return jdbc.sql("SELECT recipient FROM notification_outbox WHERE dedup_key = ?").param(key).query(String.class)
        .list();
  }

  private static long cash(PeriodFigures.Figures figures, String program) {
    return figures.aid().stream().filter(a -> a.programCode().equals(program)).mapToLong(a -> a.cash()).sum();
  }
}
