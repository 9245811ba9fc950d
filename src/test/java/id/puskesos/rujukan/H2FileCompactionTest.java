package id.puskesos.rujukan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file with WRITE_DELAY=0 (the default database) leaves its chunks sparse, as H2 runs no housekeeping without
 * a write delay; the compaction rewrites them, and does nothing on an in-memory database.
 */
class H2FileCompactionTest {

  @TempDir
  Path dir;

  @Test
  void rewritesTheSparseChunksOfAnH2FileWrittenThroughOnEveryCommit() throws SQLException {
    // given: an H2 file written as the application writes it, with rows inserted and updated over many commits
    JdbcDataSource dataSource = new JdbcDataSource();
    // RETENTION_TIME=0: the chunks the rewrite empties are freed at the next commit, not 45 s later
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0");
    dataSource.setUser("sa");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INT PRIMARY KEY, payload VARCHAR(2000))");
      try (PreparedStatement merge = connection.prepareStatement("MERGE INTO churn KEY (id) VALUES (?, ?)")) {
        for (int i = 0; i < 3000; i++) {
          merge.setInt(1, i % 500);
          merge.setString(2, "x".repeat(200 + i % 1000));
          merge.executeUpdate();
        }
      }
      FileStore<?> file = H2FileCompaction.fileStore(connection).getMvStore().getFileStore();
      int sparse = file.getChunksFillRate();
      assertThat(sparse).isLessThan(H2FileCompaction.TARGET_FILL_RATE);

      // when: the compaction runs a few times, as the scheduler would
      H2FileCompaction compaction = new H2FileCompaction(dataSource);
      for (int run = 0; run < 5; run++) {
        compaction.compact();
        statement.execute("INSERT INTO churn VALUES (" + (10_000 + run) + ", 'commit')");
      }

      // then: the chunks hold more live data than before
      assertThat(file.getChunksFillRate()).isGreaterThan(sparse);
    }
  }

  @Test
  void leavesAnInMemoryDatabaseAlone() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:compaction-test");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(H2FileCompaction.fileStore(connection)).isNull();
      new H2FileCompaction(dataSource).compact();
    }
  }
}
