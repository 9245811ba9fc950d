package id.puskesos.rujukan.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issued documents (evaluation packs, appreciation letters, activity reports) kept as they were issued, so what a
 * partner received can be shown again byte for byte; an e-mail in the outbox can carry one as its attachment.
 */
@Service
@Transactional
public class Documents {

  /** A stored document; {@code content} is a PDF unless the file name says otherwise. */
  public record Document(long id, String kind, String title, String fileName, byte[] content) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public Documents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long store(String kind, String title, String fileName, byte[] content, String actor) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO document (kind, title, file_name, content, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(kind, title, fileName, content, OffsetDateTime.now(clock), actor)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  @Transactional(readOnly = true)
  public Optional<Document> find(long id) {
    return jdbc.sql("SELECT id, kind, title, file_name, content FROM document WHERE id = ?").param(id)
        .query((rs, n) -> new Document(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
            rs.getString("file_name"), rs.getBytes("content")))
        .optional();
  }

  public Document get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Dokumen " + id + " tidak ditemukan"));
  }
}
