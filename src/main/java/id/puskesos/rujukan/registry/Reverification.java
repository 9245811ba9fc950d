package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import id.puskesos.rujukan.common.DateRule;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.PersonalData;
import id.puskesos.rujukan.process.CaseVariables;
import id.puskesos.rujukan.process.RegistryVariables;
import id.puskesos.rujukan.process.ReverificationProcesses;

/**
 * Keeping data fresh: active beneficiaries not verified by the Puskesos for six months get a fasilitator's visit,
 * oldest first, a week's capacity at a time. Active beneficiaries are residents who received aid through a
 * referral in the last twelve months, or who are in DTKS/DTSEN in desil 1 to 4 (the population of the national
 * programs); deceased, moved and merged records are left out.
 */
@Service
@Transactional
public class Reverification {

  private static final Logger LOG = LoggerFactory.getLogger(Reverification.class);

  /** Residents who count as active beneficiaries; parameter: the start of the twelve months. */
  static final String ACTIVE_BENEFICIARY = """
      r.record_status = 'ACTIVE' AND r.deceased = FALSE AND r.moved_away = FALSE
      AND ((r.dtks_status = 'LISTED' AND r.desil <= 4)
        OR EXISTS (SELECT 1 FROM referral f JOIN program_referral p ON p.referral_number = f.referral_number
                   WHERE f.resident_id = r.id AND p.status = 'DISTRIBUTED' AND p.distributed_at >= ?))""";

  /** Active beneficiaries not verified since a date and not already sent; parameters: year start, stale date. */
  private static final String DUE = ACTIVE_BENEFICIARY + """
       AND (r.verified_at IS NULL OR r.verified_at < ?)
       AND NOT EXISTS (SELECT 1 FROM reverification v WHERE v.resident_id = r.id AND v.completed_at IS NULL)""";

  /** One batch issued: how many visits were sent, and how many residents are still due. */
  public record Batch(int issued, long remainingDue) {
  }

  private final JdbcClient jdbc;
  private final Registry registry;
  private final RegistrySettings settings;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public Reverification(JdbcClient jdbc, Registry registry, RegistrySettings settings, RuntimeService runtimeService,
      Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.settings = settings;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Residents due for re-verification and not already sent: active beneficiaries, stale, oldest first. */
  @Transactional(readOnly = true)
  public List<Long> due(int limit) {
    return jdbc.sql("SELECT r.id FROM resident r WHERE " + DUE + " ORDER BY r.verified_at NULLS FIRST, r.id LIMIT ?")
        .params(yearAgo(), staleBefore(), limit).query(Long.class).list();
  }

  @Transactional(readOnly = true)
  public long countDue() {
    return jdbc.sql("SELECT COUNT(*) FROM resident r WHERE " + DUE)
        .params(yearAgo(), staleBefore()).query(Long.class).single();
  }

  /** Sends this week's visits (up to the weekly cap) to the fasilitators (resident-reverification.bpmn). */
  public Batch issueBatch() {
    List<Long> residents = due(settings.getWeeklyCap());
    for (Long residentId : residents) {
      Resident r = registry.get(residentId);
      jdbc.sql("INSERT INTO reverification (resident_id, created_at) VALUES (?, ?)")
          .params(residentId, OffsetDateTime.now(clock)).update();
      long id = jdbc.sql("SELECT MAX(id) FROM reverification WHERE resident_id = ?").param(residentId)
          .query(Long.class).single();
      Map<String, Object> variables = new HashMap<>();
      RegistryVariables.REVERIFICATION_ID.put(variables, id);
      CaseVariables.RESIDENT_ID.put(variables, residentId);
      CaseVariables.RESIDENT_NAME.put(variables, r.fullName());
      CaseVariables.NIK_MASKED.put(variables, PersonalData.maskNik(r.nik()));
      CaseVariables.ADDRESS.put(variables, r.fullAddress());
      RegistryVariables.REGISTRY_SUMMARY.put(variables, summary(r));
      CaseVariables.CORRECTED_ADDRESS.put(variables, r.address());
      CaseVariables.CORRECTED_RT.put(variables, r.rt());
      CaseVariables.CORRECTED_RW.put(variables, r.rw());
      CaseVariables.DTKS_STATUS.put(variables, r.dtksStatus() == null ? null : r.dtksStatus().name());
      CaseVariables.DESIL.put(variables, r.desil());
      CaseVariables.DECEASED.put(variables, r.deceased());
      CaseVariables.MOVED_AWAY.put(variables, r.movedAway());
      String processInstanceId = runtimeService.startProcessInstanceByKey(
          ReverificationProcesses.Resident.PROCESS_ID, "VRF-" + id, variables).getId();
      jdbc.sql("UPDATE reverification SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id)
          .update();
    }
    long remaining = countDue();
    LOG.info("Re-verification batch: {} visit(s) sent, {} resident(s) still due", residents.size(), remaining);
    return new Batch(residents.size(), remaining);
  }

  /** Records the re-verification visit: corrections with history, and the record counts as verified. */
  public void record(long reverificationId, long residentId, ReverificationVisit v, String actor) {
    Checks checks = new Checks();
    LocalDate visitDate = checks.date(CaseVariables.VISIT_DATE.name(), v.visitDate(), "Tanggal kunjungan", true);
    OffsetDateTime issued = jdbc.sql("SELECT created_at FROM reverification WHERE id = ?").param(reverificationId)
        .query((rs, row) -> rs.getObject("created_at", OffsetDateTime.class)).optional().orElse(null);
    DateRule.of(checks, CaseVariables.VISIT_DATE.name(), "Tanggal kunjungan", visitDate)
        .notBefore("verifikasi ulang dijadwalkan", issued)
        .notInFuture(clock);
    ObservedFacts facts = ObservedFacts.read(checks, v.address(), v.rt(), v.rw(), v.phone(), v.dtksStatus(),
        v.desil(), v.deceased(), v.movedAway());
    checks.required(CaseVariables.VISIT_FINDINGS.name(), v.findings(), "Catatan kunjungan");
    checks.throwIfAny();
    String reason = "Verifikasi ulang VRF-%d: %s".formatted(reverificationId, v.findings());
    registry.correct(residentId, facts.asCorrections(), actor, ChangeSource.REVERIFICATION, reason);
    registry.markVerified(residentId, actor, ChangeSource.REVERIFICATION, reason);
    jdbc.sql("UPDATE reverification SET completed_at = ? WHERE id = ?")
        .params(OffsetDateTime.now(clock), reverificationId).update();
  }

  static String summary(Resident r) {
    return "%s; %s; verifikasi terakhir %s".formatted(
        r.dtksStatus() == null ? "status DTKS/DTSEN belum diketahui" : "DTKS/DTSEN " + r.dtksStatus().label()
            + (r.desil() == null ? "" : ", desil " + r.desil()),
        // whether there is a phone, not the number: the fasilitator's form shows it (IdentityForms), nobody else
        r.phone() == null ? "tanpa nomor HP" : "nomor HP tercatat",
        r.verifiedAt() == null ? "belum pernah" : Dates.written(r.verifiedAt()));
  }

  private OffsetDateTime staleBefore() {
    return OffsetDateTime.now(clock).minus(settings.getVerificationValidFor());
  }

  private OffsetDateTime yearAgo() {
    return OffsetDateTime.now(clock).minusYears(1);
  }
}
