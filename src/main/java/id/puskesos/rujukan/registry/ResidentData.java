package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.access.CaseAccess;
import id.puskesos.rujukan.common.Checks;
import id.puskesos.rujukan.common.ConflictException;
import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.process.CaseVariables;

/**
 * The resident's rights over their data (UU PDP): an export of everything held on them, and erasure where no legal
 * retention applies. Correction goes through the registry's history ({@link Registry#correct}).
 */
@Service
@Transactional
public class ResidentData {

  /** The id an erased record keeps in place of its NIK: 16 characters, unique, plainly not a NIK. */
  static final String ERASED = "ERASED";

  private final JdbcClient jdbc;
  private final Registry registry;
  private final Consents consents;
  private final AccessLog accessLog;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final CaseAccess caseAccess;
  private final Clock clock;
  private final Period aidRetention;

  public ResidentData(JdbcClient jdbc, Registry registry, Consents consents, AccessLog accessLog,
      HistoryService historyService, RuntimeService runtimeService, CaseAccess caseAccess, Clock clock,
      @Value("${rujukan.privacy.aid-retention:P5Y}") Period aidRetention) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.consents = consents;
    this.accessLog = accessLog;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.caseAccess = caseAccess;
    this.clock = clock;
    this.aidRetention = aidRetention;
  }

  /**
   * Everything held on the resident: the record and its history, consents, every case with its complaints, needs,
   * assessments, programs, handovers, letters and timeline, the data the case processes kept, and who read the record.
   */
  public Map<String, Object> export(long residentId, String actor) {
    registry.get(residentId);
    accessLog.record(residentId, AccessLog.Purpose.EXPORT, "Ekspor data pribadi atas permintaan warga", actor);
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("exportedAt", OffsetDateTime.now(clock));
    export.put("exportedBy", actor);
    export.put("resident", rows("SELECT * FROM resident WHERE id = ?", residentId).get(0));
    export.put("changes", rows("SELECT * FROM resident_change WHERE resident_id = ? ORDER BY id", residentId));
    export.put("consents", consents.history(residentId));
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Map<String, Object> referral : rows("SELECT * FROM referral WHERE resident_id = ? ORDER BY received_at",
        residentId)) {
      String number = (String) referral.get("referral_number");
      Map<String, Object> c = new LinkedHashMap<>(referral);
      c.put("intakes", rows("SELECT * FROM referral_intake WHERE referral_number = ? ORDER BY id", number));
      c.put("needs", rows("SELECT * FROM referral_need WHERE referral_number = ?", number));
      c.put("assessments", rows("SELECT * FROM needs_assessment WHERE referral_number = ? ORDER BY id", number));
      c.put("programs", rows("SELECT * FROM program_referral WHERE referral_number = ? ORDER BY id", number));
      c.put("handovers", rows("SELECT * FROM program_distribution WHERE referral_number = ? ORDER BY id", number));
      c.put("routing", rows("SELECT * FROM routing_choice WHERE referral_number = ? ORDER BY id", number));
      c.put("householdLedger", rows("SELECT * FROM household_aid WHERE referral_number = ? ORDER BY id", number));
      c.put("letters", rows("""
          SELECT letter_number, program_code, issued_at, issued_by FROM recommendation_letter
          WHERE referral_number = ?""", number));
      c.put("handoverProofs", rows("""
          SELECT id, program_code, content_type, size_bytes, sha256, uploaded_at, uploaded_by FROM handover_proof
          WHERE referral_number = ? ORDER BY id""", number));
      c.put("timeline", rows("SELECT * FROM referral_event WHERE referral_number = ? ORDER BY id", number));
      cases.add(c);
    }
    export.put("cases", cases);
    export.put("processData", caseAccess.withoutAuthorization(() -> processData(residentId)));
    export.put("accessLog", accessLog.entries(residentId));
    return export;
  }

  /**
   * Erases the resident's personal data on their request: the record keeps its id but no name, NIK, KK, birth date,
   * address or phone; the cases' texts, letters, handover proofs and process history go; figures keep their counts.
   * Refused while a case or process is running, and while aid handed over is within its retention period (audits of
   * social assistance need who received what).
   */
  public void erase(long residentId, String reason, String actor) {
    Checks checks = new Checks();
    String why = checks.required("reason", reason, "Dasar permintaan penghapusan");
    checks.throwIfAny();
    registry.get(residentId);
    if (jdbc.sql("SELECT COUNT(*) FROM referral WHERE resident_id = ? AND status = 'OPEN'").param(residentId)
        .query(Long.class).single() > 0) {
      throw new ConflictException("Warga masih memiliki kasus terbuka; tutup atau cabut kasusnya lebih dulu");
    }
    long running = caseAccess.withoutAuthorization(() -> runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CaseVariables.RESIDENT_ID.name(), residentId).count());
    if (running > 0) {
      throw new ConflictException("Masih ada proses berjalan untuk warga ini (verifikasi ulang atau usulan DTKS)");
    }
    LocalDate lastAid = jdbc.sql("""
        SELECT MAX(d.distributed_on) FROM program_distribution d JOIN referral r ON r.referral_number = d.referral_number
        WHERE r.resident_id = ?""").param(residentId).query(LocalDate.class).optional().orElse(null);
    if (lastAid != null && lastAid.plus(aidRetention).isAfter(LocalDate.now(clock))) {
      throw new ConflictException("Data penyaluran bantuan wajib disimpan sampai %s (masa retensi %s); penghapusan belum dapat dilakukan"
          .formatted(Dates.written(lastAid.plus(aidRetention)), aidRetention));
    }
    List<String> numbers = jdbc.sql("SELECT referral_number FROM referral WHERE resident_id = ?").param(residentId)
        .query(String.class).list();
    caseAccess.withoutAuthorization(() -> {
      List<String> instances = new ArrayList<>(processInstances(residentId, numbers).stream()
          .map(HistoricProcessInstance::getId).toList());
      historyService.deleteHistoricProcessInstancesIfExists(instances);
      return null;
    });
    String token = ERASED + "%010d".formatted(residentId);
    jdbc.sql("""
        UPDATE resident SET nik = ?, kk_number = ?, full_name = 'Dihapus atas permintaan warga', birth_date = ?,
                            address = '-', rt = '000', rw = '000', phone = NULL, name_key = NULL,
                            family_relationship = NULL, record_status = 'ERASED', updated_at = ?
        WHERE id = ?""")
        .params(token, token, LocalDate.of(1900, 1, 1), OffsetDateTime.now(clock), residentId).update();
    jdbc.sql("UPDATE resident_change SET old_value = NULL, new_value = NULL WHERE resident_id = ?").param(residentId)
        .update();
    for (String number : numbers) {
      jdbc.sql("UPDATE referral_intake SET description = '[dihapus]' WHERE referral_number = ?").param(number).update();
      jdbc.sql("UPDATE referral_event SET detail = '[dihapus]' WHERE referral_number = ?").param(number).update();
      jdbc.sql("""
          UPDATE referral SET outcome_reason = NULL, follow_up_notes = NULL, discrepancy_note = NULL
          WHERE referral_number = ?""")
          .param(number).update();
      jdbc.sql("UPDATE routing_choice SET reason = NULL WHERE referral_number = ?").param(number).update();
      jdbc.sql("""
          UPDATE household_aid_month SET household_kk = ?
          WHERE aid_id IN (SELECT id FROM household_aid WHERE referral_number = ?)""").params(token, number).update();
      jdbc.sql("UPDATE household_aid SET household_kk = ?, note = NULL WHERE referral_number = ?").params(token, number)
          .update();
      jdbc.sql("UPDATE needs_assessment SET religion = NULL, not_eligible_reason = NULL WHERE referral_number = ?")
          .param(number).update();
      jdbc.sql("""
          UPDATE program_referral SET proposal_basis = NULL, info_request = NULL, info_response = NULL,
                                      status_reason = NULL, planned_aid = NULL
          WHERE referral_number = ?""").param(number).update();
      jdbc.sql("DELETE FROM recommendation_letter WHERE referral_number = ?").param(number).update();
      jdbc.sql("DELETE FROM handover_proof WHERE referral_number = ?").param(number).update();
      jdbc.sql("UPDATE budget_commitment SET household_kk = ? WHERE referral_number = ?").params(token, number)
          .update();
    }
    accessLog.record(residentId, AccessLog.Purpose.ERASURE, why, actor);
  }

  /** The processes that held the resident's data: the cases' (by referral number) and the registry's (by id). */
  private List<HistoricProcessInstance> processInstances(long residentId, List<String> numbers) {
    List<HistoricProcessInstance> instances = new ArrayList<>(historyService.createHistoricProcessInstanceQuery()
        .variableValueEquals(CaseVariables.RESIDENT_ID.name(), residentId).list());
    for (String number : numbers) {
      historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
          .filter(p -> instances.stream().noneMatch(i -> i.getId().equals(p.getId()))).forEach(instances::add);
    }
    return instances;
  }

  private List<Map<String, Object>> processData(long residentId) {
    List<String> numbers = jdbc.sql("SELECT referral_number FROM referral WHERE resident_id = ?").param(residentId)
        .query(String.class).list();
    List<Map<String, Object>> data = new ArrayList<>();
    for (HistoricProcessInstance instance : processInstances(residentId, numbers)) {
      Map<String, Object> variables = new LinkedHashMap<>();
      historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).disableBinaryFetching()
          .list().forEach(v -> variables.put(v.getName(), v.getValue() == null ? null : String.valueOf(v.getValue())));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("process", instance.getProcessDefinitionKey());
      entry.put("businessKey", instance.getBusinessKey());
      entry.put("started", instance.getStartTime());
      entry.put("ended", instance.getEndTime());
      entry.put("variables", variables);
      data.add(entry);
    }
    return data;
  }

  private List<Map<String, Object>> rows(String sql, Object parameter) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : jdbc.sql(sql).param(parameter).query().listOfRows()) {
      Map<String, Object> clean = new LinkedHashMap<>();
      row.forEach((column, value) -> clean.put(column.toLowerCase(java.util.Locale.ROOT), value));
      rows.add(clean);
    }
    return rows;
  }
}
