package id.puskesos.rujukan.sla;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.RujukanApplication;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;
import id.puskesos.rujukan.routing.Partner;
import id.puskesos.rujukan.routing.ProgramCatalogue;

/**
 * The service-level watch: a task past its due date is escalated (to the koordinator for Puskesos work, to the
 * partner's supervisor and the Puskesos for a partner's); a partner silent for twice its service level is escalated
 * to the city SLRT manager. Escalation takes no task away from whoever holds it: it is recorded on the case, once,
 * and the late tasks stand in the koordinator's and manager's "Eskalasi" filter.
 */
@Service
@Transactional
public class SlaWatch {

  /** What the watch did about a task. */
  public enum Kind {
    ESCALATED, SLRT
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
      Locale.forLanguageTag("id-ID"));

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final JdbcClient jdbc;

  public SlaWatch(TaskService taskService, RuntimeService runtimeService, CaseFile caseFile,
      ProgramCatalogue catalogue, JdbcClient jdbc) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  /** Escalates what is late now (the engine's clock); returns how many notices were recorded. */
  public int check() {
    Date now = ClockUtil.getCurrentTime();
    int notices = 0;
    for (Task task : taskService.createTaskQuery().dueBefore(now).list()) {
      String partner = partnerName(task);
      String who = task.getAssignee() != null ? "dipegang " + task.getAssignee() : "belum diambil";
      if (notice(task, Kind.ESCALATED, now)) {
        record(task, "Tugas \"%s\" melewati batas waktu (%s, %s); dieskalasi ke %s".formatted(task.getName(),
            when(task.getDueDate()), who, partner == null ? "koordinator Puskesos"
                : "penyelia " + partner + " dan koordinator Puskesos"));
        notices++;
      }
      if (partner != null && twiceLate(task, now) && notice(task, Kind.SLRT, now)) {
        record(task, "%s belum menanggapi \"%s\" dua kali batas waktunya; dieskalasi ke manajer SLRT Kota Bandung"
            .formatted(partner, task.getName()));
        notices++;
      }
    }
    return notices;
  }

  /** The partner whose group the task is for, or null for Puskesos work. */
  private String partnerName(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    return catalogue.partners().stream().filter(p -> groups.contains(p.group())).map(Partner::name).findFirst()
        .orElse(null);
  }

  private static boolean twiceLate(Task task, Date now) {
    long level = task.getDueDate().getTime() - task.getCreateTime().getTime();
    return level > 0 && now.getTime() > task.getCreateTime().getTime() + 2 * level;
  }

  /** Records the notice once; false when it was recorded before. */
  private boolean notice(Task task, Kind kind, Date now) {
    return jdbc.sql("""
        INSERT INTO sla_notice (task_id, kind, referral_number, task_key, due_at, noticed_at)
        SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sla_notice WHERE task_id = ? AND kind = ?)""")
        .params(task.getId(), kind.name(), businessKey(task), task.getTaskDefinitionKey(),
            task.getDueDate().toInstant().atOffset(ZoneOffset.UTC), now.toInstant().atOffset(ZoneOffset.UTC),
            task.getId(), kind.name())
        .update() == 1;
  }

  private void record(Task task, String text) {
    String number = businessKey(task);
    if (number != null && caseFile.find(number).isPresent()) {
      caseFile.record(number, EventType.ESCALATED, Actors.SYSTEM, text);
    }
  }

  private String businessKey(Task task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    var instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private static String when(Date date) {
    return WHEN.format(date.toInstant().atZone(RujukanApplication.ZONE));
  }
}
