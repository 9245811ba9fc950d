package id.puskesos.rujukan.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who saw a resident's full record, when and for what: API reads, exports, task forms that show the full NIK, reads
 * of a case's full NIK, and erasures. Written in its own transaction, so a read is logged even when the request fails afterwards.
 */
@Service
public class AccessLog {

  /** Why the record was read; FULL_NIK: a case's full NIK over the API (referral.FullNikReads). */
  public enum Purpose {
    RECORD_VIEW, CONSENT_VIEW, EXPORT, ERASURE, TASK_FORM, CASE_SEARCH, FULL_NIK
  }

  public record Entry(OffsetDateTime at, String by, Purpose purpose, String detail) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public AccessLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(long residentId, Purpose purpose, String detail, String actor) {
    jdbc.sql("""
        INSERT INTO access_log (resident_id, accessed_at, accessed_by, purpose, detail) VALUES (?, ?, ?, ?, ?)""")
        .params(residentId, OffsetDateTime.now(clock), actor, purpose.name(),
            detail == null || detail.length() <= 300 ? detail : detail.substring(0, 299) + "…")
        .update();
  }

  @Transactional(readOnly = true)
  public List<Entry> entries(long residentId) {
    return jdbc.sql("""
        SELECT accessed_at, accessed_by, purpose, detail FROM access_log WHERE resident_id = ? ORDER BY id""")
        .param(residentId)
        .query((rs, row) -> new Entry(rs.getObject("accessed_at", OffsetDateTime.class), rs.getString("accessed_by"),
            Purpose.valueOf(rs.getString("purpose")), rs.getString("detail")))
        .list();
  }
}
