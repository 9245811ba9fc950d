package id.puskesos.rujukan.referral;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos and scans of handover receipts kept with a case ({@code handover_proof}): the bytes as received, their
 * type (as their first bytes show it), size and SHA-256, who attached them and when. Never a process variable. Who
 * may attach or read one is the caller's check ({@code distribution.HandoverProofService}).
 */
@Service
@Transactional
public class HandoverProofs {

  /** A proof without its bytes: what the case page lists. */
  public record Proof(long id, String programCode, String contentType, long size, String sha256,
      OffsetDateTime uploadedAt, String uploadedBy) {
  }

  /** A proof's bytes and the type they are served as. */
  public record Content(String contentType, byte[] bytes) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public HandoverProofs(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores one proof of the case's program; returns it as listed. */
  public Proof add(String number, String programCode, String contentType, byte[] bytes, String sha256,
      String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO handover_proof (referral_number, program_code, content_type, size_bytes, sha256, content,
                                    uploaded_by, uploaded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, programCode, contentType, bytes.length, sha256, bytes, actor, now)
        .update(keys, "id");
    return new Proof(keys.getKey().longValue(), programCode, contentType, bytes.length, sha256, now, actor);
  }

  /** The proofs of the case, every program, oldest first. */
  @Transactional(readOnly = true)
  public List<Proof> of(String number) {
    return jdbc.sql("""
        SELECT id, program_code, content_type, size_bytes, sha256, uploaded_at, uploaded_by FROM handover_proof
        WHERE referral_number = ? ORDER BY id""")
        .param(number)
        .query((rs, row) -> new Proof(rs.getLong("id"), rs.getString("program_code"), rs.getString("content_type"),
            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getObject("uploaded_at", OffsetDateTime.class),
            rs.getString("uploaded_by")))
        .list();
  }

  /** The proof's bytes, when it is one of this case's program. */
  @Transactional(readOnly = true)
  public Optional<Content> content(String number, String programCode, long id) {
    return jdbc.sql("""
        SELECT content_type, content FROM handover_proof WHERE id = ? AND referral_number = ? AND program_code = ?""")
        .params(id, number, programCode)
        .query((rs, row) -> new Content(rs.getString("content_type"), rs.getBytes("content"))).optional();
  }
}
