package id.puskesos.rujukan;

import java.io.PrintStream;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code java -jar rujukan.jar migrate}: the one migration step an operator runs before starting (or upgrading)
 * the nodes. It brings the database to this version: the case file, registry and budget tables and the Camunda
 * engine's own (from the scripts in the engine jar), with no web server and no engine. The database is named as the
 * application names it: {@code RUJUKAN_DB_URL}, {@code RUJUKAN_DB_USER}, {@code RUJUKAN_DB_PASSWORD}.
 */
public final class DatabaseMigration {

  private DatabaseMigration() {
  }

  /** Whether the command line names the step (options such as {@code --server.port} may come first). */
  public static boolean handles(String[] args) {
    return java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().filter("migrate"::equals)
        .isPresent();
  }

  /** Migrates; returns the process exit code. */
  public static int run(Map<String, String> environment, PrintStream out) {
    String url = environment.getOrDefault("RUJUKAN_DB_URL", "jdbc:h2:file:./data/rujukan;WRITE_DELAY=0");
    try {
      MigrateResult result = Flyway.configure()
          .dataSource(url, environment.getOrDefault("RUJUKAN_DB_USER", "sa"),
              environment.getOrDefault("RUJUKAN_DB_PASSWORD", ""))
          .locations("classpath:db/migration")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      out.printf("Database %s: %d migrations applied, now at version %s%n", url.replaceAll("password=[^;&]*", ""),
          result.migrationsExecuted, result.targetSchemaVersion == null ? result.initialSchemaVersion
              : result.targetSchemaVersion);
      return 0;
    } catch (RuntimeException e) {
      out.println("Migration failed: " + e.getMessage());
      return 1;
    }
  }
}
