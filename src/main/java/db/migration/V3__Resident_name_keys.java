package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import id.puskesos.rujukan.registry.NameKey;

/** Fills the normalised name of residents registered before the registry had one (the rule lives in Java). */
public class V3__Resident_name_keys extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement select = context.getConnection().createStatement();
        ResultSet rows = select.executeQuery("SELECT id, full_name FROM resident WHERE name_key IS NULL");
        PreparedStatement update = context.getConnection().prepareStatement(
            "UPDATE resident SET name_key = ? WHERE id = ?")) {
      while (rows.next()) {
        update.setString(1, NameKey.of(rows.getString("full_name")));
        update.setLong(2, rows.getLong("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
