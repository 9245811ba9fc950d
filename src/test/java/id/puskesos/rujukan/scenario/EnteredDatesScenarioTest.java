package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.registry.Reverification;

/**
 * Dates staff enter are judged against the case's own timeline and today in Bandung (the tester's finding: a
 * handover dated before the complaint, and a home visit ten months before it, were accepted). A refused date names
 * the field and the dates as the server understood them, day first; the task stays open and nothing is written.
 */
class EnteredDatesScenarioTest extends ScenarioTestSupport {

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private Reverification reverification;

  @Test
  void aHomeVisitBeforeTheComplaintOrInTheFutureIsRefusedAndTheVisitStaysToBeDone() {
    String number = api.openCase("ELDERLY");
    Task visit = api.task(number, "task_homeVisit");
    LocalDate received = receivedDay(number);

    LocalDate tenMonthsBefore = received.minusMonths(10);
    assertRefused("fasilitator", visit, visitForm(tenMonthsBefore), "Tanggal kunjungan (%s) sebelum pengaduan "
        .formatted(Dates.numeric(tenMonthsBefore)) + "diterima (%s)".formatted(Dates.numeric(received)));
    LocalDate dayBefore = received.minusDays(1);
    assertRefused("fasilitator", visit, visitForm(dayBefore), "Tanggal kunjungan (%s) sebelum pengaduan "
        .formatted(Dates.numeric(dayBefore)) + "diterima (%s)".formatted(Dates.numeric(received)));
    LocalDate tomorrow = CaseApi.today().plusDays(1);
    assertRefused("fasilitator", visit, visitForm(tomorrow), "Tanggal kunjungan (%s) tidak boleh di masa depan; "
        .formatted(Dates.numeric(tomorrow)) + "hari ini " + Dates.numeric(CaseApi.today()));
    assertThat(api.timeline(number, "HOME_VISITED")).isEmpty();
    assertThat(jdbc.sql("SELECT r.verified_at FROM resident r JOIN referral f ON f.resident_id = r.id"
        + " WHERE f.referral_number = ?").param(number).query(OffsetDateTime.class).optional()).isEmpty();

    ResponseEntity<String> done = api.submitForm("fasilitator", visit.getId(), visitForm(received));

    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    assertThat(api.timeline(number, "HOME_VISITED")).singleElement().asString()
        .startsWith("Verifikasi lapangan " + Dates.written(received) + ": ");
  }

  @Test
  void aHandoverBeforeTheComplaintOrInTheFutureIsRefusedAndTheHandoverStaysToBeDone() {
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    api.partnerDecides(number, "ATENSI", "dinsos", "decision", "ACCEPT");
    Task handover = api.programTask(number, "task_distributeAid", "ATENSI");
    LocalDate received = receivedDay(number);

    LocalDate before = received.minusDays(5);
    assertRefused("dinsos", handover, handoverForm(number, before), "Tanggal penyerahan (%s) sebelum pengaduan "
        .formatted(Dates.numeric(before)) + "diterima (%s)".formatted(Dates.numeric(received)));
    LocalDate tomorrow = CaseApi.today().plusDays(1);
    assertRefused("dinsos", handover, handoverForm(number, tomorrow), "Tanggal penyerahan (%s) tidak boleh di masa "
        .formatted(Dates.numeric(tomorrow)) + "depan; hari ini " + Dates.numeric(CaseApi.today()));
    assertThat(api.timeline(number, "AID_DISTRIBUTED")).isEmpty();
    assertThat(program(number, "ATENSI").get("distributedOn").isNull()).isTrue();

    LocalDate today = CaseApi.today();
    ResponseEntity<String> done = api.submitForm("dinsos", handover.getId(), handoverForm(number, today));

    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    assertThat(program(number, "ATENSI").get("distributedOn").asText()).isEqualTo(today.toString());
    assertThat(api.timeline(number, "AID_DISTRIBUTED")).singleElement().asString()
        .contains("diserahkan " + Dates.written(today) + " di ");
  }

  @Test
  void aReverificationVisitBeforeItWasScheduledIsRefused() {
    if (taskService.createTaskQuery().taskDefinitionKey("task_reverifyResident").count() == 0) {
      String number = api.openCase("ELDERLY");
      api.verifyValid(number);
      jdbc.sql("UPDATE resident SET verified_at = ? WHERE id = (SELECT resident_id FROM referral"
          + " WHERE referral_number = ?)").params(OffsetDateTime.now().minusYears(2), number).update();
      reverification.issueBatch();
    }
    Task visit = taskService.createTaskQuery().taskDefinitionKey("task_reverifyResident").listPage(0, 1).get(0);
    long id = ((Number) runtimeService.getVariable(visit.getProcessInstanceId(), "reverificationId")).longValue();
    LocalDate scheduled = Dates.dayOf(jdbc.sql("SELECT created_at FROM reverification WHERE id = ?").param(id)
        .query(OffsetDateTime.class).single());

    LocalDate before = scheduled.minusDays(1);
    assertRefused("fasilitator", visit, new Object[] {"visitDate", before.toString(), "correctedAddress",
        "Jl. Cisitu Lama No. 9", "correctedRt", "4", "correctedRw", "11", "visitFindings", "Rumah kosong"},
        "Tanggal kunjungan (%s) sebelum verifikasi ulang dijadwalkan (%s)".formatted(Dates.numeric(before),
            Dates.numeric(scheduled)));
  }

  private void assertRefused(String user, Task task, Object[] form, String message) {
    ResponseEntity<String> refused = api.submitForm(user, task.getId(), form);

    assertThat(refused.getStatusCode().value()).isNotEqualTo(204);
    assertThat(refused.getBody()).contains(message);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
  }

  private LocalDate receivedDay(String number) {
    return Dates.dayOf(jdbc.sql("SELECT received_at FROM referral WHERE referral_number = ?").param(number)
        .query(OffsetDateTime.class).single());
  }

  private JsonNode program(String number, String code) {
    for (JsonNode program : api.view(number).get("programs")) {
      if (program.get("code").asText().equals(code)) {
        return program;
      }
    }
    throw new AssertionError("no program " + code);
  }

  private static Object[] visitForm(LocalDate date) {
    return new Object[] {"visitDate", date.toString(), "visitFindings", "Rumah semi permanen, empat anggota keluarga",
        "correctedAddress", "Jl. Tamansari Gg. Sukaasih No. 12", "correctedRt", "3", "correctedRw", "7", "dtksStatus",
        "LISTED", "desil", 2, "deceased", false, "movedAway", false, "opinionsRequested", List.of(),
        "verificationResult", "VALID"};
  }

  private static Object[] handoverForm(String number, LocalDate date) {
    return new ArrayList<>(List.of("distributionDate", date.toString(), "aidAmount", 200000, "distributionPlace",
        "Kantor Puskesos Lebak Siliwangi", "handedOverBy", "Petugas dinsos", "proofReference",
        "BA-" + number.substring(number.length() - 4), "receiptConfirmed", true, "finalHandover", true)).toArray();
  }
}
