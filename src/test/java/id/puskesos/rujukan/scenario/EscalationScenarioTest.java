package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import id.puskesos.rujukan.sla.SlaWatch;

/**
 * The service-level watch: a task due soon is reminded to its group once; a late task is escalated once and recorded on the case, without being taken from whoever
 * holds it; a partner silent for twice its service level goes to the city SLRT manager; the koordinator's
 * "Eskalasi" filter lists every late task.
 */
class EscalationScenarioTest extends ScenarioTestSupport {

  @Autowired
  private SlaWatch watch;
  @Autowired
  private org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void lateWorkOfThePuskesosIsEscalatedToTheKoordinatorOnceAndStaysWithItsHolder() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    taskService.claim(visit.getId(), "fasilitator");
    late(visit, 60 * 60_000);

    watch.check();
    watch.check();

    assertThat(api.timeline(number, "ESCALATED")).singleElement().satisfies(text -> assertThat(text)
        .contains("Verifikasi lapangan", "dipegang fasilitator", "dieskalasi ke koordinator Puskesos")
        .doesNotContain("SLRT"));
    Task still = taskService.createTaskQuery().taskId(visit.getId()).singleResult();
    assertThat(still.getAssignee()).isEqualTo("fasilitator");
    assertThat(api.filterList("koordinator", "Eskalasi").toString()).contains(visit.getId());
  }

  @Test
  void aPartnerSilentForTwiceItsServiceLevelGoesToTheCitySlrt() {
    // an elderly member's need: Dinas Sosial decides the ATENSI referral (no PKH component in the household)
    String number = api.openCase("ELDERLY");
    api.verifyValid(number);
    api.assessEligible(number, false, false, "ELDERLY");
    Task decision = api.programTask(number, "task_decideReferral", "ATENSI");
    late(decision, 10);

    watch.check();
    watch.check();

    assertThat(api.timeline(number, "ESCALATED")).hasSize(2).anySatisfy(text -> assertThat(text)
        .contains("dieskalasi ke penyelia Dinas Sosial Kota Bandung dan koordinator Puskesos"))
        .anySatisfy(text -> assertThat(text)
            .contains("Dinas Sosial Kota Bandung belum menanggapi", "dieskalasi ke manajer SLRT Kota Bandung"));
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).taskCandidateGroup("dinsos").count()).isOne();
  }

  @Test
  void aTaskDueSoonIsRemindedToItsGroupOnceAndALateOneMailsTheKoordinator() {
    String number = api.openCase("FOOD");
    Task visit = api.task(number, "task_homeVisit");
    visit.setDueDate(new Date(System.currentTimeMillis() + 60 * 60_000));
    taskService.saveTask(visit);

    watch.check();
    watch.check();

    assertThat(outbox(number, "Pengingat batas waktu%")).containsExactly("fasilitator@puskesos.example");
    late(visit, 60_000);
    watch.check();
    assertThat(outbox(number, "Eskalasi: %")).containsExactly("koordinator@puskesos.example");
  }

  @Test
  void twoNodesWatchingAtOnceEscalateALateTaskOnce() throws Exception {
    String number = api.openCase("FOOD");
    late(api.task(number, "task_homeVisit"), 60 * 60_000);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = List.of(nodes.submit(watch::check), nodes.submit(watch::check));
      for (Future<Integer> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdown();
    }

    assertThat(api.timeline(number, "ESCALATED")).hasSize(1);
    assertThat(outbox(number, "Eskalasi: %")).containsExactly("koordinator@puskesos.example");
  }

  private List<String> outbox(String number, String subject) {
    return jdbc.sql("SELECT recipient FROM notification_outbox WHERE referral_number = ? AND subject LIKE ?")
        .params(number, subject).query(String.class).list();
  }

  /** Makes the task's service level end {@code levelMillis} after its creation, which is already past. */
  private void late(Task task, long levelMillis) {
    Task saved = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    saved.setDueDate(new Date(Math.min(saved.getCreateTime().getTime() + levelMillis, System.currentTimeMillis() - 1)));
    taskService.saveTask(saved);
  }
}
