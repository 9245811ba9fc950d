package id.puskesos.rujukan;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file (the default database) near the size of its data. H2 writes each commit as a new chunk
 * at the end of the file; the pages a later commit replaces leave dead space in the chunks before, and a chunk is
 * freed for reuse only when nothing in it is live any more. H2's background housekeeping rewrites the live pages of
 * sparse chunks so that they can be freed, but it runs only with a write delay: with {@code WRITE_DELAY=0} (every
 * commit written through, which durability needs) there is no background thread, and the file grew to 50 times its
 * data. Every {@code rujukan.h2.compaction-interval} this does the housekeeping's rewrite on the application's own
 * scheduler: while the chunks' fill rate is below {@link #TARGET_FILL_RATE}%, the live pages of the sparsest chunks
 * are written again (at most {@link #WRITE_LIMIT} bytes a run, under H2's store lock), H2 reuses the freed space
 * after its {@code RETENTION_TIME}, and while the file is less than {@link #TARGET_FILL_RATE}% live its last chunks are
 * moved into the free space before them (at most {@link #MOVE_LIMIT} bytes a run) and the file is truncated. Nothing
 * on PostgreSQL or in-memory H2. docs/operations.md (the H2 file).
 */
@Component
class H2FileCompaction {

  static final int TARGET_FILL_RATE = 60;
  static final int WRITE_LIMIT = 8 * 1024 * 1024;
  static final long MOVE_LIMIT = 16L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

  private final DataSource dataSource;
  /** Null until the first run tells whether the database is an H2 file. */
  private Boolean h2File;

  H2FileCompaction(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Scheduled(initialDelayString = "${rujukan.h2.compaction-interval:PT5S}",
      fixedDelayString = "${rujukan.h2.compaction-interval:PT5S}")
  void compact() {
    if (Boolean.FALSE.equals(h2File)) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      Store store = fileStore(connection);
      h2File = store != null;
      if (store != null) {
        MVStore mvStore = store.getMvStore();
        mvStore.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        // and, as the housekeeping does, moves the last chunks into the free space before them and truncates the file
        if (mvStore.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < TARGET_FILL_RATE) {
          file.compactMoveChunks(TARGET_FILL_RATE, MOVE_LIMIT, mvStore);
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("H2 file compaction failed, tried again in the next run: {}", e.toString());
    }
  }

  /** The H2 file's store, or null when the database is not an H2 file. */
  static Store fileStore(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().isPersistent() ? session.getDatabase().getStore() : null;
  }
}
