package id.puskesos.rujukan.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import id.puskesos.rujukan.common.Dates;
import id.puskesos.rujukan.common.NotFoundException;

/**
 * The resident registry. Every write goes through here and leaves its trace in the correction history: who, when,
 * which field from what to what, and why. (The DTKS import writes in bulk with the same rules, see
 * {@link DtksImporter}.)
 */
@Service
@Transactional
public class Registry {

  static final String COLUMNS = """
      id, nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, phone, family_relationship,
      dtks_status, desil, registry_updated_on, verified_at, verified_by, deceased, moved_away, record_status,
      merged_into""";

  private final JdbcClient jdbc;
  private final Clock clock;

  public Registry(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The resident with this NIK, created from the intake's details if new, and locked until the transaction ends
   * so that two intakes for one resident are handled one after the other. Contact details given at intake
   * replace older ones, with history. A NIK whose record was merged into another stands for the record kept.
   * Two first intakes for the same new NIK at the same moment: the second fails
   * on the unique NIK and is retried by the caller.
   */
  public Resident lockOrCreate(ResidentDetails details, String actor, String reason) {
    Optional<Resident> existing = lockByNik(details.nik());
    if (existing.isEmpty()) {
      OffsetDateTime now = now();
      jdbc.sql("""
          INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, phone,
                                name_key, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(details.nik(), details.kkNumber(), details.fullName(), details.birthDate(), details.sex().name(),
              details.address(), details.rt(), details.rw(), details.kelurahan(), details.phone(),
              NameKey.of(details.fullName()), now, now)
          .update();
      Resident created = lockByNik(details.nik()).orElseThrow();
      history(created.id(), actor, ChangeSource.INTAKE, ResidentChange.CREATED, null, null, reason);
      return created;
    }
    Map<ResidentField, Object> contact = new LinkedHashMap<>();
    contact.put(ResidentField.ADDRESS, details.address());
    contact.put(ResidentField.RT, details.rt());
    contact.put(ResidentField.RW, details.rw());
    contact.put(ResidentField.KELURAHAN, details.kelurahan());
    if (details.phone() != null) {
      contact.put(ResidentField.PHONE, details.phone());
    }
    long residentId = kept(existing.get().id());
    correct(residentId, contact, actor, ChangeSource.INTAKE, reason);
    return get(residentId);
  }

  @Transactional(readOnly = true)
  public Optional<Resident> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE id = ?").param(id).query(Registry::map).optional();
  }

  @Transactional(readOnly = true)
  public Resident get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Warga " + id + " tidak ditemukan"));
  }

  @Transactional(readOnly = true)
  public Optional<Resident> findByNik(String nik) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE nik = ?").param(nik).query(Registry::map).optional();
  }

  /** The active members of a household (same KK number). */
  @Transactional(readOnly = true)
  public List<Resident> household(String kkNumber) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE kk_number = ? AND record_status = 'ACTIVE' ORDER BY id")
        .param(kkNumber).query(Registry::map).list();
  }

  /**
   * Writes the given values where they differ from the record, each difference a line of history.
   * Returns how many fields changed. Facts about a record merged into another (work started before the
   * duplicate review) land on the record kept.
   */
  public int correct(long id, Map<ResidentField, ?> values, String actor, ChangeSource source, String reason) {
    long residentId = kept(id);
    Resident current = lock(residentId);
    List<ResidentField> changed = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    StringBuilder set = new StringBuilder();
    for (Map.Entry<ResidentField, ?> entry : values.entrySet()) {
      Object newValue = stored(entry.getValue());
      Object oldValue = current.value(entry.getKey());
      if (!same(oldValue, newValue)) {
        changed.add(entry.getKey());
        set.append(entry.getKey().column()).append(" = ?, ");
        params.add(newValue);
        history(residentId, actor, source, entry.getKey().name(), text(oldValue), text(newValue), reason);
      }
    }
    if (changed.isEmpty()) {
      return 0;
    }
    if (changed.contains(ResidentField.FULL_NAME)) {
      set.append("name_key = ?, ");
      params.add(NameKey.of((String) values.get(ResidentField.FULL_NAME)));
    }
    set.append("updated_at = ?");
    params.add(now());
    params.add(residentId);
    jdbc.sql("UPDATE resident SET " + set + " WHERE id = ?").params(params).update();
    return changed.size();
  }

  /** Records that the Puskesos checked the record in the field (the "last verified" of the stale-data rule). */
  public void markVerified(long id, String actor, ChangeSource source, String reason) {
    long residentId = kept(id);
    OffsetDateTime now = now();
    jdbc.sql("UPDATE resident SET verified_at = ?, verified_by = ?, updated_at = ? WHERE id = ?")
        .params(now, actor, now, residentId).update();
    history(residentId, actor, source, ResidentChange.VERIFIED, null, LocalDate.now(clock).toString(), reason);
  }

  /** The record that stands for this one: itself, or the record it was merged into. */
  long kept(long id) {
    Long mergedInto = get(id).mergedInto();
    return mergedInto == null ? id : kept(mergedInto);
  }

  /**
   * After a duplicate review: the duplicate record stops being used and points to the one kept. What open work
   * later records about the duplicate lands on the record kept ({@link #correct}, {@link #markVerified}).
   */
  public void merge(long duplicateId, long keptId, String actor, String reason) {
    lock(duplicateId);
    jdbc.sql("UPDATE resident SET record_status = 'MERGED', merged_into = ?, updated_at = ? WHERE id = ?")
        .params(keptId, now(), duplicateId).update();
    history(duplicateId, actor, ChangeSource.DUPLICATE_REVIEW, ResidentChange.MERGED, null, String.valueOf(keptId),
        reason);
  }

  /**
   * The record's history, oldest first. A record created by a DTKS/DTSEN import starts with that import (who ran
   * it, when, which file): the import keeps it once instead of a row per record.
   */
  @Transactional(readOnly = true)
  public List<ResidentChange> history(long residentId) {
    List<ResidentChange> history = new ArrayList<>(jdbc.sql("""
        SELECT i.started_at, i.started_by, i.id, i.file_name FROM resident r
        JOIN registry_import i ON i.id = r.created_import_id WHERE r.id = ?""")
        .param(residentId)
        .query((rs, row) -> new ResidentChange(rs.getObject("started_at", OffsetDateTime.class),
            rs.getString("started_by"), ChangeSource.IMPORT, ResidentChange.CREATED, null, null,
            "Impor DTKS/DTSEN #%d (%s)".formatted(rs.getLong("id"), rs.getString("file_name"))))
        .list());
    history.addAll(jdbc.sql("""
        SELECT changed_at, changed_by, source, field, old_value, new_value, reason FROM resident_change
        WHERE resident_id = ? ORDER BY id""")
        .param(residentId)
        .query((rs, row) -> new ResidentChange(rs.getObject("changed_at", OffsetDateTime.class),
            rs.getString("changed_by"), ChangeSource.valueOf(rs.getString("source")), rs.getString("field"),
            rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason")))
        .list());
    return history;
  }

  private void history(long residentId, String actor, ChangeSource source, String field, String oldValue,
      String newValue, String reason) {
    jdbc.sql("""
        INSERT INTO resident_change (resident_id, changed_at, changed_by, source, field, old_value, new_value, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(residentId, now(), actor, source.name(), field, clip(oldValue), clip(newValue), clip(reason))
        .update();
  }

  private Optional<Resident> lockByNik(String nik) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE nik = ? FOR UPDATE").param(nik)
        .query(Registry::map).optional();
  }

  private Resident lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE id = ? FOR UPDATE").param(id)
        .query(Registry::map).optional()
        .orElseThrow(() -> new NotFoundException("Warga " + id + " tidak ditemukan"));
  }

  /** The value as the database stores it: enums by name. */
  private static Object stored(Object value) {
    return value instanceof Enum<?> constant ? constant.name() : value;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue();
    }
    return Objects.equals(a, b);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String clip(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /**
   * A moment as Bandung's clock shows it: PostgreSQL hands timestamps back in UTC, H2 in the offset they were
   * written with, and the day of a verification must be the day in Bandung either way.
   */
  static OffsetDateTime wib(OffsetDateTime moment) {
    return moment == null ? null : moment.atZoneSameInstant(Dates.BANDUNG).toOffsetDateTime();
  }

  static Resident map(ResultSet rs, int row) throws SQLException {
    String dtks = rs.getString("dtks_status");
    Object desil = rs.getObject("desil");
    Object mergedInto = rs.getObject("merged_into");
    return new Resident(rs.getLong("id"), rs.getString("nik"), rs.getString("kk_number"), rs.getString("full_name"),
        rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex").trim()), rs.getString("address"),
        rs.getString("rt"), rs.getString("rw"), rs.getString("kelurahan"), rs.getString("phone"),
        rs.getString("family_relationship"), dtks == null ? null : DtksStatus.valueOf(dtks),
        desil == null ? null : ((Number) desil).intValue(), rs.getObject("registry_updated_on", LocalDate.class),
        wib(rs.getObject("verified_at", OffsetDateTime.class)), rs.getString("verified_by"), rs.getBoolean("deceased"),
        rs.getBoolean("moved_away"), "ACTIVE".equals(rs.getString("record_status")),
        mergedInto == null ? null : ((Number) mergedInto).longValue());
  }
}
