package id.puskesos.rujukan.tenant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.Roles;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Groups;
import id.puskesos.rujukan.notification.Notifications;
import id.puskesos.rujukan.referral.CaseFile;
import id.puskesos.rujukan.referral.EventType;

/**
 * A resident who moved is served by the Puskesos of their new kelurahan: the koordinator of the Puskesos holding the
 * open case hands it over, and the case keeps its number, its history and its partners' work. In one transaction:
 * the case's Puskesos ({@code referral.tenant_id}, a conditional update, so two hand-overs at once move it once) and
 * the engine's tenant on every row of the case's process tree, runtime and history (Camunda 7 has no command to
 * change an instance's tenant). The engine's rows are found by their tenant and root instance columns as the
 * database describes them; runtime rows get a new revision, so a job of the case running at that moment fails its
 * optimistic lock and runs again under the new tenant. Tasks held by the former Puskesos's staff go back to their
 * group. The former Puskesos sees nothing of the case afterwards; the new one's koordinator is told by e-mail.
 */
@Service
@Transactional
public class CaseHandover {

  public record Request(String puskesos, String reason) {
  }

  /** The engine's rows of one process tree: by root instance where the table has it, else by instance or task. */
  private static final List<String> BY = List.of("ROOT_PROC_INST_ID_", "PROC_INST_ID_", "PROCESS_INSTANCE_ID_",
      "TASK_ID_");

  private final CaseFile caseFile;
  private final PuskesosDirectory directory;
  private final Notifications notifications;
  private final Roles roles;
  private final JdbcClient jdbc;

  public CaseHandover(CaseFile caseFile, PuskesosDirectory directory, Notifications notifications, Roles roles,
      JdbcClient jdbc) {
    this.caseFile = caseFile;
    this.directory = directory;
    this.notifications = notifications;
    this.roles = roles;
    this.jdbc = jdbc;
  }

  /** Hands the case over; returns the Puskesos that holds it now. */
  public Puskesos handOver(String number, Request request, String actor) {
    roles.require("koordinator Puskesos yang memegang kasus", Groups.KOORDINATOR);
    var record = caseFile.get(number);
    Checks checks = new Checks();
    String to = checks.required(PuskesosDirectory.FIELD, request.puskesos(), "Puskesos tujuan (kode kelurahan)");
    String reason = checks.required("reason", request.reason(), "Alasan pemindahan");
    checks.check(to == null || directory.find(to.trim()).isPresent(), PuskesosDirectory.FIELD,
        "Puskesos dengan kode kelurahan " + to + " tidak terdaftar");
    checks.check(to == null || !to.trim().equals(record.tenantId()), PuskesosDirectory.FIELD,
        "Kasus sudah dipegang Puskesos itu");
    checks.throwIfAny();
    Puskesos from = directory.of(record.tenantId());
    Puskesos target = directory.of(to.trim());
    int moved = jdbc.sql("""
        UPDATE referral SET tenant_id = ? WHERE referral_number = ? AND tenant_id = ? AND status = 'OPEN'""")
        .params(target.tenantId(), number, from.tenantId()).update();
    if (moved == 0) {
      throw new ConflictException("Rujukan %s sudah selesai atau baru saja dipindahkan".formatted(number));
    }
    if (record.processInstanceId() != null) {
      moveEngineRows(record.processInstanceId(), from.tenantId(), target.tenantId());
    }
    caseFile.record(number, EventType.HANDED_OVER, actor, "Kasus dipindahkan dari %s ke %s: %s"
        .formatted(from.title(), target.title(), reason));
    notifications.emailGroups(List.of(Groups.KOORDINATOR), "Kasus pindahan: " + number,
        "%s memindahkan rujukan %s ke %s (%s). Tugas kasus ini kini ada di Tasklist Puskesos Anda."
            .formatted(from.title(), number, target.title(), reason), "handover:" + number + ":" + target.tenantId(),
        number);
    return target;
  }

  private void moveEngineRows(String root, String from, String to) {
    List<String> instances = new java.util.ArrayList<>(jdbc.sql(
        "SELECT ID_ FROM ACT_HI_PROCINST WHERE ROOT_PROC_INST_ID_ = ?").param(root).query(String.class).list());
    if (!instances.contains(root)) {
      instances.add(root);
    }
    List<String> tasks = jdbc.sql("SELECT ID_ FROM ACT_HI_TASKINST WHERE ROOT_PROC_INST_ID_ = ?").param(root)
        .query(String.class).list();
    // the former Puskesos's staff no longer reach the case: their claims go back to the group
    jdbc.sql("""
        UPDATE ACT_RU_TASK SET ASSIGNEE_ = NULL, REV_ = REV_ + 1 WHERE PROC_INST_ID_ IN (:instances)
        AND ASSIGNEE_ IN (SELECT USER_ID_ FROM ACT_ID_TENANT_MEMBER WHERE TENANT_ID_ = :from)""")
        .param("instances", instances).param("from", from).update();
    Map<String, Object> ids = Map.of("ROOT_PROC_INST_ID_", List.of(root), "PROC_INST_ID_", instances,
        "PROCESS_INSTANCE_ID_", instances, "TASK_ID_", tasks.isEmpty() ? List.of("") : tasks);
    engineTables().forEach((table, columns) -> BY.stream().filter(columns::contains).findFirst().ifPresent(by -> {
      boolean runtime = table.startsWith("ACT_RU_") || table.equals("ACT_GE_BYTEARRAY");
      jdbc.sql("UPDATE " + table + " SET TENANT_ID_ = :to" + (runtime && columns.contains("REV_")
          ? ", REV_ = REV_ + 1" : "") + " WHERE " + by + " IN (:ids) AND TENANT_ID_ = :from")
          .param("to", to).param("ids", ids.get(by)).param("from", from).update();
    }));
  }

  /**
   * The engine's tables that keep a tenant on a case's rows, with their columns: runtime, history and byte arrays,
   * not the definitions, deployments, identities or batches, which are not a case's.
   */
  private Map<String, Set<String>> engineTables() {
    Map<String, Set<String>> tables = new HashMap<>();
    jdbc.sql("""
        SELECT UPPER(table_name) AS t, UPPER(column_name) AS c FROM information_schema.columns
        WHERE UPPER(table_name) IN (SELECT UPPER(table_name) FROM information_schema.columns
                                    WHERE UPPER(column_name) = 'TENANT_ID_')""")
        .query((rs, row) -> Map.entry(rs.getString("t"), rs.getString("c"))).list()
        .forEach(e -> tables.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    tables.keySet().removeIf(table -> !(table.startsWith("ACT_RU_") || table.startsWith("ACT_HI_")
        || table.equals("ACT_GE_BYTEARRAY")) || table.endsWith("_BATCH"));
    return tables;
  }
}
