package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The Camunda engine's tables, from the SQL scripts that ship in the engine jar for this database, so that one
 * migration step creates everything before any node starts (production runs the engine with schema-update off).
 * Skipped where the engine's tables exist already (a database the engine created itself). Camunda's upgrade scripts
 * ({@code db/upgrade/*}) become later migrations when the engine version changes.
 */
public class V11__Camunda_engine_schema extends BaseJavaMigration {

  /** In the order Camunda creates them: runtime, case, decision, history (the same three), identity. */
  private static final List<String> PARTS = List.of("engine", "case.engine", "decision.engine", "history",
      "case.history", "decision.history", "identity");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (exists(connection, "ACT_GE_PROPERTY")) {
      return;
    }
    String database = database(connection);
    for (String part : PARTS) {
      ScriptUtils.executeSqlScript(connection, new EncodedResource(new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti.%s.create.%s.sql".formatted(database, part))));
    }
  }

  /** Camunda's name of the database: postgres or h2 (the two this project runs on). */
  private static String database(Connection connection) throws Exception {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return "postgres";
    }
    if (product.contains("h2")) {
      return "h2";
    }
    throw new IllegalStateException("No Camunda schema script for database " + product);
  }

  private static boolean exists(Connection connection, String table) throws Exception {
    for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
