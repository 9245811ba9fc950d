package id.puskesos.rujukan.registry;

import static id.puskesos.rujukan.process.RegistryVariables.DUPLICATE_CANDIDATE_ID;
import static id.puskesos.rujukan.process.RegistryVariables.DUPLICATE_DECISION;
import static id.puskesos.rujukan.process.RegistryVariables.DUPLICATE_NOTE;
import static id.puskesos.rujukan.process.RegistryVariables.DUPLICATE_RULE;
import static id.puskesos.rujukan.process.RegistryVariables.RECORD_A;
import static id.puskesos.rujukan.process.RegistryVariables.RECORD_B;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.DuplicateReviewProcess;

/**
 * Probable duplicates: two records with different NIKs that are probably one person. They are flagged for an
 * operator's review, never merged silently, and the operator's decision sticks (a decided pair is never flagged
 * again). The same NIK twice cannot happen: the registry's NIK is unique.
 */
@Service
@Transactional
public class Duplicates {

  private static final Logger LOG = LoggerFactory.getLogger(Duplicates.class);

  /** Why two records look like one person. */
  public enum Rule {
    SAME_KK_BIRTH_DATE_SIMILAR_NAME("nomor KK dan tanggal lahir sama, nama mirip"),
    SAME_NAME_BIRTH_DATE_RT_RW("nama, tanggal lahir dan RT/RW sama, NIK berbeda");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The operator's decision on a pair. */
  public enum Decision {
    KEEP_A, KEEP_B, NOT_DUPLICATE
  }

  private final JdbcClient jdbc;
  private final Registry registry;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public Duplicates(JdbcClient jdbc, Registry registry, RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Looks for probable duplicates of one resident; new pairs are flagged and get a review. */
  public List<Long> detectFor(long residentId) {
    Resident resident = registry.get(residentId);
    List<Long> flagged = new ArrayList<>();
    for (Resident other : jdbc.sql("SELECT " + Registry.COLUMNS
            + " FROM resident WHERE kk_number = ? AND birth_date = ? AND id <> ? AND record_status = 'ACTIVE'")
        .params(resident.kkNumber(), resident.birthDate(), residentId).query(Registry::map).list()) {
      if (NameKey.similar(resident.fullName(), other.fullName())) {
        flag(resident.id(), other.id(), Rule.SAME_KK_BIRTH_DATE_SIMILAR_NAME, flagged);
      }
    }
    for (Long other : jdbc.sql("""
        SELECT id FROM resident WHERE name_key = ? AND birth_date = ? AND rt = ? AND rw = ? AND kelurahan = ?
          AND id <> ? AND record_status = 'ACTIVE'""")
        .params(NameKey.of(resident.fullName()), resident.birthDate(), resident.rt(), resident.rw(),
            resident.kelurahan(), residentId)
        .query(Long.class).list()) {
      flag(resident.id(), other, Rule.SAME_NAME_BIRTH_DATE_RT_RW, flagged);
    }
    startReviews(flagged);
    return flagged;
  }

  /** Looks over the whole registry (after an import); returns the pairs newly flagged, not yet under review. */
  public List<Long> detectAll() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Long> before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM duplicate_candidate").query(Long.class).list();
    long lastId = before.get(0);
    jdbc.sql("""
        INSERT INTO duplicate_candidate (resident_a, resident_b, rule, detected_at, status)
        SELECT a.id, b.id, ?, ?, 'OPEN' FROM resident a JOIN resident b
          ON a.name_key = b.name_key AND a.birth_date = b.birth_date AND a.rt = b.rt AND a.rw = b.rw
         AND a.kelurahan = b.kelurahan AND a.id < b.id
        WHERE a.record_status = 'ACTIVE' AND b.record_status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM duplicate_candidate d WHERE d.resident_a = a.id AND d.resident_b = b.id)""")
        .params(Rule.SAME_NAME_BIRTH_DATE_RT_RW.name(), now).update();
    List<long[]> sameHousehold = jdbc.sql("""
        SELECT a.id, b.id, a.full_name, b.full_name FROM resident a JOIN resident b
          ON a.kk_number = b.kk_number AND a.birth_date = b.birth_date AND a.id < b.id
        WHERE a.record_status = 'ACTIVE' AND b.record_status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM duplicate_candidate d WHERE d.resident_a = a.id AND d.resident_b = b.id)""")
        .query((rs, row) -> NameKey.similar(rs.getString(3), rs.getString(4))
            ? new long[] {rs.getLong(1), rs.getLong(2)} : null)
        .list();
    for (long[] pair : sameHousehold) {
      if (pair != null) {
        insert(pair[0], pair[1], Rule.SAME_KK_BIRTH_DATE_SIMILAR_NAME, now);
      }
    }
    return jdbc.sql("SELECT id FROM duplicate_candidate WHERE id > ? AND process_instance_id IS NULL ORDER BY id")
        .param(lastId).query(Long.class).list();
  }

  /** Starts the operator's review of each flagged pair (duplicate-review.bpmn). */
  public void startReviews(List<Long> candidateIds) {
    for (Long id : candidateIds) {
      Map<String, Object> pair = jdbc.sql("SELECT resident_a, resident_b, rule FROM duplicate_candidate WHERE id = ?")
          .param(id).query().singleRow();
      Resident a = registry.get(((Number) pair.get("resident_a")).longValue());
      Resident b = registry.get(((Number) pair.get("resident_b")).longValue());
      Map<String, Object> variables = new HashMap<>();
      DUPLICATE_CANDIDATE_ID.put(variables, id);
      DUPLICATE_RULE.put(variables, Rule.valueOf((String) pair.get("rule")).label());
      RECORD_A.put(variables, describe(a));
      RECORD_B.put(variables, describe(b));
      CaseVariables.URGENT.put(variables, false);
      String processInstanceId = runtimeService.startProcessInstanceByKey(DuplicateReviewProcess.PROCESS_ID,
          "DUP-" + id, variables).getId();
      jdbc.sql("UPDATE duplicate_candidate SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id)
          .update();
    }
    if (!candidateIds.isEmpty()) {
      LOG.info("{} probable duplicate(s) sent for review", candidateIds.size());
    }
  }

  /** Whether the resident is part of a pair still waiting for its review. */
  @Transactional(readOnly = true)
  public boolean underReview(long residentId) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM duplicate_candidate WHERE status = 'OPEN' AND (resident_a = ? OR resident_b = ?)""")
        .params(residentId, residentId).query(Long.class).single() > 0;
  }

  @Transactional(readOnly = true)
  public long openReviews() {
    return jdbc.sql("SELECT COUNT(*) FROM duplicate_candidate WHERE status = 'OPEN'").query(Long.class).single();
  }

  /**
   * Applies the operator's decision. Merging keeps one record: the other is marked merged into it and its
   * referrals move to the record kept.
   */
  public void decide(long candidateId, Decision decision, String note, String actor) {
    Checks checks = new Checks();
    checks.check(decision != null, DUPLICATE_DECISION.name(), "Keputusan wajib dipilih");
    checks.check(note != null, DUPLICATE_NOTE.name(), "Catatan wajib diisi");
    checks.throwIfAny();
    Map<String, Object> pair = jdbc.sql("SELECT resident_a, resident_b, status FROM duplicate_candidate WHERE id = ?")
        .param(candidateId).query().singleRow();
    if (!"OPEN".equals(pair.get("status"))) {
      throw new ConflictException("Tinjauan data ganda " + candidateId + " sudah diputuskan");
    }
    long a = ((Number) pair.get("resident_a")).longValue();
    long b = ((Number) pair.get("resident_b")).longValue();
    String reason = "Tinjauan data ganda DUP-" + candidateId + ": " + note;
    if (decision != Decision.NOT_DUPLICATE) {
      long kept = decision == Decision.KEEP_A ? a : b;
      long merged = decision == Decision.KEEP_A ? b : a;
      registry.merge(merged, kept, actor, reason);
      jdbc.sql("UPDATE referral SET resident_id = ? WHERE resident_id = ?").params(kept, merged).update();
    }
    jdbc.sql("UPDATE duplicate_candidate SET status = ?, decided_at = ?, decided_by = ?, note = ? WHERE id = ?")
        .params(decision == Decision.NOT_DUPLICATE ? "NOT_DUPLICATE" : "MERGED", OffsetDateTime.now(clock), actor,
            note.length() > 500 ? note.substring(0, 500) : note, candidateId)
        .update();
  }

  private void flag(long one, long other, Rule rule, List<Long> flagged) {
    long a = Math.min(one, other);
    long b = Math.max(one, other);
    Long existing = jdbc.sql("SELECT id FROM duplicate_candidate WHERE resident_a = ? AND resident_b = ?")
        .params(a, b).query(Long.class).optional().orElse(null);
    if (existing == null) {
      flagged.add(insert(a, b, rule, OffsetDateTime.now(clock)));
    }
  }

  private long insert(long a, long b, Rule rule, OffsetDateTime at) {
    jdbc.sql("""
        INSERT INTO duplicate_candidate (resident_a, resident_b, rule, detected_at, status) VALUES (?, ?, ?, ?, 'OPEN')""")
        .params(a, b, rule.name(), at).update();
    return jdbc.sql("SELECT id FROM duplicate_candidate WHERE resident_a = ? AND resident_b = ?").params(a, b)
        .query(Long.class).single();
  }

  /** One line a reviewer compares: the record's identity and where the person lives. */
  static String describe(Resident r) {
    return "%s, NIK %s, KK %s, lahir %s, %s%s".formatted(r.fullName(), r.nik(), r.kkNumber(),
        Dates.written(r.birthDate()), r.fullAddress(),
        r.dtksStatus() == DtksStatus.LISTED ? ", DTKS desil " + r.desil() : "");
  }
}
