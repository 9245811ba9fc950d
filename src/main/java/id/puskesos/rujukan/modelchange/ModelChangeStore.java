package id.puskesos.rujukan.modelchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.NotFoundException;

/** The model_change tables (V36): the change, its files and its approvals. */
@Component
class ModelChangeStore {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final JdbcClient jdbc;

  ModelChangeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The fields of a new or revised change, as validated. */
  record Proposal(ChangeKind kind, String reason, Long actionItemId, Map<String, byte[]> files,
      Map<String, String> renames, List<ChangeRequest.TopUpRequest> topUps, LocalDate simulateFrom,
      LocalDate simulateTo) {
  }

  long insert(Proposal proposal, String actor, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO model_change (kind, reason, action_item_id, status, revision, submitted_by, submitted_at,
            simulate_from, simulate_to, renames, top_ups)
        VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)""")
        .params(proposal.kind().name(), proposal.reason(), proposal.actionItemId(), ChangeStatus.SUBMITTED.name(),
            actor, Timestamp.from(now), proposal.simulateFrom(), proposal.simulateTo(), json(proposal.renames()),
            json(proposal.topUps()))
        .update(key, "id");
    long id = key.getKey().longValue();
    saveFiles(id, proposal.files());
    return id;
  }

  /**
   * A revision replaces the files and the proposal; only after failed checks or a send-back, else 409. Another
   * revision holding the row (its checks and simulation run in its transaction) is a 409 too, when the wait for it
   * runs out.
   */
  void revise(long id, Proposal proposal) {
    int updated;
    try {
      updated = jdbc.sql("""
          UPDATE model_change SET reason = ?, action_item_id = ?, renames = ?, top_ups = ?, simulate_from = ?,
              simulate_to = ?, status = ?, revision = revision + 1, checks = NULL, checks_passed = NULL,
              simulation_id = NULL, migration_preview = NULL
          WHERE id = ? AND status IN ('CHECKS_FAILED', 'SENT_BACK')""")
          .params(proposal.reason(), proposal.actionItemId(), json(proposal.renames()), json(proposal.topUps()),
              proposal.simulateFrom(), proposal.simulateTo(), ChangeStatus.SUBMITTED.name(), id)
          .update();
    } catch (QueryTimeoutException | PessimisticLockingFailureException heldByAnotherRevision) {
      throw new ConflictException("Perubahan %s sedang direvisi oleh permintaan lain; muat ulang lalu coba lagi"
          .formatted(ModelChange.number(id)));
    }
    if (updated == 0) {
      throw new ConflictException("Perubahan %s tidak sedang menunggu perbaikan: statusnya %s"
          .formatted(ModelChange.number(id), get(id).statusLabel()));
    }
    jdbc.sql("DELETE FROM model_change_file WHERE change_id = ?").param(id).update();
    saveFiles(id, proposal.files());
  }

  private void saveFiles(long id, Map<String, byte[]> files) {
    files.forEach((name, content) -> jdbc.sql("INSERT INTO model_change_file (change_id, name, content) VALUES (?, ?, ?)")
        .params(id, name, content).update());
  }

  void setProcessInstance(long id, String processInstanceId) {
    jdbc.sql("UPDATE model_change SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
  }

  void recordChecks(long id, List<ChangeCheck> checks, boolean passed, String targetKey, Integer baseVersion) {
    jdbc.sql("""
        UPDATE model_change SET checks = ?, checks_passed = ?, target_key = ?, base_version = ?, status = ?
        WHERE id = ?""")
        .params(json(checks), passed, targetKey, baseVersion,
            (passed ? ChangeStatus.SUBMITTED : ChangeStatus.CHECKS_FAILED).name(), id)
        .update();
  }

  void recordSimulation(long id, Long simulationId, Object migrationPreview) {
    jdbc.sql("UPDATE model_change SET simulation_id = ?, migration_preview = ?, status = ? WHERE id = ?")
        .params(simulationId, migrationPreview == null ? null : json(migrationPreview),
            ChangeStatus.AWAITING_APPROVAL.name(), id)
        .update();
  }

  /** The approver group's decision on the revision; a second one is refused (the key holds it). */
  void recordApproval(long id, int revision, String group, String decision, String note, String actor, Instant now) {
    jdbc.sql("""
        INSERT INTO model_change_approval (change_id, revision, group_id, decision, note, decided_by, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, revision, group, decision, note, actor, Timestamp.from(now)).update();
  }

  /** Closes a change still waiting for its revision; 0 when it was revised meanwhile. */
  int abandon(long id) {
    return jdbc.sql("UPDATE model_change SET status = ? WHERE id = ? AND status IN ('CHECKS_FAILED', 'SENT_BACK')")
        .params(ChangeStatus.ABANDONED.name(), id).update();
  }

  void setStatus(long id, ChangeStatus status) {
    jdbc.sql("UPDATE model_change SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  /** Marks the approved change deployed, once: 0 when it was not (or no longer) approved. */
  int recordDeployment(long id, String actor, Instant now, String deploymentId, Integer version) {
    return jdbc.sql("""
        UPDATE model_change SET status = ?, deployed_by = ?, deployed_at = ?, deployment_id = ?, deployed_version = ?
        WHERE id = ? AND status = ?""")
        .params(ChangeStatus.DEPLOYED.name(), actor, Timestamp.from(now), deploymentId, version, id,
            ChangeStatus.APPROVED.name())
        .update();
  }

  void recordMigrationBatch(long id, String batch) {
    jdbc.sql("UPDATE model_change SET migration_batch = ? WHERE id = ?").params(batch, id).update();
  }

  void recordMigrationOutcome(long id, Object outcome) {
    jdbc.sql("UPDATE model_change SET migration_outcome = ? WHERE id = ?").params(json(outcome), id).update();
  }

  Map<String, byte[]> files(long id) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    jdbc.sql("SELECT name, content FROM model_change_file WHERE change_id = ? ORDER BY name").param(id)
        .query((rs, row) -> files.put(rs.getString("name"), rs.getBytes("content"))).list();
    return files;
  }

  ModelChange get(long id) {
    return jdbc.sql("SELECT * FROM model_change WHERE id = ?").param(id).query(this::change).optional()
        .orElseThrow(() -> new NotFoundException("Perubahan " + ModelChange.number(id) + " tidak ada"));
  }

  List<ModelChange> list() {
    return jdbc.sql("SELECT * FROM model_change ORDER BY id DESC").query(this::change).list();
  }

  boolean actionItemExists(long actionItemId) {
    return jdbc.sql("SELECT COUNT(*) FROM evaluation_action WHERE id = ?").param(actionItemId).query(Long.class)
        .single() > 0;
  }

  private ModelChange change(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<ModelChange.Approval> approvals = jdbc.sql("""
        SELECT * FROM model_change_approval WHERE change_id = ? ORDER BY revision, decided_at""").param(id)
        .query((a, n) -> new ModelChange.Approval(a.getInt("revision"), a.getString("group_id"),
            a.getString("decision"), a.getString("note"), a.getString("decided_by"), instant(a, "decided_at")))
        .list();
    ChangeStatus status = ChangeStatus.valueOf(rs.getString("status"));
    return new ModelChange(ModelChange.number(id), ChangeKind.valueOf(rs.getString("kind")), status, status.label(),
        rs.getInt("revision"), rs.getString("reason"), (Long) rs.getObject("action_item_id", Long.class),
        rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getObject("simulate_from", LocalDate.class),
        rs.getObject("simulate_to", LocalDate.class),
        jdbc.sql("SELECT name FROM model_change_file WHERE change_id = ? ORDER BY name").param(id)
            .query(String.class).list(),
        read(rs.getString("renames"), new TypeReference<Map<String, String>>() { }),
        read(rs.getString("top_ups"), new TypeReference<List<ChangeRequest.TopUpRequest>>() { }),
        rs.getString("target_key"), (Integer) rs.getObject("base_version", Integer.class),
        read(rs.getString("checks"), new TypeReference<List<ChangeCheck>>() { }),
        (Long) rs.getObject("simulation_id", Long.class), tree(rs.getString("migration_preview")), approvals,
        rs.getString("deployed_by"), instant(rs, "deployed_at"), rs.getString("deployment_id"),
        (Integer) rs.getObject("deployed_version", Integer.class), rs.getString("migration_batch"),
        tree(rs.getString("migration_outcome")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return json == null ? null : JSON.readValue(json, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String json) {
    return read(json, new TypeReference<JsonNode>() { });
  }
}
