package id.puskesos.rujukan.sla;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import id.puskesos.rujukan.catalogue.Partner;
import id.puskesos.rujukan.catalogue.ProgramCatalogue;
import id.puskesos.rujukan.common.Actors;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;

/**
 * The service-level watch: a task due within the reminder lead is reminded to its holder or group; a task past its
 * due date is escalated (to the koordinator for Puskesos work, to the
 * partner's supervisor and the Puskesos for a partner's); a partner silent for twice its service level is escalated
 * to the city SLRT manager. Escalation takes no task away from whoever holds it: it is recorded on the case, once,
 * and the late tasks stand in the koordinator's and manager's "Eskalasi" filter.
 */
@Service
public class SlaWatch {

  /** What the watch did about a task. */
  public enum Kind {
    REMINDED, ESCALATED, SLRT
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
      Locale.forLanguageTag("id-ID"));

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CaseFile caseFile;
  private final ProgramCatalogue catalogue;
  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final Duration reminderLead;
  private final TransactionTemplate transaction;

  public SlaWatch(TaskService taskService, RuntimeService runtimeService, CaseFile caseFile,
      ProgramCatalogue catalogue, JdbcClient jdbc, Notifications notifications,
      PlatformTransactionManager transactionManager,
      @Value("${rujukan.sla.reminder-lead:PT4H}") Duration reminderLead) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.notifications = notifications;
    this.reminderLead = reminderLead;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.caseFile = caseFile;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  /**
   * Reminds and escalates what is due now (the engine's clock); returns how many notices were recorded. Only tasks
   * still owed a notice are read, so a run costs as much as there is to do, whatever the number of open or late
   * tasks; each task's notice, timeline entry and messages are one transaction, and a notice another node recorded
   * first is skipped.
   */
  public int check() {
    Date now = ClockUtil.getCurrentTime();
    Date soon = new Date(now.getTime() + reminderLead.toMillis());
    int notices = 0;
    for (Task task : owed("RES.DUE_DATE_ > #{now} AND RES.DUE_DATE_ <= #{soon} AND " + notNoticed(Kind.REMINDED),
        Map.of("now", now, "soon", soon))) {
      notices += once(() -> remind(task, now));
    }
    Map<String, Object> parameters = new HashMap<>(Map.of("now", now));
    String partnerTask = partnerTask(parameters);
    for (Task task : owed("RES.DUE_DATE_ < #{now} AND (" + notNoticed(Kind.ESCALATED)
        + (partnerTask == null ? "" : " OR (" + notNoticed(Kind.SLRT) + " AND " + partnerTask + ")") + ")",
        parameters)) {
      notices += once(() -> escalate(task, now));
    }
    return notices;
  }

  private List<Task> owed(String condition, Map<String, Object> parameters) {
    var query = taskService.createNativeTaskQuery().sql("SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.DUE_DATE_ IS NOT"
        + " NULL AND " + condition + " ORDER BY RES.DUE_DATE_");
    parameters.forEach(query::parameter);
    return query.list();
  }

  private static String notNoticed(Kind kind) {
    return "NOT EXISTS (SELECT 1 FROM sla_notice N WHERE N.task_id = RES.ID_ AND N.kind = '" + kind.name() + "')";
  }

  /** The condition "a candidate group of the task is a partner's", or null when there is no partner. */
  private String partnerTask(Map<String, Object> parameters) {
    List<String> groups = catalogue.partners().stream().map(Partner::group).distinct().toList();
    if (groups.isEmpty()) {
      return null;
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < groups.size(); i++) {
      parameters.put("group" + i, groups.get(i));
      in.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
    }
    return "EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L WHERE L.TASK_ID_ = RES.ID_ AND L.TYPE_ = 'candidate'"
        + " AND L.GROUP_ID_ IN (" + in + "))";
  }

  /** Runs one task's notices in a transaction of their own; a notice another node recorded first counts 0. */
  private int once(IntSupplier notices) {
    try {
      Integer done = transaction.execute(status -> notices.getAsInt());
      return done == null ? 0 : done;
    } catch (DuplicateKeyException recordedByAnotherNode) {
      return 0;
    }
  }

  private int remind(Task task, Date now) {
    if (!notice(task, Kind.REMINDED, now)) {
      return 0;
    }
    String text = "Pengingat: tugas \"%s\" (%s) jatuh tempo %s.".formatted(task.getName(),
        orDash(businessKey(task)), when(task.getDueDate()));
    if (task.getAssignee() != null) {
      notifications.emailUser(task.getAssignee(), "Pengingat batas waktu: " + task.getName(), text,
          "reminder:" + task.getId(), businessKey(task));
    } else {
      notifications.emailGroups(groups(task), "Pengingat batas waktu: " + task.getName(), text,
          "reminder:" + task.getId(), businessKey(task));
    }
    return 1;
  }

  private int escalate(Task task, Date now) {
    int notices = 0;
    boolean late = !noticed(task, Kind.ESCALATED);
    boolean silent = twiceLate(task, now) && !noticed(task, Kind.SLRT);
    if (!late && !silent) {
      return 0; // a partner's task late, but not yet twice its service level
    }
    Partner partner = partner(task);
    String who = task.getAssignee() != null ? "dipegang " + task.getAssignee() : "belum diambil";
    if (late && notice(task, Kind.ESCALATED, now)) {
      String text = "Tugas \"%s\" melewati batas waktu (%s, %s); dieskalasi ke %s".formatted(task.getName(),
          when(task.getDueDate()), who, partner == null ? "koordinator Puskesos"
              : "penyelia " + partner.name() + " dan koordinator Puskesos");
      record(task, text);
      notifications.emailGroups(partner == null ? List.of(Groups.KOORDINATOR)
          : List.of(partner.group(), Groups.KOORDINATOR), "Eskalasi: " + task.getName(),
          text + " (" + orDash(businessKey(task)) + ")", "escalation:" + task.getId(), businessKey(task));
      notices++;
    }
    if (partner != null && silent && notice(task, Kind.SLRT, now)) {
      String text = "%s belum menanggapi \"%s\" dua kali batas waktunya; dieskalasi ke manajer SLRT Kota Bandung"
          .formatted(partner.name(), task.getName());
      record(task, text);
      notifications.emailGroups(List.of(Groups.MANAJER), "Eskalasi SLRT: " + task.getName(),
          text + " (" + orDash(businessKey(task)) + ")", "slrt:" + task.getId(), businessKey(task));
      notices++;
    }
    return notices;
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }

  /** The partner whose group the task is for, or null for Puskesos work. */
  private Partner partner(Task task) {
    List<String> groups = groups(task);
    return catalogue.partners().stream().filter(p -> groups.contains(p.group())).findFirst().orElse(null);
  }

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private static boolean twiceLate(Task task, Date now) {
    long level = task.getDueDate().getTime() - task.getCreateTime().getTime();
    return level > 0 && now.getTime() > task.getCreateTime().getTime() + 2 * level;
  }

  private boolean noticed(Task task, Kind kind) {
    return jdbc.sql("SELECT COUNT(*) FROM sla_notice WHERE task_id = ? AND kind = ?").params(task.getId(), kind.name())
        .query(Long.class).single() > 0;
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
    return WHEN.format(date.toInstant().atZone(Dates.BANDUNG));
  }
}
