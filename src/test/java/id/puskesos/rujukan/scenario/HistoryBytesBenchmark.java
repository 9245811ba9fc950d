package id.puskesos.rujukan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many bytes the engine's history keeps of one closed referral: the referral and the partner referrals it called
 * (one root instance), every ACT_HI_* row and the history byte arrays, each column counted as the octets of its text
 * (binary columns as their octets). Not part of the suite (no "Test" in the name); run it by hand on H2 or PostgreSQL:
 * {@code ./mvnw -B -o test -Dtest=HistoryBytesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. See docs/history.md.
 */
class HistoryBytesBenchmark extends ScenarioTestSupport {

  @Autowired
  private JdbcClient jdbc;
  @Autowired
  private HistoryService historyService;

  @Test
  void printsTheHistoryBytesOfAClosedReferral() {
    String number = api.closedFoodCase();

    String root = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("referral").singleResult().getRootProcessInstanceId();
    Map<String, Long> bytes = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : historyTables()) {
      List<Map<String, Object>> columns = columns(table);
      List<String> parts = new ArrayList<>();
      for (Map<String, Object> column : columns) {
        String name = String.valueOf(column.get("COLUMN_NAME"));
        String type = String.valueOf(column.get("DATA_TYPE")).toUpperCase(Locale.ROOT);
        boolean binary = type.contains("BINARY") || type.contains("BLOB") || type.contains("BYTEA");
        parts.add("COALESCE(OCTET_LENGTH(" + (binary ? name : "CAST(" + name + " AS VARCHAR)") + "), 0)");
      }
      String where = " WHERE ROOT_PROC_INST_ID_ = ?" + (table.equalsIgnoreCase("ACT_GE_BYTEARRAY") ? " AND TYPE_ = 3" : "");
      long count = jdbc.sql("SELECT COUNT(*) FROM " + table + where).param(root).query(Long.class).single();
      long sum = jdbc.sql("SELECT COALESCE(SUM(" + String.join(" + ", parts) + "), 0) FROM " + table + where)
          .param(root).query(Long.class).single();
      if (count > 0) {
        rows.put(table, count);
        bytes.put(table, sum);
      }
    }
    long total = bytes.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder report = new StringBuilder("\nHistory of closed referral " + number + " (root " + root + "):\n");
    bytes.forEach((table, size) -> report.append(String.format("  %-28s %5d rows %9d bytes%n", table, rows.get(table),
        size)));
    report.append(String.format("  %-28s %5d rows %9d bytes%n", "TOTAL",
        rows.values().stream().mapToLong(Long::longValue).sum(), total));
    System.out.println(report);
    assertThat(total).isPositive();
  }

  /** The history tables that carry the root instance, and the byte arrays (history values are TYPE_ 3). */
  private List<String> historyTables() {
    return jdbc.sql("SELECT DISTINCT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(COLUMN_NAME) = "
        + "'ROOT_PROC_INST_ID_' AND (UPPER(TABLE_NAME) LIKE 'ACT_HI_%' OR UPPER(TABLE_NAME) = 'ACT_GE_BYTEARRAY') "
        + "AND UPPER(TABLE_SCHEMA) IN ('PUBLIC') ORDER BY 1").query(String.class).list();
  }

  private List<Map<String, Object>> columns(String table) {
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Map<String, Object> row : jdbc.sql("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE "
        + "UPPER(TABLE_NAME) = ? AND UPPER(TABLE_SCHEMA) = 'PUBLIC'").param(table).query().listOfRows()) {
      Map<String, Object> column = new LinkedHashMap<>();
      row.forEach((key, value) -> column.put(key.toUpperCase(Locale.ROOT), value));
      columns.add(column);
    }
    return columns;
  }
}
